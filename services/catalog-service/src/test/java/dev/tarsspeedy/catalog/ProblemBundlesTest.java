package dev.tarsspeedy.catalog;

import dev.tarsspeedy.platform.test.problem.ProblemBundles;
import org.junit.jupiter.api.Test;

/** The catalog service's problem bundle is complete in both languages; ProblemLanguageIT triggers the types. */
class ProblemBundlesTest {

    @Test
    void theBundleIsCompleteInBothLanguages() {
        ProblemBundles.assertServiceBundleComplete(
                "product-not-found",
                "unknown-product",
                "drop-not-found",
                "drop-already-open",
                "unsubscribe-link-unknown");
    }
}
