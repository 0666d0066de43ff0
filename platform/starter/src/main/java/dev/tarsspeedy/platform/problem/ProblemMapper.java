package dev.tarsspeedy.platform.problem;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ContentTooLargeException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Turns any exception into a problem a client can act on. Client mistakes become 4xx with a precise detail;
 * anything else becomes a 500 whose body says nothing about the internals (the log has the stack trace).
 */
public final class ProblemMapper {

    private static final Logger log = LoggerFactory.getLogger(ProblemMapper.class);

    public Problem toProblem(Throwable error) {
        if (error instanceof ProblemException problem) {
            return new Problem(
                    problem.status(),
                    problem.type(),
                    problem.getMessage(),
                    List.of(),
                    problem.properties(),
                    problem.headers());
        }
        if (hasCause(error, DataBufferLimitException.class) || error instanceof ContentTooLargeException) {
            return Problem.standard(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large");
        }
        if (error instanceof WebExchangeBindException binding) {
            return validation(binding);
        }
        if (error instanceof MissingRequestValueException missing) {
            return Problem.standard(HttpStatus.BAD_REQUEST, "missing-value", missing.getLabel(), missing.getName());
        }
        if (error instanceof ServerWebInputException input) {
            return malformed(input);
        }
        if (error instanceof MethodNotAllowedException notAllowed) {
            String allowed = notAllowed.getSupportedMethods().stream()
                    .map(HttpMethod::name)
                    .sorted()
                    .collect(Collectors.joining(", "));
            return Problem.standard(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", notAllowed.getHttpMethod())
                    .withHeader(HttpHeaders.ALLOW, allowed);
        }
        if (error instanceof UnsupportedMediaTypeStatusException unsupported) {
            return Problem.standard(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "unsupported-media-type",
                    unsupported.getContentType() == null
                            ? "-"
                            : unsupported.getContentType().toString());
        }
        if (error instanceof AuthenticationException) {
            return Problem.standard(HttpStatus.UNAUTHORIZED, "unauthorized");
        }
        if (error instanceof AccessDeniedException) {
            return Problem.standard(HttpStatus.FORBIDDEN, "forbidden");
        }
        if (error instanceof ErrorResponse response) {
            return fromStatus(response.getStatusCode(), error);
        }
        log.error("unexpected error", error);
        return Problem.standard(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error");
    }

    private static Problem validation(WebExchangeBindException binding) {
        List<Map<String, String>> errors = binding.getFieldErrors().stream()
                .map(field -> Map.of(
                        "field",
                        field.getField(),
                        "message",
                        field.getDefaultMessage() == null ? "is invalid" : field.getDefaultMessage()))
                .toList();
        List<Map<String, String>> global = binding.getGlobalErrors().stream()
                .map(objectError -> Map.of(
                        "field",
                        "",
                        "message",
                        objectError.getDefaultMessage() == null ? "is invalid" : objectError.getDefaultMessage()))
                .toList();
        String fields = errors.stream().map(e -> e.get("field")).distinct().collect(Collectors.joining(", "));
        return Problem.standard(HttpStatus.BAD_REQUEST, "validation", fields.isEmpty() ? "-" : fields)
                .with(
                        "errors",
                        java.util.stream.Stream.concat(errors.stream(), global.stream())
                                .toList());
    }

    private static Problem malformed(ServerWebInputException input) {
        DatabindException databind = cause(input, DatabindException.class);
        if (databind != null && !databind.getPath().isEmpty()) {
            String field = databind.getPath().stream()
                    .map(reference -> reference.getPropertyName() != null
                            ? reference.getPropertyName()
                            : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
            return Problem.standard(HttpStatus.BAD_REQUEST, "wrong-type", field)
                    .with("errors", List.of(Map.of("field", field, "message", "has the wrong type")));
        }
        // WebFlux says "No request body" for a required body that is absent or empty.
        if (input.getReason() != null && input.getReason().startsWith("No request body")) {
            return Problem.standard(HttpStatus.BAD_REQUEST, "missing-body");
        }
        if (hasCause(input, JacksonException.class) || hasCause(input, DecodingException.class)) {
            return Problem.standard(HttpStatus.BAD_REQUEST, "malformed-request");
        }
        return Problem.standard(HttpStatus.BAD_REQUEST, "bad-request");
    }

    private static Problem fromStatus(HttpStatusCode code, Throwable error) {
        HttpStatus status = HttpStatus.resolve(code.value());
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            return Problem.standard(status, "service-unavailable");
        }
        // A service behind this one was too slow or answered nonsense (the gateway's route timeout): its own status,
        // not a 500 that would blame this service.
        if (status == HttpStatus.GATEWAY_TIMEOUT) {
            log.warn("upstream timeout: {}", error.getMessage());
            return Problem.standard(status, "upstream-timeout");
        }
        if (status == HttpStatus.BAD_GATEWAY) {
            log.warn("bad upstream answer: {}", error.getMessage());
            return Problem.standard(status, "bad-gateway");
        }
        if (status == null || status.is5xxServerError()) {
            log.error("server error", error);
            return Problem.standard(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error");
        }
        return switch (status) {
            case NOT_FOUND -> Problem.standard(status, "not-found");
            case NOT_ACCEPTABLE -> Problem.standard(status, "not-acceptable");
            case UNAUTHORIZED -> Problem.standard(status, "unauthorized");
            case FORBIDDEN -> Problem.standard(status, "forbidden");
            case TOO_MANY_REQUESTS -> Problem.standard(status, "too-many-requests");
            case CONTENT_TOO_LARGE -> Problem.standard(status, "payload-too-large");
            case METHOD_NOT_ALLOWED -> Problem.standard(status, "method-not-allowed", "-");
            case UNSUPPORTED_MEDIA_TYPE -> Problem.standard(status, "unsupported-media-type", "-");
            default -> Problem.standard(status, "bad-request");
        };
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        return cause(error, type) != null;
    }

    private static <T extends Throwable> T cause(Throwable error, Class<T> type) {
        for (Throwable current = error; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return null;
    }
}
