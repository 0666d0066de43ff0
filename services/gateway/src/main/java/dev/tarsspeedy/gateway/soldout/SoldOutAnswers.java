package dev.tarsspeedy.gateway.soldout;

import dev.tarsspeedy.contracts.order.BuyRequestRules;
import dev.tarsspeedy.contracts.order.SoldOutAnswer;
import dev.tarsspeedy.platform.problem.ProblemWriter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.reactivestreams.Publisher;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The flood after a sell-out stops here. When the order service answers a buy {@code 409 sold-out} with
 * {@link SoldOutAnswer#MAX_AGE_HEADER} (the drop has nothing left, and it would answer every attempt the same for that
 * long), the gateway keeps that answer per drop and reader's language and gives it to the next buyers itself, for at
 * most that long: no proxied call, no work in the order service. Most of a drop's attempts come after its sell-out.
 *
 * <p>Only an attempt the order service would certainly refuse as sold out is answered from memory: authenticated and
 * within the rate limit (both checked before this filter), with an {@code Idempotency-Key} and a JSON body of exactly
 * one unit ({@code {"quantity":1}}). Anything else (a malformed request, more units, which may be over the buyer's
 * limit) reaches the order service, which answers it as before. Like the order service's own memory of the sell-out,
 * a repeated attempt of a buyer who did get a unit is answered "sold out" too while the memory holds, and a unit given
 * back is offered again when it runs out. The header never reaches the client. Answers from memory count in
 * {@code speedy_buy_attempts_total{outcome="sold_out"}}, beside the order service's own.
 */
@Component
public class SoldOutAnswers implements GlobalFilter, Ordered {

    /**
     * Right after Spring Cloud Gateway has read the body of a route with a fallback
     * ({@code AdaptCachedBodyGlobalFilter}, {@code HIGHEST_PRECEDENCE + 1000}), before the route's circuit breaker:
     * after the rate limit and the size limit.
     */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 1001;

    private final boolean enabled;
    private final PathPattern path;
    private final String dropVariable;
    private final SoldOutMemory memory;
    private final JsonMapper json;
    private final Counter answered;

    SoldOutAnswers(SoldOutSettings settings, JsonMapper json, MeterRegistry registry) {
        this.enabled = settings.enabled();
        this.path = PathPatternParser.defaultInstance.parse(settings.path());
        this.dropVariable = settings.path().replaceAll("^.*\\{([^}/]+)}.*$", "$1");
        if (dropVariable.equals(settings.path())) {
            throw new IllegalArgumentException(
                    "gateway.sold-out.path needs the drop id as a variable, like /api/drops/{dropId}/orders: "
                            + settings.path());
        }
        this.memory = new SoldOutMemory(settings.maxAge(), settings.maxEntries(), System::nanoTime);
        this.json = json;
        this.answered = Counter.builder("speedy.buy.attempts")
                .description("Buy attempts by outcome; here those the gateway answered from its memory")
                .tag("outcome", "sold_out")
                .register(registry);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (request.getMethod() != HttpMethod.POST) {
            return chain.filter(exchange);
        }
        PathPattern.PathMatchInfo match = path.matchAndExtract(request.getPath().pathWithinApplication());
        if (match == null) {
            return chain.filter(exchange);
        }
        String dropId = match.getUriVariables().get(dropVariable);
        Locale language = ProblemWriter.locale(exchange);
        // Switched off, nothing is kept or repeated, but the header is still not passed on.
        SoldOutMemory.Answer answer = enabled ? memory.answer(dropId, language) : null;
        if (answer != null && oneUnitWellFormed(exchange)) {
            answered.increment();
            return write(exchange.getResponse(), answer);
        }
        return chain.filter(exchange.mutate()
                .response(new Learning(exchange.getResponse(), dropId, language))
                .build());
    }

