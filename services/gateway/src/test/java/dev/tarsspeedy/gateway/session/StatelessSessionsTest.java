package dev.tarsspeedy.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebSession;

/** The web interface's session cookie passes the gateway untouched, however the gateway uses its own session. */
class StatelessSessionsTest {

    @Test
    void theBrowsersSessionCookieIsNeitherExpiredNorReplaced() {
        MockServerWebExchange exchange = MockServerWebExchange.builder(MockServerHttpRequest.get("/static/app.css")
                        .header(HttpHeaders.COOKIE, "SESSION=web-session-id"))
                .sessionManager(new StatelessSessions().webSessionManager())
                .build();

        WebSession session = exchange.getSession().block();
        session.getAttributes().put("touched", true);
        exchange.getResponse().setComplete().block();

        assertThat(session.getId()).isNotEqualTo("web-session-id");
        assertThat(exchange.getResponse().getHeaders().get(HttpHeaders.SET_COOKIE))
                .isNull();
        assertThat(exchange.getResponse().getCookies()).isEmpty();
    }
}
