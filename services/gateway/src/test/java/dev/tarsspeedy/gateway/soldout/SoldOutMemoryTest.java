package dev.tarsspeedy.gateway.soldout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SoldOutMemoryTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final SoldOutMemory memory = new SoldOutMemory(Duration.ofSeconds(5), 3, now::get);

    @Test
    void anAnswerIsRepeatedUntilTheTimeTheServiceAllowed() {
        SoldOutMemory.Answer answer = answer("a");
        memory.remember("d1", Locale.ENGLISH, answer, Duration.ofMillis(800));

        later(Duration.ofMillis(799));
        assertThat(memory.answer("d1", Locale.ENGLISH)).isSameAs(answer);
        later(Duration.ofMillis(1));
        assertThat(memory.answer("d1", Locale.ENGLISH)).isNull();
        assertThat(memory.size()).isZero();
    }

    @Test
    void neverLongerThanTheGatewaysOwnMaximum() {
        memory.remember("d1", Locale.ENGLISH, answer("a"), Duration.ofMinutes(10));

        later(Duration.ofMillis(4_999));
        assertThat(memory.answer("d1", Locale.ENGLISH)).isNotNull();
        later(Duration.ofMillis(1));
        assertThat(memory.answer("d1", Locale.ENGLISH)).isNull();
    }

    @Test
    void perDropAndLanguage() {
        memory.remember("d1", Locale.ENGLISH, answer("en"), Duration.ofSeconds(1));

        assertThat(memory.answer("d1", Locale.KOREAN)).isNull();
        assertThat(memory.answer("d2", Locale.ENGLISH)).isNull();
        assertThat(memory.answer("d1", Locale.ENGLISH)).isNotNull();
    }

    @Test
    void noPermissionIsNoMemory() {
        memory.remember("d1", Locale.ENGLISH, answer("a"), Duration.ZERO);
        memory.remember("d2", Locale.ENGLISH, answer("a"), Duration.ofMillis(-1));

        assertThat(memory.size()).isZero();
    }

    @Test
    void whenFullExpiredAnswersMakeRoomAndLiveOnesAreKept() {
        memory.remember("d1", Locale.ENGLISH, answer("1"), Duration.ofMillis(100));
        memory.remember("d2", Locale.ENGLISH, answer("2"), Duration.ofSeconds(2));
        memory.remember("d3", Locale.ENGLISH, answer("3"), Duration.ofSeconds(2));

        memory.remember("d4", Locale.ENGLISH, answer("4"), Duration.ofSeconds(2));
        assertThat(memory.answer("d4", Locale.ENGLISH))
                .as("full of live answers")
                .isNull();

        later(Duration.ofMillis(100));
        memory.remember("d4", Locale.ENGLISH, answer("4"), Duration.ofSeconds(2));
        assertThat(memory.answer("d4", Locale.ENGLISH)).isNotNull();
        assertThat(memory.answer("d2", Locale.ENGLISH)).isNotNull();
        assertThat(memory.size()).isEqualTo(3);
    }

    @Test
    void theServicesHeaderIsWholeMilliseconds() {
        assertThat(SoldOutAnswers.parse("1000")).isEqualTo(Duration.ofSeconds(1));
        assertThat(SoldOutAnswers.parse(" 250 ")).isEqualTo(Duration.ofMillis(250));
        assertThat(SoldOutAnswers.parse("0")).isZero();
        assertThat(SoldOutAnswers.parse("-5")).isZero();
        assertThat(SoldOutAnswers.parse("1.5")).isZero();
        assertThat(SoldOutAnswers.parse("soon")).isZero();
    }

    private void later(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    private static SoldOutMemory.Answer answer(String body) {
        return new SoldOutMemory.Answer("application/problem+json", "en", body.getBytes(StandardCharsets.UTF_8));
    }
}
