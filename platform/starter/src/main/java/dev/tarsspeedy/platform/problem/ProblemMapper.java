package dev.tarsspeedy.platform.problem;

import jakarta.validation.ConstraintViolation;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ContentTooLargeException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ServerErrorException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Turns any exception into a problem a client can act on. Client mistakes become 4xx with a precise detail;
 * anything else becomes a 500 whose body says nothing about the internals (the log has the stack trace).
 *
 * <p>Field messages ({@code errors[].message}) are {@link ProblemMessage}s: the writer renders them in the reader's
 * language from the constraint's message codes ({@code NotBlank.signupRequest.email}, {@code NotBlank.email},
 * {@code NotBlank.java.lang.String}, {@code NotBlank}), looked up in the service's and the platform's
 * {@code problems} bundles, else Bean Validation's own (English) message.
 */
public final class ProblemMapper {

    private static final Logger log = LoggerFactory.getLogger(ProblemMapper.class);

    /** Spring's data-access exceptions by name: the starter does not depend on spring-tx, services may. */
    private static final Set<String> CONFLICTS = Set.of(
            "org.springframework.dao.DuplicateKeyException",
            "org.springframework.dao.OptimisticLockingFailureException");

    /** Simple names of the exceptions servers raise when the client hung up. */
    private static final Set<String> CLIENT_GONE =
            Set.of("AbortedException", "ClientAbortException", "EOFException", "EofException");

    private final Duration retryAfter;

    public ProblemMapper() {
        this(Duration.ofSeconds(10));
    }

    /**
     * @param retryAfter what a 503 tells clients in {@code Retry-After} (whole seconds, at least 1), like the
     *     gateway's circuit-breaker fallback
     */
    public ProblemMapper(Duration retryAfter) {
        this.retryAfter = retryAfter;
    }

    /**
     * The problem for an error raised while handling this exchange: {@link #toProblem(Throwable)}, and what only the
     * request tells apart.
     */
    public Problem toProblem(ServerWebExchange exchange, Throwable error) {
        Problem blank = blankPathVariable(exchange, error);
        return blank != null ? blank : toProblem(error);
    }

