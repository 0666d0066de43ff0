package dev.tarsspeedy.identity.keys;

import static dev.tarsspeedy.platform.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tarsspeedy.identity.support.IdentityTestBase;
import dev.tarsspeedy.platform.scheduling.ScheduledJob;
import dev.tarsspeedy.platform.scheduling.ScheduledJobs;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * Rotation with the test profile's timings (rotate after 30 days, publish 1 h ahead, retire 1 h after the
 * successor took over): a new key is published before it signs, and the old one stays published while its
 * tokens can still be valid. Maintenance runs as the service's scheduled job {@code key-maintenance}.
 */
class KeyRotationIT extends IdentityTestBase {

    @Autowired
    SigningKeyStore keys;

    @Autowired
    ScheduledJobs jobs;

    @Test
    void aNewKeyIsPublishedFirstThenSignsWhileTheOldOneStaysUntilItsTokensExpired() throws Exception {
        String email = activeAccount("Kim");
        String oldKid = kidOf(accessToken(email));
        Set<String> before = publishedKids();
        assertThat(before).contains(oldKid);

        // The newest key is 30 days old: maintenance makes a successor, published at once, signing in an hour.
        clock.advance(Duration.ofDays(30).plusMinutes(1));
        maintain();
        Set<String> afterRotation = publishedKids();
        assertThat(afterRotation).containsAll(before).hasSize(before.size() + 1);
        String newKid = afterRotation.stream()
                .filter(kid -> !before.contains(kid))
                .findFirst()
                .orElseThrow();
        assertThat(kidOf(accessToken(email))).isEqualTo(oldKid);

        // Just before the switch, the old key still signs.
        clock.advance(Duration.ofMinutes(59));
        SigningKey oldKey = keys.signingKey().block();
        assertThat(oldKey.kid()).isEqualTo(oldKid);
        String signedByOld = accessToken(email);
        assertThat(kidOf(signedByOld)).isEqualTo(oldKid);

        // After the publication period the new key signs; the old key's tokens still work.
        clock.advance(Duration.ofMinutes(2));
        maintain();
        String signedByNew = accessToken(email);
        assertThat(kidOf(signedByNew)).isEqualTo(newKid);
        assertThat(publishedKids()).contains(oldKid, newKid);
        getMe(signedByOld).expectStatus().isOk();
        getMe(signedByNew).expectStatus().isOk();

        // Once the new key has signed for retire-after, the old key leaves the JWKS and is no longer accepted,
        // not even for a token that has not expired.
        clock.advance(Duration.ofMinutes(61));
        maintain();
        assertThat(publishedKids()).contains(newKid).doesNotContain(oldKid);
        assertThat(count("select count(*) from signing_key where kid = :kid and retired_at is not null", "kid", oldKid))
                .isEqualTo(1);
        String fresh = accessToken(email);
        assertThat(kidOf(fresh)).isEqualTo(newKid);
        getMe(fresh).expectStatus().isOk();
        assertProblem(getMe(resign(fresh, oldKey)), HttpStatus.UNAUTHORIZED, "unauthorized");
    }

    /** One run of the key maintenance job, as its schedule runs it (on every instance: no lock). */
    private void maintain() {
        ScheduledJob job = jobs.job("key-maintenance");
        assertThat(job.oncePerCluster()).isFalse();
        assertThat(jobs.runNow(job)).isEqualTo(ScheduledJobs.Outcome.SUCCESS);
    }

    /** The same claims, signed with a (retired) key. */
    private static String resign(String token, SigningKey key) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.kid()).build(),
                SignedJWT.parse(token).getJWTClaimsSet());
        jwt.sign(new RSASSASigner(key.privateKey()));
        return jwt.serialize();
    }

    private String accessToken(String email) {
        return (String) login(email, PASSWORD).get("accessToken");
    }

    private static String kidOf(String token) throws Exception {
        return SignedJWT.parse(token).getHeader().getKeyID();
    }

    private Set<String> publishedKids() throws Exception {
        String body = client().get()
                .uri("/.well-known/jwks.json")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        List<JWK> published = JWKSet.parse(body).getKeys();
        Set<String> kids = new HashSet<>();
        published.forEach(key -> kids.add(key.getKeyID()));
        return kids;
    }
}
