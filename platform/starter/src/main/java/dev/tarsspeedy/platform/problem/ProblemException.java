package dev.tarsspeedy.platform.problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A client error with its RFC 9457 problem type, thrown by a service's web layer and rendered by the platform
 * as {@code application/problem+json}. Domain code throws its own exceptions; the web layer translates them.
 *
 * <pre>{@code
 * throw new ProblemException(HttpStatus.CONFLICT, "sold-out", "Drop 42 has no stock left")
 *         .with("dropId", 42);
 * // The detail in the reader's language, from the service's problems bundle:
 * throw ProblemException.localized(HttpStatus.CONFLICT, "sold-out", "sold-out.drop", 42);
 * }</pre>
 *
 * <p>With a {@code null} detail, the bundle's {@code <type>.detail} message is the detail.
 *
 * <p>No stack trace: a problem is an answer to the client, not a fault to debug, and on a hot path it is the common
 * answer (a drop's sold-out refusals), where filling a trace through the Reactor frames would cost more than the
 * rest of the refusal. For the same reason nothing can be suppressed into it (Reactor's checkpoints).
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String detailCode;
    private final List<Object> detailArguments;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    /**
     * @param type the problem type's slug ({@code sold-out}), appended to the platform's problem base URI
     * @param detail what happened to this request, for humans; never internal details
     */
    public ProblemException(HttpStatus status, String type, String detail) {
        this(status, type, detail, null, List.of());
    }

    private ProblemException(
            HttpStatus status, String type, String detail, String detailCode, List<Object> detailArguments) {
        super(detail != null ? detail : detailCode, null, false, false);
        this.status = status;
        this.type = type;
        this.detailCode = detailCode;
        this.detailArguments = detailArguments;
    }

    /**
     * A problem whose detail is the bundle message {@code detailCode} in the reader's language (Korean or English),
     * formatted with the arguments.
     */
    public static ProblemException localized(
            HttpStatus status, String type, String detailCode, Object... detailArguments) {
        return new ProblemException(status, type, null, detailCode, List.of(detailArguments));
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

    /** The bundle key of the detail, or {@code null} for a detail given as text (or {@code <type>.detail}). */
    public String detailCode() {
        return detailCode;
    }

    public List<Object> detailArguments() {
        return detailArguments;
    }

    /** The detail given as text; {@code null} when it comes from the bundle. */
    public String detail() {
        return detailCode == null ? getMessage() : null;
    }

    public Map<String, Object> properties() {
        return Collections.unmodifiableMap(properties);
    }

    public Map<String, String> headers() {
        return Collections.unmodifiableMap(headers);
    }
}
