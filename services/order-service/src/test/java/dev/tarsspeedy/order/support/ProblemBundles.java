package dev.tarsspeedy.order.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/** The problem message bundles as files: the order service's own and the platform's, in English and Korean. */
public final class ProblemBundles {

    public static final String ORDER = "problems";
    public static final String PLATFORM = "dev/tarsspeedy/platform/problem/problems";

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

    /** The text of a key, from the service's bundle or else the platform's, as the service looks them up. */
    public static String text(String key, String language) {
        return load(ORDER, language).getProperty(key, load(PLATFORM, language).getProperty(key));
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
}
