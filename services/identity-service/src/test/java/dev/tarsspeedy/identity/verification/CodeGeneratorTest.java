package dev.tarsspeedy.identity.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CodeGeneratorTest {

    private final CodeGenerator generator = new CodeGenerator();

    @Test
    void codesAreSixDigitsKeepingLeadingZeros() {
        for (int i = 0; i < 10_000; i++) {
            assertThat(generator.next()).matches("\\d{6}");
        }
        // A random source that gives the smallest and the largest value.
        assertThat(new CodeGenerator(fixed(0)).next()).isEqualTo("000000");
        assertThat(new CodeGenerator(fixed(999_999)).next()).isEqualTo("999999");
        assertThat(new CodeGenerator(fixed(42)).next()).isEqualTo("000042");
    }

    @Test
    void codesAreSpreadOverTheWholeRange() {
        Set<String> codes = new HashSet<>();
        int[] firstDigits = new int[10];
        IntStream.range(0, 20_000).mapToObj(i -> generator.next()).forEach(code -> {
            codes.add(code);
            firstDigits[code.charAt(0) - '0']++;
        });
        // 20 000 draws from a million: a handful of repeats at most.
        assertThat(codes.size()).isGreaterThan(19_000);
        // Every leading digit about 2 000 times (far outside chance below 1 500 or above 2 500).
        for (int count : firstDigits) {
            assertThat(count).isBetween(1_500, 2_500);
        }
    }

    private static SecureRandom fixed(int value) {
        return new SecureRandom() {
            @Override
            public int nextInt(int bound) {
                return value;
            }
        };
    }
}
