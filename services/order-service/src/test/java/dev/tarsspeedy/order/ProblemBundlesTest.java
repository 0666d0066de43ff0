package dev.tarsspeedy.order;

import dev.tarsspeedy.platform.test.problem.ProblemBundles;
import org.junit.jupiter.api.Test;

/** The order service's problem bundle is complete in both languages; ProblemLanguageIT triggers the types. */
class ProblemBundlesTest {

    @Test
    void theBundleIsCompleteInBothLanguages() {
        ProblemBundles.assertServiceBundleComplete(
                "sold-out",
                "limit-exceeded",
                "not-open",
                "closed",
                "drop-not-found",
                "invalid-idempotency-key",
                "sale-unavailable",
                "order-not-found",
                "order-not-cancellable",
                "order-not-returnable",
                "return-window-closed",
                "order-not-ready",
                "invalid-page",
                "too-many-drops");
    }
}
