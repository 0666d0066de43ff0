package dev.tarsspeedy.infra.junit;

import dev.tarsspeedy.infra.Infrastructure;
import dev.tarsspeedy.infra.kafka.KafkaServer;
import dev.tarsspeedy.infra.mail.MailServer;
import dev.tarsspeedy.infra.mail.Mailbox;
import dev.tarsspeedy.infra.postgres.PostgresServer;
import dev.tarsspeedy.infra.redis.RedisServer;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Backs {@link RealInfrastructure}: starts the requested servers of {@link Infrastructure#shared()} and stops
 * them when the whole test run ends (the JVM shutdown hook is the safety net for runs that are cut short).
 */
public final class RealInfrastructureExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(RealInfrastructureExtension.class);

    private static final Set<Class<?>> RESOLVABLE = Set.of(
            Infrastructure.class,
            PostgresServer.class,
            RedisServer.class,
            KafkaServer.class,
            MailServer.class,
            Mailbox.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        Infrastructure infrastructure = Infrastructure.shared();
        // The root store is closed once, after the last test class: that is "once per test run".
        context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent("infrastructure", key -> (AutoCloseable) infrastructure::close, AutoCloseable.class);
        Infrastructure.Server[] servers = context.getTestClass()
                .flatMap(type -> AnnotationSupport.findAnnotation(
                        type, RealInfrastructure.class, context.getEnclosingTestClasses()))
                .map(RealInfrastructure::value)
                .orElse(Infrastructure.Server.values());
        infrastructure.start(Arrays.asList(servers));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return RESOLVABLE.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Infrastructure infrastructure = Infrastructure.shared();
        Class<?> type = parameter.getParameter().getType();
        if (type == Infrastructure.class) {
            return infrastructure;
        } else if (type == PostgresServer.class) {
            return infrastructure.postgres();
        } else if (type == RedisServer.class) {
            return infrastructure.redis();
        } else if (type == KafkaServer.class) {
            return infrastructure.kafka();
        } else if (type == MailServer.class) {
            return infrastructure.mail();
        } else if (type == Mailbox.class) {
            return infrastructure.mail().mailbox();
        }
        throw new ParameterResolutionException("cannot resolve " + type);
    }
}
