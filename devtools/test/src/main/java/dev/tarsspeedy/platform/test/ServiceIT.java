package dev.tarsspeedy.platform.test;

import dev.tarsspeedy.infra.junit.RealInfrastructure;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * Boots the service under test on a random port against real PostgreSQL, Redis, Kafka and SMTP (shared by every
 * test class of the JVM), with a database of its own named after {@code spring.application.name}.
 *
 * <pre>{@code
 * @ServiceIT
 * class DropApiIT {
 *     @Autowired WebTestClient client;
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = InfrastructurePropertiesInitializer.class)
@ExtendWith({CloseContextsFirst.class, ThreadDumpOnTimeout.class})
public @interface ServiceIT {}
