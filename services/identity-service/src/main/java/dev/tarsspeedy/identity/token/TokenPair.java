package dev.tarsspeedy.identity.token;

import java.time.Duration;

/** What a login or refresh hands out. */
public record TokenPair(String accessToken, String refreshToken, Duration accessTokenTtl) {

    @Override
    public String toString() {
        return "TokenPair[accessTokenTtl=" + accessTokenTtl + "]";
    }
}
