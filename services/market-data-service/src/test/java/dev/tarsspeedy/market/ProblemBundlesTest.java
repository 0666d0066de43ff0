package dev.tarsspeedy.market;

import dev.tarsspeedy.platform.test.problem.ProblemBundles;
import org.junit.jupiter.api.Test;

/** The market-data service's problem bundle is complete in both languages; ProblemLanguageIT triggers the types. */
class ProblemBundlesTest {

    @Test
    void theBundleIsCompleteInBothLanguages() {
        ProblemBundles.assertServiceBundleComplete(
                "unknown-symbol",
                // calendar
                "unknown-market",
                "invalid-date",
                "bad-date-range",
                "calendar-not-covered",
                // symbol
                "invalid-search-query",
                "malformed-symbol",
                "invalid-page",
                // quote
                "too-many-symbols",
                "bad-range",
                "no-quote-yet");
    }
}