    public Problem toProblem(Throwable error) {
        if (error instanceof ProblemException problem) {
            return new Problem(
                    problem.status(),
                    problem.type(),
                    problem.detail(),
                    problem.detailCode(),
                    problem.detailArguments(),
                    problem.properties(),
                    problem.headers());
        }
        if (hasCause(error, DataBufferLimitException.class) || error instanceof ContentTooLargeException) {
            return Problem.standard(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large");
        }
        if (error instanceof WebExchangeBindException binding) {
            return validation(binding);
        }
        if (error instanceof HandlerMethodValidationException invalid) {
            return validation(invalid);
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
        if (error instanceof ServerExchangeRejectedException rejected) {
            return rejected(rejected);
        }
        if (error instanceof AuthenticationException) {
            return Problem.standard(HttpStatus.UNAUTHORIZED, "unauthorized");
        }
        if (error instanceof AccessDeniedException) {
            return Problem.standard(HttpStatus.FORBIDDEN, "forbidden");
        }
        Throwable unreachable = unreachable(error);
        if (unreachable != null) {
            // A service or server this one needs is down or unknown (a gateway route without a circuit breaker, a
            // client call): nothing is wrong here and nothing a stack trace would explain.
            log.warn("cannot reach a service: {}", unreachable.toString());
            return serviceUnavailable();
        }
        Throwable conflict = conflict(error);
        if (conflict != null) {
            // A unique key or a version check refused the write: the request lost against the current state. The
            // body never names tables, constraints or SQL; the log line does, for whoever has to look.
            log.warn("write refused as a conflict: {}", conflict.toString());
            return Problem.standard(HttpStatus.CONFLICT, "conflict");
        }
        if (error instanceof ErrorResponse response) {
            return fromStatus(response.getStatusCode(), error);
        }
        if (clientGone(error)) {
            // The client hung up (its timeout, a closed tab): nobody will read this answer, and nothing failed here.
            // Under load that is thousands of clients a second, so one line at debug, without the stack trace.
            log.debug("client gone before the answer: {}", error.toString());
            return Problem.standard(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error");
        }
        log.error("unexpected error", error);
        return Problem.standard(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error");
    }

    private Problem serviceUnavailable() {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return Problem.standard(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable")
                .withHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    }

    private static Problem validation(WebExchangeBindException binding) {
        List<Map<String, Object>> errors = new ArrayList<>();
        binding.getFieldErrors().forEach(field -> errors.add(fieldError(field.getField(), field)));
        binding.getGlobalErrors().forEach(global -> errors.add(fieldError("", global)));
        return validation(errors);
    }

    /**
     * Constraints on {@code @RequestParam}, {@code @PathVariable} and the like (and a {@code @Valid} body of such a
     * method): each offending parameter by the name the client used.
     */
    private static Problem validation(HandlerMethodValidationException invalid) {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (ParameterValidationResult result : invalid.getParameterValidationResults()) {
            if (result instanceof ParameterErrors bean) {
                bean.getFieldErrors().forEach(field -> errors.add(fieldError(field.getField(), field)));
                bean.getGlobalErrors().forEach(global -> errors.add(fieldError("", global)));
                continue;
            }
            String name = parameterName(result.getMethodParameter());
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                ConstraintViolation<?> violation = violation(result, error);
                errors.add(Map.of("field", name, "message", message(name, error, violation)));
            }
        }
        invalid.getCrossParameterValidationResults()
                .forEach(error -> errors.add(Map.of("field", "", "message", message("", error, null))));
        return validation(errors);
    }

    private static Problem validation(List<Map<String, Object>> errors) {
        String fields = errors.stream()
                .map(e -> (String) e.get("field"))
                .filter(field -> !field.isEmpty())
                .distinct()
                .collect(Collectors.joining(", "));
        return Problem.standard(HttpStatus.BAD_REQUEST, "validation", fields.isEmpty() ? "-" : fields)
                .with("errors", List.copyOf(errors));
    }

    private static Map<String, Object> fieldError(String field, ObjectError error) {
        ConstraintViolation<?> violation =
                error.contains(ConstraintViolation.class) ? error.unwrap(ConstraintViolation.class) : null;
        return Map.of("field", field, "message", message(field, error, violation));
    }

    /**
     * The error's message codes, most specific first. A constraint with a message of its own
     * ({@code @Pattern(message = "must be ko or en")}) keeps it unless a bundle has a code naming the field: the
     * generic {@code Pattern} text ("must match ...") would say less than what the service wrote.
     */
    private static ProblemMessage message(
            String field, MessageSourceResolvable error, ConstraintViolation<?> violation) {
        String[] codes = error.getCodes() == null ? new String[0] : error.getCodes();
        if (violation != null && hasOwnMessage(violation)) {
            String name = "." + lastSegment(field);
            codes = Arrays.stream(codes).filter(code -> code.endsWith(name)).toArray(String[]::new);
        }
        Object[] arguments = error.getArguments() == null
                ? new Object[0]
                : error.getArguments().clone();
        // MessageFormat can choose on a number, not on a boolean (DecimalMin's "inclusive").
        for (int i = 0; i < arguments.length; i++) {
            if (arguments[i] instanceof Boolean flag) {
                arguments[i] = flag ? 1 : 0;
            }
        }
        String fallback = error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
        return new ProblemMessage(codes, arguments, fallback);
    }

    private static boolean hasOwnMessage(ConstraintViolation<?> violation) {
        try {
            Method message = violation
                    .getConstraintDescriptor()
                    .getAnnotation()
                    .annotationType()
                    .getMethod("message");
            return !violation.getMessageTemplate().equals(message.getDefaultValue());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static ConstraintViolation<?> violation(ParameterValidationResult result, MessageSourceResolvable error) {
        try {
            return result.unwrap(error, ConstraintViolation.class);
        } catch (RuntimeException notAViolation) {
            return null;
        }
    }

    /** {@code items[0].name} names the field {@code name}. */
    private static String lastSegment(String field) {
        String name = field.substring(field.lastIndexOf('.') + 1);
        int index = name.indexOf('[');
        return index >= 0 ? name.substring(0, index) : name;
    }

    /** The name the client sent: {@code @RequestParam("q") String query} is {@code q}. */
    private static String parameterName(MethodParameter parameter) {
        // Annotations as declared (not merged): the name may be in name() or in its alias value().
        String name = "";
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        CookieValue cookie = parameter.getParameterAnnotation(CookieValue.class);
        if (param != null) {
            name = param.name().isEmpty() ? param.value() : param.name();
        } else if (path != null) {
            name = path.name().isEmpty() ? path.value() : path.name();
        } else if (header != null) {
            name = header.name().isEmpty() ? header.value() : header.name();
        } else if (cookie != null) {
            name = cookie.name().isEmpty() ? cookie.value() : cookie.name();
        }
        if (name.isEmpty()) {
            String declared = parameter.getParameterName();
            name = declared != null ? declared : "arg" + parameter.getParameterIndex();
        }
        return name;
    }

    /**
     * Spring Security's firewall refused the request before anything read it: an encoded slash, period, percent sign
     * or line break, a backslash, a semicolon or a NUL in the path, a control character in a header or parameter.
     * Probes send these all day: no stack trace, no warning.
     */
    public static Problem rejected(ServerExchangeRejectedException rejected) {
        log.debug("request rejected by the firewall: {}", rejected.getMessage());
        return new Problem(
                HttpStatus.BAD_REQUEST, "bad-request", null, "bad-request.rejected", List.of(), Map.of(), Map.of());
    }

    /**
     * A path variable that is in the path but converted to {@code null}: Spring turns a blank text into a
     * {@code null} UUID, number or enum, and WebFlux then reports the required variable as missing with a server
     * error ({@code ServerErrorException}), as if the mapping had no such variable. The mapping has it (it is among
     * the matched template variables), so the value is what is wrong. A variable the path truly lacks stays a 500: a
     * mistake in the controller.
     */
    private static Problem blankPathVariable(ServerWebExchange exchange, Throwable error) {
        if (!(error instanceof ServerErrorException serverError) || serverError.getMethodParameter() == null) {
            return null;
        }
        MethodParameter parameter = serverError.getMethodParameter();
        if (!parameter.hasParameterAnnotation(PathVariable.class)) {
            return null;
        }
        Map<String, String> variables = exchange.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String name = parameterName(parameter);
        if (variables == null || !variables.containsKey(name)) {
            return null;
        }
        return invalidValue("path-variable", name, ProblemMessage.of("NotBlank", "must not be blank"));
    }

    /** What a named value is to the client, for the detail; {@code null} for anything else (a body, a model). */
    private static String kind(MethodParameter parameter) {
        if (parameter.hasParameterAnnotation(PathVariable.class)) {
            return "path-variable";
        }
        if (parameter.hasParameterAnnotation(RequestParam.class)) {
            return "query-parameter";
        }
        if (parameter.hasParameterAnnotation(RequestHeader.class)) {
            return "header";
        }
        if (parameter.hasParameterAnnotation(CookieValue.class)) {
            return "cookie";
        }
        return null;
    }

    /** A 400 naming the value: {@code bad-request.<kind>} in the bundle, and the value as the one field error. */
    private static Problem invalidValue(String kind, String name, ProblemMessage message) {
        return new Problem(
                HttpStatus.BAD_REQUEST,
                "bad-request",
                null,
                "bad-request." + kind,
                List.of(name),
                Map.of("errors", List.of(Map.of("field", name, "message", message))),
                Map.of());
    }

    private static Problem malformed(ServerWebInputException input) {
        MethodParameter parameter = input.getMethodParameter();
        String kind = parameter == null ? null : kind(parameter);
        if (kind != null && hasCause(input, TypeMismatchException.class)) {
            // A path variable, query parameter or header that is not a UUID, number, enum, ...
            return invalidValue(
                    kind, parameterName(parameter), ProblemMessage.of("typeMismatch", "has the wrong type"));
        }
        DatabindException databind = cause(input, DatabindException.class);
        if (databind != null && !databind.getPath().isEmpty()) {
            String field = databind.getPath().stream()
                    .map(reference -> reference.getPropertyName() != null
                            ? reference.getPropertyName()
                            : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
            return Problem.standard(HttpStatus.BAD_REQUEST, "wrong-type", field)
                    .with(
                            "errors",
                            List.of(Map.of(
                                    "field",
                                    field,
                                    "message",
                                    ProblemMessage.of("typeMismatch", "has the wrong type"))));
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

    private Problem fromStatus(HttpStatusCode code, Throwable error) {
        HttpStatus status = HttpStatus.resolve(code.value());
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            return serviceUnavailable();
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
            case CONFLICT -> Problem.standard(status, "conflict");
            case TOO_MANY_REQUESTS -> Problem.standard(status, "too-many-requests");
            case CONTENT_TOO_LARGE -> Problem.standard(status, "payload-too-large");
            case METHOD_NOT_ALLOWED -> Problem.standard(status, "method-not-allowed", "-");
            case UNSUPPORTED_MEDIA_TYPE -> Problem.standard(status, "unsupported-media-type", "-");
            default -> Problem.standard(status, "bad-request");
        };
    }

    /** The connection failure in the cause chain: refused, timed out (Netty's is a ConnectException), unknown host. */
    private static Throwable unreachable(Throwable error) {
        for (Throwable current : chain(error)) {
            if (current instanceof ConnectException || current instanceof UnknownHostException) {
                return current;
            }
        }
        return null;
    }

    private static Throwable conflict(Throwable error) {
        for (Throwable current : chain(error)) {
            for (Class<?> type = current.getClass(); type != null; type = type.getSuperclass()) {
                if (CONFLICTS.contains(type.getName())) {
                    return current;
                }
            }
        }
        return null;
    }

    /**
     * The client closed the connection before the answer: the exceptions servers raise for it, by simple name as
     * Spring's {@code DisconnectedClientHelper} tells them (Reactor Netty's {@code AbortedException}, ...), and the
     * operating system's words for it. Spring's own helper is not used: it walks the causes without an end when the
     * chain loops.
     */
    static boolean clientGone(Throwable error) {
        for (Throwable current : chain(error)) {
            if (CLIENT_GONE.contains(current.getClass().getSimpleName())) {
                return true;
            }
            String message = current.getMessage();
            if (current instanceof IOException && message != null) {
                String lower = message.toLowerCase(Locale.ROOT);
                if (lower.contains("broken pipe") || lower.contains("connection reset by peer")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        return cause(error, type) != null;
    }

    private static <T extends Throwable> T cause(Throwable error, Class<T> type) {
        for (Throwable current : chain(error)) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
        }
        return null;
    }

    /** The error and its causes, each once (a cause chain may loop back on itself). */
    private static List<Throwable> chain(Throwable error) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable current = error; current != null && seen.add(current); current = current.getCause()) {
            chain.add(current);
        }
        return chain;
    }
}
