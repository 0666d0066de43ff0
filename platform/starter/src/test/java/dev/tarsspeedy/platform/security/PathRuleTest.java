package dev.tarsspeedy.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/** What an entry of public-paths or admin-paths means; JwtSecurityIT checks how it is enforced. */
class PathRuleTest {

    @Test
    void aPlainPatternIsForEveryMethod() {
        assertThat(PathRule.parse("/api/auth/**")).isEqualTo(new PathRule(null, "/api/auth/**"));
        assertThat(PathRule.parse(" /api/public/** ")).isEqualTo(new PathRule(null, "/api/public/**"));
    }

    @Test
    void aMethodPrefixLimitsTheRuleToThatMethod() {
        assertThat(PathRule.parse("GET /api/drops/**")).isEqualTo(new PathRule(HttpMethod.GET, "/api/drops/**"));
        assertThat(PathRule.parse("  get   /api/drops/** ")).isEqualTo(new PathRule(HttpMethod.GET, "/api/drops/**"));
    }

    @Test
    void aMalformedEntryFailsAtStartup() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PathRule.parse("GET api/drops"))
                .withMessageContaining("GET api/drops");
        assertThatIllegalArgumentException().isThrownBy(() -> PathRule.parse("/api/a /api/b"));
    }
}
