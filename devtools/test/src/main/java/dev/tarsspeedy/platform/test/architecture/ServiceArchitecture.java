package dev.tarsspeedy.platform.test.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.bind.annotation.RestController;

/**
 * The package rules every service follows (docs/adding-a-service.md): the root package holds the application and the
 * shared kernel (typed ids), feature packages below it hold their domain at the top and adapters in the role packages
 * {@code web}, {@code persistence}, {@code messaging} and {@code client}. A service's architecture test applies all of
 * them through {@link #rules(String)}, then adds its own:
 *
 * <pre>{@code
 * @AnalyzeClasses(packages = "dev.tarsspeedy.catalog", importOptions = ImportOption.DoNotIncludeTests.class)
 * class CatalogArchitectureTest {
 *     @ArchTest
 *     static final ArchRule service = ServiceArchitecture.rules("dev.tarsspeedy.catalog");
 * }
 * }</pre>
 */
public final class ServiceArchitecture {

    /** HTTP, requests, problem details and validation: the web layer's types. */
    public static final List<String> WEB_TYPES = List.of(
            "org.springframework.web..",
            "org.springframework.http..",
            "org.springframework.security.web..",
            "dev.tarsspeedy.platform.problem..",
            "jakarta.validation..");

    /** Database, Kafka and the outbox: what sits behind the ports implemented in {@code persistence}. */
    public static final List<String> PERSISTENCE_TYPES = List.of(
            "io.r2dbc..",
            "org.springframework.r2dbc..",
            "org.springframework.data..",
            "org.springframework.jdbc..",
            "java.sql..",
            "org.flywaydb..",
            "org.springframework.kafka..",
            "org.apache.kafka..",
            "dev.tarsspeedy.platform.events..");

    /** The only names a package inside a feature may have, one per adapter role. */
    public static final Set<String> ROLE_PACKAGES = Set.of("web", "persistence", "messaging", "client");

    /** Names that say nothing about a capability: forbidden as feature packages. */
    public static final Set<String> GRAB_BAG_NAMES = Set.of(
            "ids",
            "config",
            "configuration",
            "common",
            "util",
            "utils",
            "shared",
            "support",
            "misc",
            "helpers",
            "core",
            "domain",
            "model",
            "web",
            "persistence",
            "messaging",
            "client",
            "service",
            "services");

    private ServiceArchitecture() {}

    /**
     * Every rule of the platform's service layout, for a service whose code lives below {@code basePackage}. A service
     * that consumes email requests (the notification service) uses {@link #rules(String, boolean)}.
     */
    public static ArchRule rules(String basePackage) {
        return rules(basePackage, true);
    }

    /**
     * @param emailOnlyThroughTheOutbox {@code false} only for the service that sends the emails others request: it
     *     reads the requests and talks SMTP, so neither {@link #emailOnlyThroughTheOutbox()} nor {@link #noMail()}
     *     applies to it
     */
    public static ArchRule rules(String basePackage, boolean emailOnlyThroughTheOutbox) {
        CompositeArchRule rules = CompositeArchRule.of(layout(basePackage))
                .and(domainIsFreeOfWebTypes("..web..", "..client.."))
                .and(domainIsFreeOfPersistenceTypes())
                // A service without an HTTP API (the notification service) has no web package to check.
                .and(webDoesNotTouch("..persistence..", "..messaging..", "..client..")
                        .allowEmptyShould(true))
                .and(adapterIsPrivate("..persistence.."))
                .and(adapterIsPrivate("..client.."))
                .and(controllersLiveInWeb().allowEmptyShould(true))
                .and(featuresAreFreeOfCycles(basePackage))
                .and(constructorInjectionOnly())
                .and(callerComesFromThePlatform())
                .and(jobsComeFromThePlatform())
                .and(listenersLiveInMessaging());
        return emailOnlyThroughTheOutbox ? rules.and(noMail()).and(emailOnlyThroughTheOutbox()) : rules;
    }

    /**
     * The package layout: the root holds the application and a kernel that depends on no feature; features are named
     * after capabilities (never the service's own name or a grab-bag); inside a feature only the role packages.
     */
    public static ArchRule layout(String basePackage) {
        return CompositeArchRule.of(rootIsAKernel(basePackage))
                .and(classes().should(followTheLayout(basePackage)))
                .and(settingsLiveInTheirFeature(basePackage));
    }

