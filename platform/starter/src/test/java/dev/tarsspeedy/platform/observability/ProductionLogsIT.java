package dev.tarsspeedy.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.infra.Infrastructure;
import dev.tarsspeedy.infra.junit.RealInfrastructure;
import dev.tarsspeedy.platform.fixture.StarterDatabase;
import dev.tarsspeedy.platform.fixture.TestApplication;
import dev.tarsspeedy.platform.test.jwt.JwksServer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.logging.LoggingSystemProperty;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Under the {@code prod} profile every log line is one ECS JSON object carrying the service and the trace. */
@RealInfrastructure(Infrastructure.Server.POSTGRES)
@ExtendWith(OutputCaptureExtension.class)
class ProductionLogsIT {

    @Test
    void aLogLineIsJsonWithTheServiceNameAndTheTraceId(CapturedOutput output) {
        // Spring Boot sets up logging once while a context holds it (the other test classes' cached context does);
        // released, the production application below sets it up its own way.
        LoggingSystem.get(getClass().getClassLoader()).cleanUp();
        Set<String> loggingPropertiesBefore = loggingSystemProperties();
        try (JwksServer jwks = new JwksServer();
                ConfigurableApplicationContext production = new SpringApplicationBuilder(TestApplication.class)
                        .profiles("prod")
                        .run(arguments(jwks))) {
            int port = production.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            WebTestClient.bindToServer()
                    .baseUrl("http://127.0.0.1:" + port)
                    .build()
                    .get()
                    .uri("/api/public/log")
                    .exchange()
                    .expectStatus()
                    .isOk();
        } finally {
            restorePlainLogs(loggingPropertiesBefore);
        }

        String line = output.getOut()
                .lines()
                .filter(l -> l.contains("thing log line"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no log line of the request in:\n" + output.getOut()));
        JsonNode json = JsonMapper.builder().build().readTree(line);
        assertThat(json.path("message").asString()).isEqualTo("thing log line");
        assertThat(json.path("log").path("level").asString()).isEqualTo("INFO");
        assertThat(json.path("service").path("name").asString()).isEqualTo("platform-starter-test");
        assertThat(json.path("traceId").asString()).matches("[0-9a-f]{16,32}");
        assertThat(json.path("spanId").asString()).matches("[0-9a-f]{16}");
        assertThat(json.has("@timestamp")).isTrue();

        // And the JVM's logging is plain again for whatever runs next.
        LoggerFactory.getLogger(ProductionLogsIT.class).info("plain again");
        assertThat(output.getOut().lines().filter(l -> l.contains("plain again")))
                .singleElement()
                .satisfies(plain -> assertThat(plain).doesNotStartWith("{").contains("INFO"));
    }

    private static String[] arguments(JwksServer jwks) {
        List<String> arguments = new ArrayList<>();
        arguments.add("--server.port=0");
        arguments.add("--platform.security.jwks-uri=" + jwks.jwksUri());
        StarterDatabase.properties().forEach((name, value) -> arguments.add("--" + name + "=" + value));
        return arguments.toArray(String[]::new);
    }

    /** The system properties Spring Boot passes its logging settings in (it sets each once and never clears it). */
    private static Set<String> loggingSystemProperties() {
        return Arrays.stream(LoggingSystemProperty.values())
                .map(LoggingSystemProperty::getEnvironmentVariableName)
                .filter(name -> System.getProperty(name) != null)
                .collect(Collectors.toSet());
    }

    /**
     * Sets logging up again as a context without the profile does, so that test classes running later on a cached
     * context get plain lines again (they check the line pattern): first the production settings go
     * ({@code CONSOLE_LOG_STRUCTURED_FORMAT} would otherwise stay), then a plain context sets logging up.
     */
    private static void restorePlainLogs(Set<String> before) {
        loggingSystemProperties().stream()
                .filter(name -> !before.contains(name))
                .forEach(System::clearProperty);
        LoggingSystem.get(ProductionLogsIT.class.getClassLoader()).cleanUp();
        try (ConfigurableApplicationContext plain = new SpringApplicationBuilder(Plain.class)
                .web(WebApplicationType.NONE)
                .run()) {
            assertThat(plain.getEnvironment().getActiveProfiles()).doesNotContain("prod");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Plain {}
}
