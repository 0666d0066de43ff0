package dev.tarsspeedy.identity.crypto;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing or malformed data key into one clear message at start instead of a stack trace. */
public final class InvalidDataKeyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidDataKeyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidDataKeyException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Set " + DataKey.VARIABLE + " in the environment (services/identity-service/README.md).",
                cause);
    }
}
