package dev.tarsspeedy.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class PathRulesTest {

    private final PathRules rules = new PathRules(List.of("/api/auth/**", "GET /api/drops/**", "/livez"));

    @Test
    void aPatternWithoutMethodMatchesEveryMethod() {
        assertThat(rules.matches(MockServerHttpRequest.post("/api/auth/login").build()))
                .isTrue();
        assertThat(rules.matches(MockServerHttpRequest.get("/livez").build())).isTrue();
    }

    @Test
    void aMethodRuleMatchesThatMethodOnly() {
        assertThat(rules.matches(MockServerHttpRequest.get("/api/drops/42").build()))
                .isTrue();
        assertThat(rules.matches(
                        MockServerHttpRequest.post("/api/drops/42/orders").build()))
                .isFalse();
    }

    @Test
    void otherPathsDoNotMatch() {
        assertThat(rules.matches(MockServerHttpRequest.get("/api/orders").build()))
                .isFalse();
        assertThat(rules.matches(MockServerHttpRequest.get("/livez/more").build()))
                .isFalse();
        assertThat(rules.matches(MockServerHttpRequest.get("/api/authx").build()))
                .isFalse();
    }
}