    /** What the order service would refuse as sold out, and nothing it might answer otherwise. */
    private boolean oneUnitWellFormed(ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        List<String> keys = headers.get(BuyRequestRules.IDEMPOTENCY_KEY_HEADER);
        if (keys == null || keys.size() != 1) {
            return false;
        }
        String key = keys.getFirst();
        if (key.isBlank() || key.strip().length() > BuyRequestRules.MAX_IDEMPOTENCY_KEY_LENGTH) {
            return false;
        }
        MediaType type;
        try {
            type = headers.getContentType();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        if (type == null || !MediaType.APPLICATION_JSON.isCompatibleWith(type)) {
            return false;
        }
        DataBuffer body = exchange.getAttribute(ServerWebExchangeUtils.CACHED_REQUEST_BODY_ATTR);
        if (body == null) {
            return false;
        }
        String text = body.toString(body.readPosition(), body.readableByteCount(), StandardCharsets.UTF_8);
        try {
            JsonNode node = json.readTree(text);
            JsonNode quantity = node.get("quantity");
            return node.isObject()
                    && node.size() == 1
                    && quantity != null
                    && quantity.isIntegralNumber()
                    && quantity.canConvertToInt()
                    && quantity.intValue() == 1;
        } catch (JacksonException e) {
            return false;
        }
    }

    private static Mono<Void> write(ServerHttpResponse response, SoldOutMemory.Answer answer) {
        response.setStatusCode(HttpStatus.CONFLICT);
        HttpHeaders headers = response.getHeaders();
        headers.set(HttpHeaders.CONTENT_TYPE, answer.contentType());
        if (answer.contentLanguage() != null) {
            headers.set(HttpHeaders.CONTENT_LANGUAGE, answer.contentLanguage());
        }
        headers.setContentLength(answer.body().length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(answer.body())));
    }

    /** Keeps a sold-out answer the order service allows to repeat; never passes the header on. */
    private final class Learning extends ServerHttpResponseDecorator {

        private final String dropId;
        private final Locale language;

        Learning(ServerHttpResponse delegate, String dropId, Locale language) {
            super(delegate);
            this.dropId = dropId;
            this.language = language;
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            HttpHeaders headers = getHeaders();
            String maxAgeHeader = headers.getFirst(SoldOutAnswer.MAX_AGE_HEADER);
            if (maxAgeHeader == null) {
                return super.writeWith(body);
            }
            headers.remove(SoldOutAnswer.MAX_AGE_HEADER);
            Duration maxAge = parse(maxAgeHeader);
            String contentType = headers.getFirst(HttpHeaders.CONTENT_TYPE);
            String contentLanguage = headers.getFirst(HttpHeaders.CONTENT_LANGUAGE);
            if (!enabled
                    || maxAge.isZero()
                    || !HttpStatus.CONFLICT.equals(getStatusCode())
                    || contentType == null
                    || !sameLanguage(contentLanguage)) {
                return super.writeWith(body);
            }
            return DataBufferUtils.join(body).flatMap(joined -> {
                byte[] bytes = new byte[joined.readableByteCount()];
                joined.read(bytes);
                DataBufferUtils.release(joined);
                memory.remember(
                        dropId, language, new SoldOutMemory.Answer(contentType, contentLanguage, bytes), maxAge);
                return super.writeWith(Mono.just(bufferFactory().wrap(bytes)));
            });
        }

        /** The answer is kept under the language the gateway works out for the request: they must agree. */
        private boolean sameLanguage(String contentLanguage) {
            return contentLanguage != null
                    && Locale.forLanguageTag(contentLanguage).getLanguage().equals(language.getLanguage());
        }
    }

    /** Whole milliseconds; anything else is no permission (zero). */
    static Duration parse(String maxAgeMillis) {
        try {
            long millis = Long.parseLong(maxAgeMillis.strip());
            return millis > 0 ? Duration.ofMillis(millis) : Duration.ZERO;
        } catch (NumberFormatException e) {
            return Duration.ZERO;
        }
    }
}
