package dev.tarsspeedy.market.provider;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code marketProviders}: per provider whether it is live or the stand-in, where
 * it is reached, and its last call's outcome. Always UP: a provider that fails is the fallback's business and the
 * metrics' alert, not a reason to take the service out of rotation.
 */
@Component("marketProvidersHealthIndicator")
public class ProvidersHealthIndicator extends AbstractHealthIndicator {

    private final ProviderSelection selection;
    private final ProviderCalls calls;

    public ProvidersHealthIndicator(ProviderSelection selection, ProviderCalls calls) {
        this.selection = selection;
        this.calls = calls;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up();
        for (ProviderName provider : ProviderName.values()) {
            ProviderSelection.Endpoint endpoint = selection.endpoint(provider);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("mode", endpoint.live() ? "live" : "stand-in");
            details.put("baseUrl", endpoint.baseUrl().toString());
            calls.last(provider)
                    .ifPresentOrElse(
                            last -> {
                                details.put("lastOutcome", last.outcome().label());
                                details.put("lastCallAt", last.at().toString());
                                if (last.detail() != null) {
                                    details.put("lastError", last.detail());
                                }
                            },
                            () -> details.put("lastOutcome", "none"));
            builder.withDetail(provider.name().toLowerCase(Locale.ROOT), details);
        }
    }
}
