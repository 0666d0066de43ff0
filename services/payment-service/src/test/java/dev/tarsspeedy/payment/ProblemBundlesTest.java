package dev.tarsspeedy.payment;

import dev.tarsspeedy.platform.test.problem.ProblemBundles;
import org.junit.jupiter.api.Test;

/** The payment service's problem bundle is complete in both languages; ProblemLanguageIT triggers the types. */
class ProblemBundlesTest {

    @Test
    void theBundleIsCompleteInBothLanguages() {
        ProblemBundles.assertServiceBundleComplete(
                "order-not-found",
                "order-not-payable",
                "order-already-paid",
                "payment-not-found",
                "order-service-unavailable",
                "kakaopay-refused",
                "kakaopay-unavailable",
                "kakaopay-timeout");
    }
}
