package dev.tarsspeedy.catalog;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.tarsspeedy.platform.test.architecture.ServiceArchitecture;

/**
 * Feature-first packages ({@code product}, {@code drop}, {@code wishlist}, {@code reminder}), each with its domain at
 * the top, HTTP in {@code web}, storage in {@code persistence} and calls to other services in {@code client}.
 */
@AnalyzeClasses(packages = "dev.tarsspeedy.catalog", importOptions = ImportOption.DoNotIncludeTests.class)
class CatalogArchitectureTest {

    /** The domain knows no HTTP, requests or problem details: those are the web layer's and the clients'. */
    @ArchTest
    static final ArchRule domainIsFreeOfWebTypes = ServiceArchitecture.domainIsFreeOfWebTypes("..web..", "..client..");

    /** ... nor circuit breakers: calls to other services fail soft in their clients. */
    @ArchTest
    static final ArchRule domainIsFreeOfCircuitBreakers = noClasses()
            .that()
            .resideOutsideOfPackages("..web..", "..client..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.cloud.client.circuitbreaker..");

    /** ... and no database, Redis, Kafka or outbox: those sit behind ports implemented in persistence. */
    @ArchTest
    static final ArchRule domainIsFreeOfPersistenceTypes = ServiceArchitecture.domainIsFreeOfPersistenceTypes();

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
    static final ArchRule webDoesNotTouchAdapters =
            ServiceArchitecture.webDoesNotTouch("..persistence..", "..client..");

    @ArchTest
    static final ArchRule persistenceIsPrivate = ServiceArchitecture.adapterIsPrivate("..persistence..");

    /** So are the clients of other services (the order service's stock). */
    @ArchTest
    static final ArchRule clientsArePrivate = ServiceArchitecture.adapterIsPrivate("..client..");

    @ArchTest
    static final ArchRule controllersLiveInWeb = ServiceArchitecture.controllersLiveInWeb();

    /** Features depend on each other in one direction only: product, drop, wishlist, reminder. */
    @ArchTest
    static final ArchRule featuresAreFreeOfCycles =
            ServiceArchitecture.featuresAreFreeOfCycles("dev.tarsspeedy.catalog");

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

    @ArchTest
    static final ArchRule noMail = ServiceArchitecture.noMail();

    @ArchTest
    static final ArchRule constructorInjectionOnly = ServiceArchitecture.constructorInjectionOnly();
}
