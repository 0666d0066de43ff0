package dev.tarsspeedy.platform.test.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The problem message bundles as files, the service's own ({@code problems}) and the platform's, in English and
 * Korean, and the one completeness check every service runs on its bundle.
 */
public final class ProblemBundles {

    /** The bundle a service keeps its problem texts in, at the root of its class path. */
    public static final String SERVICE = "problems";

    public static final String PLATFORM = "dev/tarsspeedy/platform/problem/problems";

    /** An apostrophe MessageFormat would swallow: one that is not doubled. */
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    private ProblemBundles() {}

    /** {@code language} "en" is the default bundle, "ko" the Korean one. */
    public static Properties load(String bundle, String language) {
        String resource = bundle + (language.equals("ko") ? "_ko" : "") + ".properties";
        Properties properties = new Properties();
        try (InputStream in = ProblemBundles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no bundle " + resource);
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** The text of a key, from the service's bundle or else the platform's, as a service looks them up. */
    public static String text(String key, String language) {
        return load(SERVICE, language).getProperty(key, load(PLATFORM, language).getProperty(key));
    }

    /** The problem types a bundle titles: {@code sold-out} for {@code sold-out.title}. */
    public static Set<String> types(String bundle) {
        Set<String> types = new TreeSet<>();
        load(bundle, "en").stringPropertyNames().stream()
                .filter(key -> key.endsWith(".title"))
                .forEach(key -> types.add(key.substring(0, key.length() - ".title".length())));
        return types;
    }

    /** A text with a Hangul syllable in it: Korean, not English. */
    public static boolean isKorean(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL);
    }

    /**
     * A problem body's title, detail and every message of its {@code errors} and {@code violations} are in
     * {@code language}: Korean for "ko", else not.
     */
    public static void assertInLanguage(java.util.Map<String, Object> problem, String language) {
        boolean korean = language.equals("ko");
        for (String member : new String[] {"title", "detail"}) {
            Object text = problem.get(member);
            assertThat(text).as("%s of %s", member, problem).isInstanceOf(String.class);
            assertThat(isKorean((String) text)).as("%s %s", member, text).isEqualTo(korean);
        }
        for (String member : new String[] {"errors", "violations"}) {
            if (problem.get(member) instanceof java.util.List<?> items) {
                for (Object item : items) {
                    Object message = ((java.util.Map<?, ?>) item).get("message");
                    assertThat(isKorean(String.valueOf(message)))
                            .as("%s message %s", member, message)
                            .isEqualTo(korean);
                }
            }
        }
    }

    /**
     * The service's bundle is complete in both languages: the same keys in English and Korean, no empty text, every
     * Korean text Korean, exactly {@code expectedTypes} titled and each with a detail, and every text a well-formed
     * MessageFormat pattern whose apostrophes are doubled where it takes arguments (a lone one is dropped silently).
     */
    public static void assertServiceBundleComplete(String... expectedTypes) {
        Properties english = load(SERVICE, "en");
        Properties korean = load(SERVICE, "ko");
        assertThat(korean.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        english.forEach(
                (key, value) -> assertThat(value.toString()).as("%s (en)", key).isNotBlank());
        korean.forEach((key, value) -> assertThat(isKorean(value.toString()))
                .as("%s (ko) is Korean: %s", key, value)
                .isTrue());
        assertThat(types(SERVICE)).containsExactlyInAnyOrder(expectedTypes);
        for (String type : expectedTypes) {
            assertThat(english).as("%s has a detail", type).containsKey(type + ".detail");
        }
        for (Properties bundle : new Properties[] {english, korean}) {
            bundle.forEach((key, value) -> {
                String text = value.toString();
                assertThat(new MessageFormat(text, Locale.ROOT).format(new Object[] {1, 1, 1}))
                        .as(key.toString())
                        .isNotBlank();
                if (text.contains("{")) {
                    assertThat(LONE_APOSTROPHE.matcher(text).find())
                            .as("%s has a lone apostrophe: %s", key, text)
                            .isFalse();
                }
            });
        }
    }
}
