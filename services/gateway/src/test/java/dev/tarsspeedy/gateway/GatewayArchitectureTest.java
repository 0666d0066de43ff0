package dev.tarsspeedy.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import dev.tarsspeedy.platform.test.architecture.ServiceArchitecture;
import org.springframework.web.bind.annotation.RestController;

@AnalyzeClasses(packages = "dev.tarsspeedy.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class GatewayArchitectureTest {

    /** Features (ratelimit, requestsize, fallback, cors, openapi, ...) stand alone: each can change or go alone. */
    @ArchTest
    static final ArchRule featuresDoNotDependOnEachOther =
            slices().matching("dev.tarsspeedy.gateway.(*)..").should().notDependOnEachOther();

    /** The gateway proxies; it has no domain, no database and no blocking Redis client. */
    @ArchTest
    static final ArchRule noBlockingOrPersistence = noClasses()
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("org.springframework.data.redis.core.RedisTemplate")
            .orShould()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.data.r2dbc..", "org.springframework.jdbc..", "java.sql..");

    /** Refusals are the platform's problem details, never a hand-made JSON body or the stock empty 429. */
    @ArchTest
    static final ArchRule noStockRateLimiterFilter = noClasses()
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName(
                    "org.springframework.cloud.gateway.filter.factory.RequestRateLimiterGatewayFilterFactory")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("org.springframework.http.ProblemDetail");

    /**
     * The platform's package layout, as every service has it. The gateway has no domain (every feature is a filter or
     * a route, web through and through), so the domain rules of {@code ServiceArchitecture.rules} do not apply to it.
     */
    @ArchTest
    static final ArchRule layout = ServiceArchitecture.layout("dev.tarsspeedy.gateway");

    @ArchTest
    static final ArchRule noScheduledOrListeningCode = CompositeArchRule.of(
                    ServiceArchitecture.jobsComeFromThePlatform())
            .and(ServiceArchitecture.listenersLiveInMessaging())
            .and(ServiceArchitecture.callerComesFromThePlatform());

    /** The only controller is the fallback; everything else the gateway serves is a route. */
    @ArchTest
    static final ArchRule controllersLiveInFallback = classes()
            .that()
            .areAnnotatedWith(RestController.class)
            .should()
            .resideInAPackage("..gateway.fallback.web..");

    /** Of the platform, the gateway uses the problem-details API only; security is configured, not coded. */
    @ArchTest
    static final ArchRule platformThroughItsProblemApiOnly = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.tarsspeedy.platform.security..", "dev.tarsspeedy.platform.observability..");

    @ArchTest
    static final ArchRule constructorInjectionOnly = ServiceArchitecture.constructorInjectionOnly();
}
