package dev.tarsspeedy.infra.junit;

import dev.tarsspeedy.infra.Infrastructure;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against real servers: started once per JVM on free ports, shared by every test class
 * that asks for them, stopped when the test run ends. Test methods and constructors can take
 * {@link Infrastructure}, a server ({@code PostgresServer}, {@code RedisServer}, {@code KafkaServer},
 * {@code MailServer}) or the {@code Mailbox} as parameters.
 *
 * <pre>{@code
 * @RealInfrastructure({Server.POSTGRES, Server.KAFKA})
 * class OrderRepositoryIT {
 *     @Test
 *     void stores(PostgresServer postgres) { ... }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RealInfrastructureExtension.class)
public @interface RealInfrastructure {

    /** The servers to start before the class runs; others start on first use. */
    Infrastructure.Server[] value() default {
        Infrastructure.Server.POSTGRES,
        Infrastructure.Server.REDIS,
        Infrastructure.Server.KAFKA,
        Infrastructure.Server.MAIL
    };
}
