package dev.tarsspeedy.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/** The platform's bundle speaks both languages for every key, and renders messages inside problems. */
class ProblemBundlesTest {

    private static final String BUNDLE = "/dev/tarsspeedy/platform/problem/problems";

    private final ProblemWriter writer = new ProblemWriter(
            URI.create("https://tars-speedy.dev/problems/"),
            JsonMapper.builder().build());

    @Test
    void everyKeyHasAnEnglishAndAKoreanText() throws IOException {
        Properties english = load(BUNDLE + ".properties");
        Properties korean = load(BUNDLE + "_ko.properties");

        assertThat(korean.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        for (Properties bundle : List.of(english, korean)) {
            bundle.forEach((key, value) ->
                    assertThat(value.toString()).as(key.toString()).isNotBlank());
        }
        korean.forEach((key, value) ->
                assertThat(value.toString()).as("%s is Korean", key).containsPattern("\\p{IsHangul}"));
        // Every title of a problem has its detail, in each language.
        english.stringPropertyNames().stream()
                .filter(key -> key.endsWith(".title"))
                .forEach(title -> assertThat(english).containsKey(title.replace(".title", ".detail")));
    }

    @Test
    void constraintMessagesFillInTheirArguments() {
        Object field = "name";
        assertThat(format("Size.java.lang.String", Locale.ENGLISH, field, 100, 0))
                .isEqualTo("must have at most 100 characters");
        assertThat(format("Size.java.lang.String", Locale.KOREAN, field, 128, 10))
                .isEqualTo("10자에서 128자 사이여야 합니다");
        assertThat(format("Size", Locale.ENGLISH, field, 5, 1)).isEqualTo("size must be between 1 and 5");
        assertThat(format("Min", Locale.ENGLISH, field, 10000L)).isEqualTo("must be greater than or equal to 10000");
        assertThat(format("Max", Locale.KOREAN, field, 50L)).isEqualTo("50 이하여야 합니다");
        assertThat(format("DecimalMin", Locale.ENGLISH, field, 1, "0.5"))
                .isEqualTo("must be greater than or equal to 0.5");
        assertThat(format("DecimalMin", Locale.ENGLISH, field, 0, "0.5")).isEqualTo("must be greater than 0.5");
        assertThat(format("DecimalMax", Locale.KOREAN, field, 0, "9.99")).isEqualTo("9.99 미만이어야 합니다");
        assertThat(format("Digits", Locale.KOREAN, field, 2, 5)).isEqualTo("숫자 값이 범위를 벗어났습니다 (정수 5자리, 소수 2자리까지)");
        assertThat(format("Pattern", Locale.ENGLISH, field, new Object[0], "\\d{6}"))
                .isEqualTo("must match \"\\d{6}\"");
    }

    @Test
    void messagesInsideAProblemAreRenderedInTheReadersLanguage() {
        Problem problem = Problem.standard(HttpStatus.BAD_REQUEST, "validation", "name")
                .with(
                        "errors",
                        List.of(Map.of(
                                "field",
                                "name",
                                "message",
                                new ProblemMessage(new String[] {"NotBlank"}, new Object[] {"name"}, "x"))))
                .with("hint", ProblemMessage.of("no-such-code", "as written"));

        Map<String, Object> korean = writer.body(problem, "/api/things", Locale.KOREAN);
        assertThat(korean.get("errors")).isEqualTo(List.of(Map.of("field", "name", "message", "비어 있을 수 없습니다")));
        assertThat(korean).containsEntry("hint", "as written").containsEntry("title", "잘못된 요청");

        Map<String, Object> english = writer.body(problem, "/api/things", Locale.ENGLISH);
        assertThat(english.get("errors")).isEqualTo(List.of(Map.of("field", "name", "message", "must not be blank")));
    }

    /** Titles and type URIs are rendered once per type and language (ProblemWriter caches them): never mixed up. */
    @Test
    void theSameTypeAlternatingLanguagesKeepsEachLanguagesTitle() {
        Problem problem = Problem.standard(HttpStatus.CONFLICT, "conflict");
        for (int i = 0; i < 3; i++) {
            assertThat(writer.body(problem, "/x", Locale.ENGLISH))
                    .containsEntry("title", "Conflict")
                    .containsEntry("type", "https://tars-speedy.dev/problems/conflict");
            assertThat(writer.body(problem, "/x", Locale.KOREAN))
                    .containsEntry("title", "충돌")
                    .containsEntry("type", "https://tars-speedy.dev/problems/conflict");
        }
        assertThat(writer.body(Problem.standard(HttpStatus.BAD_REQUEST, "no-such-type"), "/x", Locale.ENGLISH))
                .containsEntry("title", "No such type");
    }

    @Test
    void aDetailCodeIsRenderedFromTheBundle() {
        Problem problem = Problem.standard(HttpStatus.CONFLICT, "conflict");
        assertThat(writer.body(problem, "/x", Locale.KOREAN)).containsEntry("detail", "요청이 현재 상태와 충돌합니다.");
        Problem other = new Problem(
                HttpStatus.UNAUTHORIZED, "unauthorized", null, "forbidden.detail", List.of(), Map.of(), Map.of());
        assertThat(writer.body(other, "/x", Locale.ENGLISH))
                .containsEntry("title", "Authentication required")
                .containsEntry("detail", "You are not allowed to do this.");
    }

    private static String format(String key, Locale locale, Object... arguments) {
        try {
            Properties bundle = load(BUNDLE + (locale.equals(Locale.KOREAN) ? "_ko" : "") + ".properties");
            return new MessageFormat(bundle.getProperty(key), locale).format(arguments);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ProblemBundlesTest.class.getResourceAsStream(resource);
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
