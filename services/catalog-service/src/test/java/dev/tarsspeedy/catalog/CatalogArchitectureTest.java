package dev.tarsspeedy.catalog;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.tarsspeedy.platform.test.architecture.ServiceArchitecture;

/**
 * The platform's service layout ({@link ServiceArchitecture#rules}) with the features {@code product}, {@code drop},
 * {@code wishlist} and {@code reminder}, plus the catalog's own rules.
 */
@AnalyzeClasses(packages = "dev.tarsspeedy.catalog", importOptions = ImportOption.DoNotIncludeTests.class)
class CatalogArchitectureTest {

    @ArchTest
    static final ArchRule service = ServiceArchitecture.rules("dev.tarsspeedy.catalog");

    /** The domain knows no circuit breakers: calls to other services fail soft in their clients. */
    @ArchTest
    static final ArchRule domainIsFreeOfCircuitBreakers = noClasses()
            .that()
            .resideOutsideOfPackages("..web..", "..client..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.cloud.client.circuitbreaker..");

    /** Domain types carry typed ids and records, never JSON shapes of the API. */
    @ArchTest
    static final ArchRule domainDoesNotUseTheApiShapes = noClasses()
            .that()
            .resideOutsideOfPackages("dev.tarsspeedy.catalog..web..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.tarsspeedy.catalog..web..");

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
}
