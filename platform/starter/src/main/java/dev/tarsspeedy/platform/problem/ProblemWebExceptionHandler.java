package dev.tarsspeedy.platform.problem;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * The one place where errors become responses: controllers, routing (unknown path, wrong method), codecs
 * (malformed JSON, body too large) and filters all end here. Runs before Boot's default error handler, which
 * would render its own JSON shape.
 */
public final class ProblemWebExceptionHandler implements WebExceptionHandler, Ordered {

    private final ProblemMapper mapper;
    private final ProblemWriter writer;

    public ProblemWebExceptionHandler(ProblemMapper mapper, ProblemWriter writer) {
        this.mapper = mapper;
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        return writer.write(exchange, mapper.toProblem(exchange, error));
    }

    @Override
    public int getOrder() {
        return -2; // DefaultErrorWebExceptionHandler is -1
    }
}