    /** The root package (typed ids, the application) depends on no feature package. */
    public static ArchRule rootIsAKernel(String basePackage) {
        return noClasses()
                .that()
                .resideInAPackage(basePackage)
                .should()
                .dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "reside in a feature package of " + basePackage,
                        (JavaClass target) -> target.getPackageName().startsWith(basePackage + ".")))
                .because("the root holds the shared kernel every feature may use, so it cannot use a feature");
    }

    static ArchCondition<JavaClass> followTheLayout(String basePackage) {
        String serviceName = basePackage.substring(basePackage.lastIndexOf('.') + 1);
        return new ArchCondition<>("live in <feature>[.web|.persistence|.messaging|.client] below " + basePackage) {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                String name = item.getPackageName();
                if (!name.startsWith(basePackage + ".")) {
                    return;
                }
                String[] parts = name.substring(basePackage.length() + 1).split("\\.");
                String feature = parts[0];
                String problem = null;
                if (feature.equals(serviceName)) {
                    problem = "feature package '" + feature + "' repeats the service's name: name the capability";
                } else if (GRAB_BAG_NAMES.contains(feature)) {
                    problem =
                            "'" + feature + "' is a grab-bag, not a feature: move the class into the feature it serves";
                } else if (parts.length > 1 && !ROLE_PACKAGES.contains(parts[1])) {
                    problem = "'" + name + "': inside a feature only " + ROLE_PACKAGES + " packages exist";
                } else if (parts.length > 2) {
                    problem = "'" + name + "': role packages have no sub-packages";
                }
                if (problem != null) {
                    events.add(SimpleConditionEvent.violated(item, item.getName() + ": " + problem));
                }
            }
        };
    }

    /** {@code @ConfigurationProperties} records are a feature's settings: at the feature's top, not in an adapter. */
    public static ArchRule settingsLiveInTheirFeature(String basePackage) {
        return noClasses()
                .that()
                .areAnnotatedWith("org.springframework.boot.context.properties.ConfigurationProperties")
                .should()
                .resideInAnyPackage("..web..", "..persistence..", "..messaging..", "..client..", basePackage)
                .because("settings belong to the feature they configure (docs/adding-a-service.md)")
                .allowEmptyShould(true);
    }

    /** Who is calling is the platform's {@code Caller}: a service never reads the access token itself. */
    public static ArchRule callerComesFromThePlatform() {
        return noClasses()
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.security.oauth2.jwt.Jwt")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName(
                        "org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.security.core.annotation.AuthenticationPrincipal")
                .because("dev.tarsspeedy.platform.caller.Caller is the one reading of the token");
    }

    /** Scheduled work is a {@code ScheduledJob} the platform runs, locks, times and counts. */
    public static ArchRule jobsComeFromThePlatform() {
        return noClasses()
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.scheduling.annotation.Scheduled")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("net.javacrumbs.shedlock.spring.annotation.SchedulerLock")
                .because("dev.tarsspeedy.platform.scheduling.ScheduledJob is the one way to run a job");
    }

    /** Kafka listeners are the {@code messaging} adapters of their feature. */
    public static ArchRule listenersLiveInMessaging() {
        return com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods()
                .that()
                .areAnnotatedWith("org.springframework.kafka.annotation.KafkaListener")
                .should()
                .beDeclaredInClassesThat()
                .resideInAPackage("..messaging..")
                .allowEmptyShould(true);
    }

    /** Emails are requested through {@code EmailOutbox} only: no service builds the request itself. */
    public static ArchRule emailOnlyThroughTheOutbox() {
        return noClasses()
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("dev.tarsspeedy.contracts.notification.EmailRequested")
                .because("dev.tarsspeedy.platform.events.outbox.EmailOutbox builds every email request");
    }

    /** The domain knows no {@link #WEB_TYPES}: only the given packages ({@code ..web..} and any clients) do. */
    public static ArchRule domainIsFreeOfWebTypes(String... webPackages) {
        return noClasses()
                .that()
                .resideOutsideOfPackages(webPackages)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(WEB_TYPES.toArray(String[]::new));
    }

    /** Nothing outside {@code ..persistence..} and {@code ..messaging..} uses {@link #PERSISTENCE_TYPES}. */
    public static ArchRule domainIsFreeOfPersistenceTypes() {
        return noClasses()
                .that()
                .resideOutsideOfPackages("..persistence..", "..messaging..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(PERSISTENCE_TYPES.toArray(String[]::new));
    }

    /** Controllers use the domain's services, never the given adapters. */
    public static ArchRule webDoesNotTouch(String... adapterPackages) {
        return noClasses()
                .that()
                .resideInAPackage("..web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(adapterPackages);
    }

    /** An adapter package (storage, a client) is reached through the domain's ports only. */
    public static ArchRule adapterIsPrivate(String adapterPackage) {
        return noClasses()
                .that()
                .resideOutsideOfPackages(adapterPackage)
                .should()
                .dependOnClassesThat()
                .resideInAPackage(adapterPackage);
    }

    public static ArchRule controllersLiveInWeb() {
        return classes().that().areAnnotatedWith(RestController.class).should().resideInAPackage("..web..");
    }

    /** The features below the service's base package depend on each other in one direction only. */
    public static ArchRule featuresAreFreeOfCycles(String basePackage) {
        return slices().matching(basePackage + ".(*)..").should().beFreeOfCycles();
    }

    /** Email goes through the outbox as EmailRequested only: a service never talks SMTP. */
    public static ArchRule noMail() {
        return noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("jakarta.mail..", "org.springframework.mail..");
    }

    public static ArchRule constructorInjectionOnly() {
        return noFields().should().beAnnotatedWith(Autowired.class);
    }
}
