package dev.tarsspeedy.platform.test.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.bind.annotation.RestController;

/**
 * The package rules every service follows: feature packages, each with its domain at the top, HTTP in {@code web},
 * storage in {@code persistence} and other adapters beside them. A service's architecture test applies them as
 * {@code @ArchTest} fields next to its own rules:
 *
 * <pre>{@code
 * @AnalyzeClasses(packages = "dev.tarsspeedy.catalog", importOptions = ImportOption.DoNotIncludeTests.class)
 * class CatalogArchitectureTest {
 *     @ArchTest
 *     static final ArchRule controllersLiveInWeb = ServiceArchitecture.controllersLiveInWeb();
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

    private ServiceArchitecture() {}

    /** The domain knows no {@link #WEB_TYPES}: only the given packages ({@code ..web..} and any clients) do. */
    public static ArchRule domainIsFreeOfWebTypes(String... webPackages) {
        return noClasses()
                .that()
                .resideOutsideOfPackages(webPackages)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(WEB_TYPES.toArray(String[]::new));
    }

    /** Nothing outside {@code ..persistence..} uses {@link #PERSISTENCE_TYPES}. */
    public static ArchRule domainIsFreeOfPersistenceTypes() {
        return noClasses()
                .that()
                .resideOutsideOfPackages("..persistence..")
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
