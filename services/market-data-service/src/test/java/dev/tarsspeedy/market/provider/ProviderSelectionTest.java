package dev.tarsspeedy.market.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Keys or the stand-in, per provider, from the service's own {@code application.yml} and the environment variables it
 * names: a context with the provider settings and the selection, started as the application starts.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProviderSelectionTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({ProvidersSettings.class, KisSettings.class, FscSettings.class, FinnhubSettings.class
    })
    @Import(ProviderSelection.class)
    static class Selection {}

    /** The context with {@code variables} as the environment would give them (they win over application.yml). */
    private static ConfigurableApplicationContext start(Map<String, Object> variables) {
        SpringApplication application = new SpringApplicationBuilder(Selection.class)
                .web(WebApplicationType.NONE)
                .properties(Map.of("spring.main.banner-mode", "off"))
                .build();
        application.setDefaultProperties(variables);
        return application.run();
    }

    private static final Map<String, Object> ALL_KEYS = Map.of(
            "KIS_APP_KEY", "k",
            "KIS_APP_SECRET", "s",
            "FSC_SERVICE_KEY", "f",
            "FINNHUB_TOKEN", "t");

    @Test
    void aMissingKeyWithLiveProvidersRequiredStopsTheStartUpNamingTheVariable() {
        assertThatThrownBy(() -> start(Map.of("MARKET_REQUIRE_LIVE_PROVIDERS", "true")))
                .rootCause()
                .hasMessageContaining("KIS_APP_KEY")
                .hasMessageContaining("MARKET_REQUIRE_LIVE_PROVIDERS");

        Map<String, Object> noFinnhub = new java.util.HashMap<>(ALL_KEYS);
        noFinnhub.remove("FINNHUB_TOKEN");
        noFinnhub.put("MARKET_REQUIRE_LIVE_PROVIDERS", "true");
        assertThatThrownBy(() -> start(noFinnhub)).rootCause().hasMessageContaining("FINNHUB_TOKEN");

        Map<String, Object> noSecret = new java.util.HashMap<>(ALL_KEYS);
        noSecret.remove("KIS_APP_SECRET");
        noSecret.put("MARKET_REQUIRE_LIVE_PROVIDERS", "true");
        assertThatThrownBy(() -> start(noSecret)).rootCause().hasMessageContaining("KIS_APP_SECRET");
    }

    @Test
    void withEveryKeyEveryProviderIsLiveAtItsOwnUrl() {
        Map<String, Object> variables = new java.util.HashMap<>(ALL_KEYS);
        variables.put("MARKET_REQUIRE_LIVE_PROVIDERS", "true");
        try (ConfigurableApplicationContext context = start(variables)) {
            ProviderSelection selection = context.getBean(ProviderSelection.class);
            assertThat(selection.endpoint(ProviderName.KIS).live()).isTrue();
            assertThat(selection.endpoint(ProviderName.KIS).baseUrl())
                    .hasToString("https://openapi.koreainvestment.com:9443");
            assertThat(selection.endpoint(ProviderName.FSC).baseUrl()).hasToString("https://apis.data.go.kr");
            assertThat(selection.endpoint(ProviderName.FINNHUB).baseUrl()).hasToString("https://finnhub.io");
        }
    }

    @Test
    void withoutAKeyTheLogSaysWhichProviderIsTheStandInAndWhy(CapturedOutput output) {
        try (ConfigurableApplicationContext context =
                start(Map.of("MARKET_STAND_IN_URL", "http://127.0.0.1:18091", "FINNHUB_TOKEN", "t"))) {
            assertThat(context.getBean(ProviderSelection.class)
                            .endpoint(ProviderName.KIS)
                            .live())
                    .isFalse();
        }
        assertThat(output.getAll().lines().filter(line -> line.contains("WARN")))
                .anySatisfy(line -> assertThat(line)
                        .contains("KIS has no key", "KIS_APP_KEY and KIS_APP_SECRET", "http://127.0.0.1:18091"))
                .anySatisfy(line -> assertThat(line).contains("FSC has no key", "FSC_SERVICE_KEY", "simulated"))
                .noneSatisfy(line -> assertThat(line).contains("FINNHUB has no key"));
    }

    @Test
    void withoutKeysEveryProviderIsTheStandInAndTheHealthSaysSo() {
        try (ConfigurableApplicationContext context =
                start(Map.of("MARKET_STAND_IN_URL", "http://127.0.0.1:18091", "FINNHUB_TOKEN", "t"))) {
            ProviderSelection selection = context.getBean(ProviderSelection.class);
            assertThat(selection.endpoint(ProviderName.KIS).live()).isFalse();
            assertThat(selection.endpoint(ProviderName.KIS).baseUrl()).hasToString("http://127.0.0.1:18091");
            assertThat(selection.endpoint(ProviderName.FSC).live()).isFalse();
            assertThat(selection.endpoint(ProviderName.FINNHUB).live()).isTrue();

            ProviderCalls calls = new ProviderCalls(new SimpleMeterRegistry(), Clock.systemUTC());
            calls.failed(
                    ProviderName.FINNHUB, new ProviderException.RateLimited(ProviderName.FINNHUB, "HTTP 429 limit"));
            calls.succeeded(ProviderName.KIS);
            Health health = new ProvidersHealthIndicator(selection, calls).health();

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsOnlyKeys("kis", "fsc", "finnhub");
            assertThat(health.getDetails().get("kis"))
                    .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .containsEntry("mode", "stand-in")
                    .containsEntry("baseUrl", "http://127.0.0.1:18091")
                    .containsEntry("lastOutcome", "ok");
            assertThat(health.getDetails().get("finnhub"))
                    .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .containsEntry("mode", "live")
                    .containsEntry("lastOutcome", "rate_limited")
                    .containsEntry("lastError", "FINNHUB: HTTP 429 limit");
            assertThat(health.getDetails().get("fsc"))
                    .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .containsEntry("lastOutcome", "none");
        }
    }
}
