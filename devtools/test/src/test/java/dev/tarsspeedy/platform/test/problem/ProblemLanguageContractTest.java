package dev.tarsspeedy.platform.test.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarsspeedy.platform.test.problem.ProblemTriggers.Cause;
import dev.tarsspeedy.platform.test.problem.ProblemTriggers.Detail;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The contract against a stand-in service (a router answering problems from the test bundles in the reader's
 * language): the tests it makes, and that each of them fails where it must.
 */
class ProblemLanguageContractTest {

    /** Answers {@code /problems/{type}} with that problem, in the language asked for; {@code /wrong} in Korean. */
    private final WebTestClient client = WebTestClient.bindToRouterFunction(RouterFunctions.route()
                    .GET("/problems/{type}", request -> {
                        String type = request.pathVariable("type");
                        String language = request.headers().acceptLanguage().isEmpty()
                                ? "en"
                                : request.headers().acceptLanguage().getFirst().getRange();
                        String detail = type.equals("validation") ? "validation.detail" : type + ".detail";
                        return problem(
                                type,
                                language,
                                detail,
                                request.queryParam("status").orElse("409"));
                    })
                    .GET("/wrong", request -> problem("not-open", "ko", "not-open.detail", "409"))
                    .build())
            .build();

    private static reactor.core.publisher.Mono<ServerResponse> problem(
            String type, String language, String detailKey, String status) {
        String detail = new java.text.MessageFormat(
                        ProblemBundles.text(detailKey, language), java.util.Locale.forLanguageTag(language))
                .format(new Object[] {"d-1"});
        return ServerResponse.status(Integer.parseInt(status))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.CONTENT_LANGUAGE, language)
                .bodyValue(Map.of(
                        "type",
                        "https://tars-speedy.dev/problems/" + type,
                        "status",
                        Integer.parseInt(status),
                        "title",
                        ProblemBundles.text(type + ".title", language),
                        "detail",
                        detail,
                        "instance",
                        "/problems/" + type));
    }

    private WebTestClient.RequestHeadersSpec<?> cause(String type) {
        return client.get().uri("/problems/" + type);
    }

    private static List<DynamicTest> testsOf(ProblemTriggers triggers) {
        ProblemLanguageContract contract = () -> triggers;
        return contract.everyProblemTypeAnswersInTheReadersLanguage().toList();
    }

    private static void run(DynamicTest test) throws Throwable {
        test.getExecutable().execute();
    }

    @Test
    void everyTypeOfTheBundleAndEveryTriggeredPlatformTypeIsCheckedInKoreanAndEnglish() throws Throwable {
        AtomicInteger undone = new AtomicInteger();
        List<DynamicTest> tests = testsOf(ProblemTriggers.create()
                .computed(
                        "sold-out",
                        HttpStatus.CONFLICT,
                        () -> new Cause(
                                cause("sold-out"), Detail.of("sold-out.detail", "d-1"), undone::incrementAndGet))
                .trigger("not-open", HttpStatus.CONFLICT, () -> cause("not-open"))
                .trigger(
                        "validation",
                        HttpStatus.BAD_REQUEST,
                        Detail.inReadersLanguage(),
                        () -> client.get().uri("/problems/validation?status=400"))
                .coveredElsewhere("outage", "needs an outage"));

        assertThat(tests)
                .extracting(DynamicTest::getDisplayName)
                .containsExactly(
                        "the table names known types and covers the rest elsewhere",
                        "not-open in ko",
                        "not-open in en",
                        "sold-out in ko",
                        "sold-out in en",
                        "validation in ko",
                        "validation in en");
        for (DynamicTest test : tests) {
            run(test);
        }
        assertThat(undone).hasValue(2);
    }

    @Test
    void aTypeOfTheBundleWithoutTriggerFails() {
        List<DynamicTest> tests = testsOf(ProblemTriggers.create()
                .trigger("not-open", HttpStatus.CONFLICT, () -> cause("not-open"))
                .coveredElsewhere("outage", "needs an outage"));

        DynamicTest soldOut = tests.stream()
                .filter(test -> test.getDisplayName().equals("sold-out in en"))
                .findFirst()
                .orElseThrow();
        assertThatThrownBy(() -> run(soldOut)).hasMessageContaining("no way to cause sold-out");
    }

    @Test
    void aWrongDetailStatusOrLanguageFails() {
        DynamicTest wrongDetail = testsOf(ProblemTriggers.create()
                        .trigger(
                                "not-open",
                                HttpStatus.CONFLICT,
                                Detail.of("sold-out.detail", "d-1"),
                                () -> cause("not-open")))
                .get(1);
        assertThatThrownBy(() -> run(wrongDetail)).hasMessageContaining("detail");

        DynamicTest wrongStatus = testsOf(
                        ProblemTriggers.create().trigger("not-open", HttpStatus.GONE, () -> cause("not-open")))
                .get(1);
        assertThatThrownBy(() -> run(wrongStatus)).hasMessageContaining("Status");

        DynamicTest wrongLanguage = testsOf(ProblemTriggers.create()
                        .trigger(
                                "not-open",
                                HttpStatus.CONFLICT,
                                () -> client.get().uri("/wrong")))
                .get(2); // "not-open in en", answered in Korean
        assertThatThrownBy(() -> run(wrongLanguage)).hasMessageContaining("Content-Language");
    }

    @Test
    void theTableNamesOnlyKnownTypesAndCoversElsewhereOnlyWhatItDoesNotTrigger() {
        DynamicTest unknown = testsOf(ProblemTriggers.create()
                        .trigger("no-such-type", HttpStatus.CONFLICT, () -> cause("no-such-type")))
                .getFirst();
        assertThatThrownBy(() -> run(unknown)).hasMessageContaining("no-such-type");

        DynamicTest both = testsOf(ProblemTriggers.create()
                        .trigger("outage", HttpStatus.CONFLICT, () -> cause("outage"))
                        .coveredElsewhere("outage", "needs an outage"))
                .getFirst();
        assertThatThrownBy(() -> run(both)).hasMessageContaining("outage is covered elsewhere and triggered here too");

        DynamicTest platformType = testsOf(ProblemTriggers.create().coveredElsewhere("validation", "platform's"))
                .getFirst();
        assertThatThrownBy(() -> run(platformType)).hasMessageContaining("validation, covered elsewhere");

        assertThatThrownBy(() -> ProblemTriggers.create().coveredElsewhere("outage", " "))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
