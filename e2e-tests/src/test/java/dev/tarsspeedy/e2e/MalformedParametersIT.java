package dev.tarsspeedy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.e2e.fixture.Api;
import dev.tarsspeedy.e2e.fixture.Mailbox;
import dev.tarsspeedy.e2e.fixture.RunningStack;
import dev.tarsspeedy.e2e.fixture.Shoppers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every operation of every service's API, as its OpenAPI document (fetched through the gateway's docs routes) lists
 * it, called through the gateway with hostile values in each path and query parameter: a single space, a NUL, a path
 * that climbs out of its folder with encoded slashes, and a value far longer than any id. Each answer is a 4xx RFC
 * 9457 problem (never a 500, never an empty 400), with a token of the role the path needs so the value itself is
 * judged, not the missing token.
 */
class MalformedParametersIT {

    /** Raw, as they go on the wire (the client sends the URI as written); in this order, so a run can be repeated. */
    private static final Map<String, String> HOSTILE_VALUES = orderedValues();

    private static Map<String, String> orderedValues() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("a single space", "%20");
        values.put("a NUL", "%00");
        values.put("an encoded path traversal", "..%2F..%2Fetc%2Fpasswd");
        values.put("an over-long value", "x".repeat(2000));
        return values;
    }

    /**
     * Pages for the buyer's browser, not API answers: Kakaopay sends the browser back to these, and an unknown or
     * malformed payment id is an HTML 404 page the person can read ({@code CallbackController}). Still a 4xx, and still
     * a problem when the gateway refuses the value itself.
     */
    private static final Set<String> BROWSER_PAGES = Set.of(
            "GET /api/payments/{paymentId}/approve",
            "GET /api/payments/{paymentId}/cancel",
            "GET /api/payments/{paymentId}/fail",
            "GET /api/payments/{paymentId}/result");

    /**
     * Optional filters whose service reads a blank value as no filter at all (catalog: {@code status} of the drop
     * list, {@code DropController}): a single space there answers the unfiltered list, as the parameter's absence
     * does. Harmless, and the service's decision; any other value there must still be a problem.
     */
    private static final Set<String> BLANK_MEANS_ABSENT = Set.of("GET /api/drops query status");

    private static Api gateway;

    private static String baseUrl;
    private static String userToken;
    private static String adminToken;

    @BeforeAll
    static void startStack() throws Exception {
        RunningStack stack = RunningStack.shared();
        baseUrl = stack.gateway();
        gateway = new Api(baseUrl);
        Shoppers shoppers = new Shoppers(gateway, new Mailbox(stack.mailbox()));
        adminToken = shoppers.logIn("admin@example.com", RunningStack.ADMIN_PASSWORD);
        userToken = shoppers.signUp("probe", "en").token();
    }

    @Test
    void everyParameterOfEveryOperationAnswersHostileValuesWithA4xxProblem() {
        List<String> documents = serviceDocuments();
        assertThat(documents)
                .as("every service with an API has its document in Swagger UI")
                .contains(
                        "/v3/api-docs/identity", "/v3/api-docs/catalog", "/v3/api-docs/order", "/v3/api-docs/payment");

        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (String document : documents) {
            Api.Response answer = gateway.get(document, null);
            assertThat(answer.status()).as(document + ": " + answer).isEqualTo(200);
            for (Operation operation : operations(answer.json())) {
                for (Parameter parameter : operation.parameters()) {
                    for (Map.Entry<String, String> value : HOSTILE_VALUES.entrySet()) {
                        String target = operation.target(parameter, value.getValue());
                        Api.Response response = call(operation, target);
                        calls++;
                        String problem = BLANK_MEANS_ABSENT.contains(operation.key() + " query " + parameter.name())
                                        && value.getValue().equals("%20")
                                ? sameAsAbsent(operation, parameter, response)
                                : judge(operation, response);
                        if (problem != null) {
                            failures.add(operation + " with " + value.getKey() + " in " + parameter.in() + " '"
                                    + parameter.name() + "' (" + abbreviated(target) + "): " + problem + " - "
                                    + abbreviated(response.toString()));
                        }
                    }
                }
            }
        }
        assertThat(calls).as("calls made").isGreaterThan(50);
        assertThat(failures).as("answers that were not a 4xx problem").isEmpty();
    }

    /** Why the answer is wrong, or {@code null} when it is a 4xx problem (or a browser page's 4xx). */
    private static String judge(Operation operation, Api.Response response) {
        if (response.status() < 400 || response.status() >= 500) {
            return "status " + response.status();
        }
        boolean problem = response.contentType().startsWith("application/problem+json");
        if (!problem
                && BROWSER_PAGES.contains(operation.key())
                && response.contentType().startsWith("text/html")) {
            return null;
        }
        if (!problem) {
            return "content type '" + response.contentType() + "'";
        }
        JsonNode body = response.json();
        if (!body.path("type").isString()
                || body.path("type").asString().isBlank()
                || !body.path("title").isString()
                || body.path("title").asString().isBlank()
                || body.path("status").asInt() != response.status()) {
            return "not a complete problem";
        }
        return null;
    }

    /** Why the answer to a blank optional filter is wrong, or {@code null} when it is the answer without it. */
    private static String sameAsAbsent(Operation operation, Parameter parameter, Api.Response response) {
        Api.Response absent = call(operation, operation.target(parameter, null));
        if (absent.status() / 100 != 2 || response.status() != absent.status()) {
            return "status " + response.status() + " where the call without the parameter answered " + absent.status();
        }
        return null;
    }

    /** The call, waiting out the gateway's rate limit when this test's pace runs into it. */
    private static Api.Response call(Operation operation, String target) {
        String token = operation.path().startsWith("/api/admin/") ? adminToken : userToken;
        Object body = operation.hasBody() ? Map.of() : null;
        for (int attempt = 0; ; attempt++) {
            // Each hostile request on a connection of its own: a refused request may end its connection, and the case
            // judged is the answer to this value, not how the client pool copes with that.
            Api.Response response;
            try (Api fresh = new Api(baseUrl)) {
                response = fresh.send(operation.method(), target, body, token, Map.of());
            }
            if (response.status() != 429 || attempt == 10) {
                return response;
            }
            long seconds = response.headers()
                    .firstValue("Retry-After")
                    .map(Long::parseLong)
                    .orElse(1L);
            try {
                Thread.sleep(seconds * 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The services' documents as Swagger UI lists them (the gateway's own first, left out here). */
    private static List<String> serviceDocuments() {
        Api.Response config = gateway.get("/v3/api-docs/swagger-config", null);
        assertThat(config.status()).as(config.toString()).isEqualTo(200);
        List<String> documents = new ArrayList<>();
        for (JsonNode url : config.json().path("urls")) {
            String path = url.path("url").asString();
            if (path.startsWith("/v3/api-docs/")) {
                documents.add(path);
            }
        }
        return documents;
    }

    record Parameter(String name, String in, boolean required, JsonNode schema) {

        /** A value the operation accepts for this parameter, for when another parameter is the one under test. */
        String plausibleValue() {
            String type = schema.path("type").asString("");
            String format = schema.path("format").asString("");
            if (type.equals("integer") || type.equals("number")) {
                return schema.has("default") ? schema.path("default").asString() : "1";
            }
            if (format.equals("uuid")) {
                return UUID.randomUUID().toString();
            }
            if (format.equals("email") || name.toLowerCase(Locale.ROOT).contains("email")) {
                return "nobody@example.com";
            }
            return UUID.randomUUID().toString();
        }
    }

    record Operation(String method, String path, List<Parameter> parameters, boolean hasBody) {

        String key() {
            return method + " " + path;
        }

        /**
         * The path and query with {@code value} in {@code tested} (left out when {@code null}) and a plausible value in
         * every other parameter.
         */
        String target(Parameter tested, String value) {
            String target = path;
            List<String> query = new ArrayList<>();
            for (Parameter parameter : parameters) {
                String written = parameter == tested ? value : parameter.plausibleValue();
                if (parameter.in().equals("path")) {
                    target = target.replace("{" + parameter.name() + "}", written);
                } else if ((parameter == tested && value != null) || (parameter != tested && parameter.required())) {
                    query.add(parameter.name() + "=" + written);
                }
            }
            return query.isEmpty() ? target : target + "?" + String.join("&", query);
        }

        @Override
        public String toString() {
            return key();
        }
    }

    /** Every operation of the document with path or query parameters (path-level parameters included). */
    private static List<Operation> operations(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                String method = entry.getKey().toUpperCase(Locale.ROOT);
                if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                JsonNode operation = entry.getValue();
                Map<String, Parameter> parameters = new LinkedHashMap<>();
                for (JsonNode declared : List.of(path.getValue().path("parameters"), operation.path("parameters"))) {
                    for (JsonNode parameter : declared) {
                        String in = parameter.path("in").asString();
                        if (in.equals("path") || in.equals("query")) {
                            String name = parameter.path("name").asString();
                            parameters.put(
                                    in + ":" + name,
                                    new Parameter(
                                            name,
                                            in,
                                            parameter.path("required").asBoolean(false),
                                            parameter.path("schema")));
                        }
                    }
                }
                if (!parameters.isEmpty()) {
                    operations.add(new Operation(
                            method, path.getKey(), List.copyOf(parameters.values()), operation.has("requestBody")));
                }
            }
        }
        return operations;
    }

    private static String abbreviated(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
