package dev.tarsspeedy.identity.account;

import static dev.tarsspeedy.platform.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.identity.support.IdentityTestBase;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** Every refused sign-up is a 4xx problem and changes nothing: no account, no code, no email. */
class SignupValidationIT extends IdentityTestBase {

    private long accountsBefore;
    private long codesBefore;
    private long outboxBefore;

    @BeforeEach
    void countBefore() {
        accountsBefore = count("select count(*) from user_account");
        codesBefore = count("select count(*) from verification_code");
        outboxBefore = count("select count(*) from outbox_event");
    }

    /** Tests run one at a time, so any new row would come from the refused requests. */
    @AfterEach
    void nothingWasStored() {
        assertThat(count("select count(*) from user_account")).isEqualTo(accountsBefore);
        assertThat(count("select count(*) from verification_code")).isEqualTo(codesBefore);
        assertThat(count("select count(*) from outbox_event")).isEqualTo(outboxBefore);
    }

    @Test
    void malformedEmailAddresses() {
        // Refused by the service's address rules (Bean Validation checks presence and size only, so that a
        // padded or upper-case address can be normalised rather than refused).
        for (String email : List.of(
                "not-an-email",
                "two@@example.com",
                "user@localhost",
                "user@exa mple.com",
                "user@-bad-.example.com",
                "user@example.123",
                "a..b@example.com")) {
            Map<String, Object> problem = problemOf(signupBody(email, PASSWORD, "Kim"), HttpStatus.BAD_REQUEST);
            assertThat(problem.get("type")).as(email).isEqualTo(PROBLEMS + "invalid-email");
        }
        // Non-ASCII local parts are refused: plain dot-atoms only.
        Map<String, Object> problem = assertProblem(
                post("/api/auth/signup", signupBody("김@example.com", PASSWORD, "Kim")),
                HttpStatus.BAD_REQUEST,
                "invalid-email");
        assertThat(problem.get("errors").toString()).contains("email");
        String longEmail = "a".repeat(250) + "@example.com";
        assertProblem(
                post("/api/auth/signup", signupBody(longEmail, PASSWORD, "Kim")), HttpStatus.BAD_REQUEST, "validation");
    }

    @Test
    void weakPasswords() {
        String email = newEmail();
        Map<String, Object> tooShort = assertProblem(
                post("/api/auth/signup", signupBody(email, "Ab1!xyz", "Kim")), HttpStatus.BAD_REQUEST, "validation");
        assertThat(tooShort.toString()).contains("password");

        assertViolations(
                signupBody(email, "aaaaaaaaaaaa", "Kim"), "TOO_FEW_DISTINCT_CHARACTERS", "SINGLE_CHARACTER_CLASS");
        assertViolations(signupBody(email, "abcdefghijk", "Kim"), "SINGLE_CHARACTER_CLASS");
        assertViolations(signupBody(email, "Password123", "Kim"), "TOO_COMMON");
        String local = email.substring(0, email.indexOf('@'));
        assertViolations(signupBody(email, "X-" + local.toUpperCase(Locale.ROOT) + "-9", "Kim"), "CONTAINS_EMAIL");
        assertThat(accountsWithEmail(email)).isZero();
    }

    @Test
    void missingFieldsAndBodies() {
        Map<String, Object> problem =
                assertProblem(post("/api/auth/signup", Map.of()), HttpStatus.BAD_REQUEST, "validation");
        @SuppressWarnings("unchecked")
        List<Map<String, String>> errors = (List<Map<String, String>>) problem.get("errors");
        assertThat(errors).extracting(error -> error.get("field")).contains("email", "password", "name");

        assertProblem(
                post("/api/auth/signup", Map.of("email", newEmail(), "password", PASSWORD)),
                HttpStatus.BAD_REQUEST,
                "validation");
        assertProblem(
                client().post()
                        .uri("/api/auth/signup")
                        .contentType(MediaType.APPLICATION_JSON)
                        .exchange(),
                HttpStatus.BAD_REQUEST,
                "missing-body");
    }

    @Test
    void wrongJsonTypesAndMalformedJson() {
        Map<String, Object> arrayEmail = signupBody(newEmail(), PASSWORD, "Kim");
        arrayEmail.put("email", List.of("a@example.com"));
        Map<String, Object> problem =
                assertProblem(post("/api/auth/signup", arrayEmail), HttpStatus.BAD_REQUEST, "wrong-type");
        assertThat(problem.get("detail").toString()).contains("email");

        Map<String, Object> objectName = signupBody(newEmail(), PASSWORD, "Kim");
        objectName.put("name", Map.of("first", "Kim"));
        assertProblem(post("/api/auth/signup", objectName), HttpStatus.BAD_REQUEST, "wrong-type");

        assertProblem(
                post("/api/auth/signup", "{\"email\": \"a@example.com\", \"password\": "),
                HttpStatus.BAD_REQUEST,
                "malformed-request");
        assertProblem(
                client().post()
                        .uri("/api/auth/signup")
                        .contentType(MediaType.TEXT_PLAIN)
                        .bodyValue("email=a@example.com")
                        .exchange(),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported-media-type");
    }

    @Test
    void aHugeBodyIsRefusedBeforeItIsRead() {
        String email = newEmail();
        assertProblem(
                post("/api/auth/signup", signupBody(email, PASSWORD, "x".repeat(1024 * 1024))),
                HttpStatus.CONTENT_TOO_LARGE,
                "payload-too-large");
        // Within the body limit but over the name limit.
        assertProblem(
                post("/api/auth/signup", signupBody(email, PASSWORD, "x".repeat(101))),
                HttpStatus.BAD_REQUEST,
                "validation");
        assertProblem(
                post("/api/auth/signup", signupBody(email, PASSWORD, "Kim\u0000Park")),
                HttpStatus.BAD_REQUEST,
                "invalid-name");
    }

    @Test
    void unsupportedLocaleAndTimeZone() {
        Map<String, Object> french = signupBody(newEmail(), PASSWORD, "Kim");
        french.put("locale", "fr");
        assertProblem(post("/api/auth/signup", french), HttpStatus.BAD_REQUEST, "validation");
        Map<String, Object> mars = signupBody(newEmail(), PASSWORD, "Kim");
        mars.put("timeZone", "Mars/Olympus_Mons");
        assertProblem(post("/api/auth/signup", mars), HttpStatus.BAD_REQUEST, "validation");
    }

    private Map<String, Object> problemOf(Map<String, Object> body, HttpStatus status) {
        return post("/api/auth/signup", body)
                .expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
    }

    private void assertViolations(Map<String, Object> body, String... codes) {
        Map<String, Object> problem =
                assertProblem(post("/api/auth/signup", body), HttpStatus.BAD_REQUEST, "weak-password");
        @SuppressWarnings("unchecked")
        List<Map<String, String>> violations = (List<Map<String, String>>) problem.get("violations");
        assertThat(violations).extracting(violation -> violation.get("code")).contains(codes);
    }
}
