package dev.tarsspeedy.platform.caller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarsspeedy.platform.problem.ProblemException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class CallerTest {

    private static final UUID USER = UUID.fromString("7b0c2f7e-3f4e-4d52-9d7a-4a0f8f1d6a11");

    @ParameterizedTest
    @CsvSource(
            nullValues = "NULL",
            value = {
                "NULL, en",
                "'', en",
                "ko, ko",
                "ko-KR, ko",
                "en-US, en",
                "'fr, de', en",
                "'en, ko;q=0.5', en",
                "'ko;q=0.9, en;q=0.8', ko",
                "'en;q=0.1, ko', ko",
                "'ko;q=nonsense', en"
            })
    void acceptLanguageChoosesKoreanOnlyWhenItRanksFirst(String header, String expected) {
        assertThat(Language.preferredBy(header).tag()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "NULL",
            value = {"ko, KO", "KO-kr, KO", "en, EN", "en_GB, EN", "kor, NULL", "fr, NULL", "'', NULL", "NULL, NULL"})
    void languageTags(String tag, Language expected) {
        assertThat(Language.ofTag(tag)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "NULL",
            value = {
                "' a@b.kr ', a@b.kr",
                "NULL, NULL",
                "'   ', NULL",
                "no-at-sign, NULL",
                "@example.com, NULL",
                "mina@, NULL"
            })
    void onlyUsableEmailClaimsAreKept(String claim, String expected) {
        assertThat(Caller.usableEmail(claim)).isEqualTo(expected);
    }

    @Test
    void anOverlongEmailIsDropped() {
        assertThat(Caller.usableEmail("a".repeat(250) + "@b.kr")).isNull();
    }

    @Test
    void rolesLoseTheirPrefixAndTheLocaleClaimWins() {
        Caller caller = CallerArgumentResolver.of(authentication(USER.toString(), Map.of("locale", "ko")), "en");
        assertThat(caller.id()).isEqualTo(USER);
        assertThat(caller.roles()).containsExactlyInAnyOrder("USER", "ADMIN");
        assertThat(caller.isAdmin()).isTrue();
        assertThat(caller.language()).isEqualTo(Language.KO);
    }

    @Test
    void theZoneinfoClaimIsTheZoneAndTheLanguageGivesTheFallback() {
        Caller newYork = CallerArgumentResolver.of(
                authentication(USER.toString(), Map.of("locale", "en", "zoneinfo", "America/New_York")), null);
        assertThat(newYork.zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(newYork.zoneOrDefault()).isEqualTo(ZoneId.of("America/New_York"));

        Caller korean = CallerArgumentResolver.of(
                authentication(USER.toString(), Map.of("locale", "ko", "zoneinfo", "Mars/Olympus")), null);
        assertThat(korean.zone()).isNull();
        assertThat(korean.zoneOrDefault()).isEqualTo(ZoneId.of("Asia/Seoul"));

        Caller english = CallerArgumentResolver.of(authentication(USER.toString(), Map.of("locale", "en")), null);
        assertThat(english.zone()).isNull();
        assertThat(english.zoneOrDefault()).isEqualTo(ZoneId.of("UTC"));
        assertThat(new Caller(USER, null, java.util.Set.of(), Language.KO).zone())
                .isNull();
    }

    @Test
    void aSubjectThatIsNoUserIdIsUnauthorized() {
        assertThatThrownBy(() -> CallerArgumentResolver.of(authentication("gateway", Map.of()), null))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        problem -> assertThat(problem.status().value()).isEqualTo(401));
        assertThatThrownBy(() -> CallerArgumentResolver.of(null, null)).isInstanceOf(ProblemException.class);
    }

    private static JwtAuthenticationToken authentication(String subject, Map<String, Object> claims) {
        Jwt.Builder jwt = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject(subject)
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60));
        claims.forEach(jwt::claim);
        return new JwtAuthenticationToken(
                jwt.build(),
                List.of(new SimpleGrantedAuthority("ROLE_USER"), new SimpleGrantedAuthority("ROLE_ADMIN")),
                subject);
    }
}
