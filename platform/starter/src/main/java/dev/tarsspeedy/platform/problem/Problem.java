package dev.tarsspeedy.platform.problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An RFC 9457 problem before rendering: the slug of its type, the status, extension members and response
 * headers. The title, and the detail of the platform's standard problems, are rendered in the reader's
 * language (Korean or English) from the {@code problems} message bundle; so are extension members that are
 * {@link org.springframework.context.MessageSourceResolvable}s (see {@link ProblemMessage}).
 *
 * @param detail what happened, for humans; {@code null} renders the bundle's message {@code detailCode} with
 *     {@code detailArguments}
 * @param detailCode the bundle key of the detail when {@code detail} is {@code null}; {@code <type>.detail} unless
 *     given
 */
public record Problem(
        HttpStatus status,
        String type,
        String detail,
        String detailCode,
        List<Object> detailArguments,
        Map<String, Object> properties,
        Map<String, String> headers) {

    public Problem {
        detailCode = detailCode == null ? type + ".detail" : detailCode;
        detailArguments = List.copyOf(detailArguments);
        // Copies that keep insertion order: members render in the order they were added.
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** A problem with a detail written by the caller. */
    public static Problem of(HttpStatus status, String type, String detail) {
        return new Problem(status, type, detail, null, List.of(), Map.of(), Map.of());
    }

    /** A standard problem whose detail comes from the message bundle, in the reader's language. */
    public static Problem standard(HttpStatus status, String type, Object... detailArguments) {
        return new Problem(status, type, null, null, List.of(detailArguments), Map.of(), Map.of());
    }

    public Problem with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(properties);
        more.put(name, value);
        return new Problem(status, type, detail, detailCode, detailArguments, more, headers);
    }

    public Problem withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Problem(status, type, detail, detailCode, detailArguments, properties, more);
    }
}
