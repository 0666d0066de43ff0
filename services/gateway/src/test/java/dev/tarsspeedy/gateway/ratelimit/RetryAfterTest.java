package dev.tarsspeedy.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RetryAfterTest {

    @Test
    void anEmptyBucketWaitsForTheTokensOfOneRequest() {
        assertThat(RetryAfter.seconds(0, 1, 1)).isEqualTo(1);
        assertThat(RetryAfter.seconds(0, 1, 10)).isEqualTo(1);
        // One request a minute: 60 tokens per request, one token per second.
        assertThat(RetryAfter.seconds(0, 60, 1)).isEqualTo(60);
        assertThat(RetryAfter.seconds(15, 60, 1)).isEqualTo(45);
    }

    @Test
    void partialSecondsRoundUp() {
        assertThat(RetryAfter.seconds(0, 5, 2)).isEqualTo(3);
        assertThat(RetryAfter.seconds(1, 5, 2)).isEqualTo(2);
        assertThat(RetryAfter.seconds(0, 7, 3)).isEqualTo(3);
    }

    @Test
    void neverLessThanOneSecond() {
        // Refused with enough tokens can only be a race with another request: try again shortly.
        assertThat(RetryAfter.seconds(5, 1, 1)).isEqualTo(1);
        assertThat(RetryAfter.seconds(0, 1, 1000)).isEqualTo(1);
    }

    @Test
    void anUnknownTokenCountCountsAsEmpty() {
        assertThat(RetryAfter.seconds(-1, 10, 5)).isEqualTo(2);
    }
}
