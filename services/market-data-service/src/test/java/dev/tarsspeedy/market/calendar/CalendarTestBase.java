package dev.tarsspeedy.market.calendar;

import dev.tarsspeedy.platform.test.MutableClock;
import dev.tarsspeedy.platform.test.ServiceTestBase;
import dev.tarsspeedy.platform.test.TestClockConfiguration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriBuilder;

/**
 * The market-data service on real PostgreSQL, Redis and Kafka with a clock the tests move, for the calendar and
 * symbol ITs (one context for both). To be replaced by the service's MarketTestBase, with the stand-in market, once
 * the quote work that owns it is merged.
 */
@Import(TestClockConfiguration.class)
public abstract class CalendarTestBase extends ServiceTestBase {

    @Autowired
    protected MutableClock clock;

    /** A GET of {@code path} with the query parameters (encoded), in {@code language} ({@code null}: no header). */
    protected WebTestClient.ResponseSpec get(String path, Map<String, String> query, String language) {
        WebTestClient.RequestHeadersSpec<?> request = client().get().uri(builder -> {
            UriBuilder uri = builder.path(path);
            query.forEach((name, value) -> uri.queryParam(name, "{" + name + "}"));
            return uri.build(query);
        });
        if (language != null) {
            request = request.header(HttpHeaders.ACCEPT_LANGUAGE, language);
        }
        return request.exchange();
    }

    protected Map<String, Object> getOk(String path, Map<String, String> query, String language) {
        return get(path, query, language)
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
    }
}
