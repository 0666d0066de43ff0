package dev.tarsspeedy.alert;

import dev.tarsspeedy.platform.test.problem.ProblemBundles;
import org.junit.jupiter.api.Test;

/** The alert service's problem bundle is complete in both languages; ProblemLanguageIT triggers the types. */
class ProblemBundlesTest {

    @Test
    void theBundleIsCompleteInBothLanguages() {
        ProblemBundles.assertServiceBundleComplete(
                "unknown-symbol",
                "market-data-unavailable",
                "watchlist-full",
                "not-watched",
                "stock-has-alerts",
                "schedule-not-found",
                "schedule-limit",
                "send-now-too-soon",
                "no-email-address",
                "unsubscribe-link-unknown",
                "preview-unavailable",
                "alert-not-found",
                "duplicate-alert",
                "alert-limit-reached");
    }
}
