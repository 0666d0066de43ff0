package dev.tarsspeedy.identity.verification;

import java.security.SecureRandom;
import org.springframework.stereotype.Component;

/** Six-digit codes, uniformly random from 000000 to 999999 (leading zeros kept). */
@Component
public class CodeGenerator {

    static final int DIGITS = 6;
    private static final int BOUND = 1_000_000;

    private final SecureRandom random;

    public CodeGenerator() {
        this(new SecureRandom());
    }

    CodeGenerator(SecureRandom random) {
        this.random = random;
    }

    public String next() {
        return String.format("%06d", random.nextInt(BOUND));
    }
}
