package dev.tarsspeedy.market.provider.client;

import dev.tarsspeedy.infra.Infrastructure;
import dev.tarsspeedy.infra.redis.RedisServer;
import dev.tarsspeedy.market.provider.FinnhubSettings;
import dev.tarsspeedy.market.provider.FscSettings;
import dev.tarsspeedy.market.provider.KisSettings;
import dev.tarsspeedy.market.provider.ProviderBudgets;
import dev.tarsspeedy.market.provider.ProviderCalls;
import dev.tarsspeedy.market.provider.ProviderSelection;
import dev.tarsspeedy.market.provider.ProvidersSettings;
import dev.tarsspeedy.market.provider.persistence.RedisBudgetStore;
import dev.tarsspeedy.market.provider.persistence.RedisKisTokenStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * One instance of the service's provider feature, wired as the application wires it but by hand: its own Redis
 * connection and HTTP client, the shared real Redis, the settings bound from properties (defaults from the records'
 * {@code @DefaultValue}s). Several of these against one Redis are several service instances.
 */
final class ProviderInstance implements AutoCloseable {

    final KisSettings kisSettings;
    final FscSettings fscSettings;
    final FinnhubSettings finnhubSettings;
    final ProviderSelection selection;
    final ProviderBudgets budgets;
    final ProviderCalls calls;
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final ReactiveStringRedisTemplate redis;
    final KisQuoteProvider kis;
    final FscQuoteProvider fsc;
    final FinnhubQuoteProvider finnhub;
    private final LettuceConnectionFactory connections;

    /** An instance whose three providers are configured with {@code properties} ({@code market.providers.*}). */
    ProviderInstance(Map<String, String> properties, Clock clock) {
        Binder binder = new Binder(new MapConfigurationPropertySource(properties));
        ProvidersSettings settings = binder.bindOrCreate("market.providers", ProvidersSettings.class);
        kisSettings = binder.bindOrCreate("market.providers.kis", KisSettings.class);
        fscSettings = binder.bindOrCreate("market.providers.fsc", FscSettings.class);
        finnhubSettings = binder.bindOrCreate("market.providers.finnhub", FinnhubSettings.class);
        selection = new ProviderSelection(settings, kisSettings, fscSettings, finnhubSettings);
        connections = connections();
        redis = new ReactiveStringRedisTemplate(connections);
        budgets = new ProviderBudgets(new RedisBudgetStore(redis), kisSettings, fscSettings, finnhubSettings, registry);
        calls = new ProviderCalls(registry, clock);
        WebClient.Builder http = WebClient.builder();
        kis = new KisQuoteProvider(
                kisSettings, selection, http, new RedisKisTokenStore(redis, clock), budgets, calls, clock);
        fsc = new FscQuoteProvider(fscSettings, selection, http, budgets, calls, clock);
        finnhub = new FinnhubQuoteProvider(finnhubSettings, selection, http, budgets, calls);
    }

    /** The properties of an instance whose providers all have keys and are reached at {@code baseUrl}. */
    static Map<String, String> keyed(String baseUrl) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("market.providers.stand-in-url", baseUrl);
        properties.put("market.providers.kis.base-url", baseUrl);
        properties.put("market.providers.kis.app-key", StandInMarket.KIS_APP_KEY);
        properties.put("market.providers.kis.app-secret", StandInMarket.KIS_APP_SECRET);
        properties.put("market.providers.fsc.base-url", baseUrl);
        properties.put("market.providers.fsc.service-key", StandInMarket.FSC_KEY);
        properties.put("market.providers.finnhub.base-url", baseUrl);
        properties.put("market.providers.finnhub.token", StandInMarket.FINNHUB_TOKEN);
        return properties;
    }

    private static LettuceConnectionFactory connections() {
        RedisServer server = Infrastructure.shared().redis();
        RedisStandaloneConfiguration configuration = new RedisStandaloneConfiguration(server.host(), server.port());
        server.password().ifPresent(configuration::setPassword);
        LettuceConnectionFactory factory = new LettuceConnectionFactory(configuration);
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }

    /** Forgets every budget, pause and token the providers keep in Redis: each test starts from nothing. */
    void clearRedis() {
        redis.keys("market:provider:*").flatMap(redis::delete).then().block();
    }

    @Override
    public void close() {
        connections.destroy();
    }
}
