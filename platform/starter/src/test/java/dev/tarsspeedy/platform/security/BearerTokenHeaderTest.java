package dev.tarsspeedy.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import reactor.core.publisher.Mono;

/** The loop takes the same tokens, refuses the same malformed ones and ignores the same headers as Spring's converter. */
class BearerTokenHeaderTest {

    private final ServerAuthenticationConverter spring = new ServerBearerTokenAuthenticationConverter();
    private final ServerAuthenticationConverter platform = new BearerTokenHeader();

    @Test
    void sameAnswerAsSpringsConverterForEveryShapeOfHeader() {
        List<String> headers = new ArrayList<>();
        headers.add(null);
        String[] prefixes = {
            "Bearer ",
            "bearer ",
            "BEARER ",
            "bEaReR ",
            "Bearer",
            "Bearer  ",
            "Bearerx ",
            "Basic ",
            "Token ",
            "",
            " Bearer ",
            "Bearer\t"
        };
        String[] tokens = {
            "",
            "abc",
            "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1In0.c2ln-_~+/",
            "abc==",
            "abc=",
            "abc=d",
            "=",
            "==abc",
            "a b",
            "a\tb",
            "\u00e9t\u00e9",
            "a,b",
            "a%2Fb",
            "a\"b",
            " abc",
            "abc ",
            "abc\n",
            "abc\r\n",
            "ABC.xyz.123"
        };
        for (String prefix : prefixes) {
            for (String token : tokens) {
                headers.add(prefix + token);
            }
        }
        String alphabet = "aZ09-._~+/= \t,;\"\u00e9";
        Random random = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            StringBuilder header = new StringBuilder(random.nextBoolean() ? "Bearer " : "bearer");
            for (int j = random.nextInt(12); j >= 0; j--) {
                header.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            headers.add(header.toString());
        }
        for (String header : headers) {
            assertThat(outcome(platform, header)).as("[%s]", header).isEqualTo(outcome(spring, header));
        }
    }

    @Test
    void aWellFormedTokenIsTakenWhole() {
        assertThat(outcome(platform, "Bearer a.b-c_d~e+f/g==")).isEqualTo("token a.b-c_d~e+f/g==");
        assertThat(outcome(platform, "Bearer a.b=c")).startsWith("error invalid_token");
        assertThat(outcome(platform, "Basic dXNlcjpwYXNz")).isEqualTo("none");
    }

    private static String outcome(ServerAuthenticationConverter converter, String header) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/api/things");
        if (header != null) {
            request.header(HttpHeaders.AUTHORIZATION, header);
        }
        Mono<Authentication> authentication = converter.convert(MockServerWebExchange.from(request));
        try {
            Authentication result = authentication.block();
            return result == null ? "none" : "token " + ((BearerTokenAuthenticationToken) result).getToken();
        } catch (OAuth2AuthenticationException e) {
            return "error " + e.getError().getErrorCode() + " " + e.getError().getDescription();
        }
    }
}
