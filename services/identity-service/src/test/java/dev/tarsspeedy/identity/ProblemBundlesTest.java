package dev.tarsspeedy.identity;

import dev.tarsspeedy.platform.test.problem.ProblemBundles;
import org.junit.jupiter.api.Test;

/** The identity service's problem bundle is complete in both languages; ProblemLanguageIT triggers the types. */
class ProblemBundlesTest {

    @Test
    void theBundleIsCompleteInBothLanguages() {
        ProblemBundles.assertServiceBundleComplete(
                "invalid-email",
                "invalid-name",
                "weak-password",
                "email-unavailable",
                "account-not-found",
                "code-invalid",
                "code-expired",
                "code-exhausted",
                "email-cooldown",
                "invalid-credentials",
                "account-not-verified",
                "login-throttled",
                "invalid-refresh-token",
                "refresh-token-reused");
    }
}
