package dev.tarsspeedy.order.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.order.sale.SaleStore;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/** The buyer's address and language the buy carries to the order for its emails. */
class OrderBuyerContactTest {

    private static Jwt token(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject("u")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60));
        claims.forEach(builder::claim);
        return builder.build();
    }

    @Test
    void theEmailClaimIsTakenWhenItLooksLikeAnAddress() {
        assertThat(CurrentUser.contact(token(Map.of("email", " minji@example.com ")), null))
                .isEqualTo(new SaleStore.BuyerContact("minji@example.com", "en"));
        assertThat(CurrentUser.contact(token(Map.of("email", "no-at-sign")), null)
                        .email())
                .isNull();
        assertThat(CurrentUser.contact(token(Map.of("email", "a".repeat(250) + "@b.kr")), null)
                        .email())
                .isNull();
        assertThat(CurrentUser.contact(token(Map.of()), null).email()).isNull();
    }

    @Test
    void koreanOnlyWhenAcceptLanguagePrefersIt() {
        assertThat(CurrentUser.prefersKorean("ko-KR,ko;q=0.9")).isTrue();
        assertThat(CurrentUser.prefersKorean("ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7"))
                .isTrue();
        assertThat(CurrentUser.prefersKorean("en-US,en;q=0.9,ko;q=0.8")).isFalse();
        assertThat(CurrentUser.prefersKorean("en")).isFalse();
        assertThat(CurrentUser.prefersKorean("de-DE")).isFalse();
        assertThat(CurrentUser.prefersKorean(null)).isFalse();
        assertThat(CurrentUser.prefersKorean("ko;q=x, en")).isFalse();
        assertThat(CurrentUser.contact(token(Map.of()), "ko").locale()).isEqualTo("ko");
    }
}
