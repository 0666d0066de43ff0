package dev.tarsspeedy.platform.test.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.tarsspeedy.platform.test.ProblemAssertions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every problem type of a service answers in the reader's language: implemented by the service's
 * {@code ProblemLanguageIT}, which gives only its {@link ProblemTriggers table of triggers}.
 *
 * <p>For every type the service's bundle titles (and every platform type the table triggers), in Korean and in
 * English, the contract causes the type for real with {@code Accept-Language} set and checks the status, the
 * {@code application/problem+json} media type, the {@code Content-Language}, the title (the bundle's text), the detail
 * (as the table says) and, through {@link ProblemBundles#assertInLanguage}, that title, detail and every field message
 * are in that language. A type of the bundle without a trigger fails, unless the table lists it as covered elsewhere
 * with a reason.
 *
 * <pre>{@code
 * class ProblemLanguageIT extends CatalogTestBase implements ProblemLanguageContract {
 *
 *     @Override
 *     public ProblemTriggers problemTriggers() {
 *         return ProblemTriggers.create()
 *                 .trigger("drop-not-found", NOT_FOUND, () -> client().get().uri("/api/drops/" + UUID.randomUUID()))
 *                 .trigger("validation", BAD_REQUEST, Detail.inReadersLanguage(), () -> client().post()
 *                         .uri("/api/admin/drops")
 *                         .header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
 *                         .contentType(MediaType.APPLICATION_JSON)
 *                         .bodyValue(Map.of()));
 *     }
 *
 *     // tests of the exact words (field messages of the service's own rules, details naming values) stay here
 * }
 * }</pre>
 *
 * It runs as one {@link TestFactory}: one dynamic test per type and language, plus one check of the table itself.
 * {@code @BeforeEach} and {@code @AfterEach} methods run once around all of them, so a trigger cleans up after itself
 * ({@link ProblemTriggers.Cause#afterwards()}).
 */
public interface ProblemLanguageContract {

    /** The languages every problem is checked in: the Korean bundle and the default (English) one. */
    List<String> LANGUAGES = List.of("ko", "en");

    /** How to cause each problem type of the service; called once per test run of the contract. */
    ProblemTriggers problemTriggers();

    @TestFactory
    default Stream<DynamicTest> everyProblemTypeAnswersInTheReadersLanguage() {
        ProblemTriggers table = problemTriggers();
        Set<String> serviceTypes = ProblemBundles.types(ProblemBundles.SERVICE);
        Set<String> platformTypes = ProblemBundles.types(ProblemBundles.PLATFORM);

        // The bundle's types in its (sorted) order, then the platform's types the table triggers, in its order.
        Set<String> types = new LinkedHashSet<>();
        serviceTypes.stream()
                .filter(type -> !table.coveredElsewhere().containsKey(type))
                .forEach(types::add);
        types.addAll(table.triggers().keySet());

        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest(
                "the table names known types and covers the rest elsewhere",
                () -> table.assertConsistentWith(serviceTypes, platformTypes)));
        for (String type : types) {
            for (String language : LANGUAGES) {
                tests.add(DynamicTest.dynamicTest(
                        type + " in " + language, () -> assertAnswersIn(table, type, language)));
            }
        }
        return tests.stream();
    }

    private static void assertAnswersIn(ProblemTriggers table, String type, String language) {
        ProblemTriggers.Trigger trigger = table.triggers().get(type);
        if (trigger == null) {
            fail(
                    "no way to cause %s: add a trigger to problemTriggers(), or list it as coveredElsewhere(type, reason)",
                    type);
        }
        ProblemTriggers.Cause cause = trigger.cause().get();
        WebTestClient.ResponseSpec response;
        try {
            response = cause.request()
                    .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                    .exchange();
        } finally {
            cause.afterwards().run();
        }

        response.expectHeader().valueEquals(HttpHeaders.CONTENT_LANGUAGE, language);
        Map<String, Object> problem = ProblemAssertions.assertProblem(response, trigger.status(), type);
        assertThat(problem.get("title")).as("title").isEqualTo(ProblemBundles.text(type + ".title", language));
        if (cause.detail().checksText()) {
            assertThat(problem.get("detail"))
                    .as("detail")
                    .isEqualTo(cause.detail().expected(problem, language));
        }
        ProblemBundles.assertInLanguage(problem, language);
    }
}
