package dev.tarsspeedy.catalog;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.bind.annotation.RestController;

/**
 * Feature-first packages ({@code product}, {@code drop}, {@code wishlist}, {@code reminder}), each with its domain at
 * the top, HTTP in {@code web}, storage in {@code persistence} and calls to other services in {@code client}.
 */
@AnalyzeClasses(packages = "dev.tarsspeedy.catalog", importOptions = ImportOption.DoNotIncludeTests.class)
class CatalogArchitectureTest {

    private static final String[] WEB = {
        "org.springframework.web..",
        "org.springframework.http..",
        "org.springframework.security.web..",
        "org.springframework.cloud.client.circuitbreaker..",
        "dev.tarsspeedy.platform.problem..",
        "jakarta.validation.."
    };

    private static final String[] PERSISTENCE = {
        "io.r2dbc..",
        "org.springframework.r2dbc..",
        "org.springframework.data..",
        "org.springframework.jdbc..",
        "java.sql..",
        "org.flywaydb..",
        "org.springframework.kafka..",
        "org.apache.kafka..",
        "dev.tarsspeedy.platform.events.."
    };

    /** The domain knows no HTTP, requests or problem details: those are the web layer's and the clients'. */
    @ArchTest
    static final ArchRule domainIsFreeOfWebTypes = noClasses()
            .that()
            .resideOutsideOfPackages("..web..", "..client..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(WEB);

    /** ... and no database, Redis, Kafka or outbox: those sit behind ports implemented in persistence. */
    @ArchTest
    static final ArchRule domainIsFreeOfPersistenceTypes = noClasses()
            .that()
            .resideOutsideOfPackages("..persistence..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(PERSISTENCE);

    /** Domain types carry typed ids and records, never JSON shapes of the API. */
    @ArchTest
    static final ArchRule domainDoesNotUseTheApiShapes = noClasses()
            .that()
            .resideOutsideOfPackages("dev.tarsspeedy.catalog..web..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.tarsspeedy.catalog..web..");

    /** Controllers use the domain's services, never storage or other services' clients. */
    @ArchTest
    static final ArchRule webDoesNotTouchAdapters = noClasses()
            .that()
            .resideInAPackage("..web..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..persistence..", "..client..");

    /** Storage adapters are reached through their ports only. */
    @ArchTest
    static final ArchRule persistenceIsPrivate = noClasses()
            .that()
            .resideOutsideOfPackages("..persistence..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..persistence..");

    /** So are the clients of other services (the order service's stock). */
    @ArchTest
    static final ArchRule clientsArePrivate = noClasses()
            .that()
            .resideOutsideOfPackages("..client..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..client..");

    @ArchTest
    static final ArchRule controllersLiveInWeb =
            classes().that().areAnnotatedWith(RestController.class).should().resideInAPackage("..web..");

    /** Features depend on each other in one direction only: product, drop, wishlist, reminder. */
    @ArchTest
    static final ArchRule featuresAreFreeOfCycles =
            slices().matching("dev.tarsspeedy.catalog.(*)..").should().beFreeOfCycles();

    /** Products know nothing of drops, drops nothing of wishlists, wishlists nothing of reminders. */
    @ArchTest
    static final ArchRule featuresAreLayered = noClasses()
            .that()
            .resideInAPackage("dev.tarsspeedy.catalog.product..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.tarsspeedy.catalog.drop..",
                    "dev.tarsspeedy.catalog.wishlist..",
                    "dev.tarsspeedy.catalog.reminder..");

    /** Email goes through the outbox as EmailRequested only: the service never talks SMTP. */
    @ArchTest
    static final ArchRule noMail = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("jakarta.mail..", "org.springframework.mail..");

    @ArchTest
    static final ArchRule constructorInjectionOnly = noFields().should().beAnnotatedWith(Autowired.class);
}
