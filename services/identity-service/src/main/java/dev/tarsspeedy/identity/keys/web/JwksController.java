package dev.tarsspeedy.identity.keys.web;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import dev.tarsspeedy.identity.keys.SigningKey;
import dev.tarsspeedy.identity.keys.SigningKeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public signing keys (RFC 7517 JWK set): every key that is not retired, the one that signs first. */
@RestController
class JwksController {

    private final SigningKeyStore keys;

    JwksController(SigningKeyStore keys) {
        this.keys = keys;
    }

    @GetMapping(path = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> jwks() {
        List<JWK> published = keys.published().stream()
                .map(SigningKey::publicJwk)
                .map(JWK.class::cast)
                .toList();
        return ResponseEntity.ok()
                // Shorter than identity.keys.publish-ahead: a cached set always holds the key that signs next.
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic())
                .body(new JWKSet(published).toJSONObject(true));
    }
}
