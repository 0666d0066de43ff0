package dev.tarsspeedy.platform.problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A client error with its RFC 9457 problem type, thrown by a service's web layer and rendered by the platform
 * as {@code application/problem+json}. Domain code throws its own exceptions; the web layer translates them.
 *
 * <pre>{@code
 * throw new ProblemException(HttpStatus.CONFLICT, "sold-out", "Drop 42 has no stock left")
 *         .with("dropId", 42);
 * }</pre>
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    /**
     * @param type the problem type's slug ({@code sold-out}), appended to the platform's problem base URI
     * @param detail what happened to this request, for humans; never internal details
     */
    public ProblemException(HttpStatus status, String type, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
    }

    /** Adds an extension member to the problem body. */
    public ProblemException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    /** Adds a response header, such as {@code Retry-After}. */
    public ProblemException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public Map<String, Object> properties() {
        return Collections.unmodifiableMap(properties);
    }

    public Map<String, String> headers() {
        return Collections.unmodifiableMap(headers);
    }
}
