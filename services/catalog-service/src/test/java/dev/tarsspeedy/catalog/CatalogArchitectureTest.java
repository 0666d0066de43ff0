package dev.tarsspeedy.catalog;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
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

    static final String EMAIL_REQUESTED = "dev.tarsspeedy.contracts.notification.EmailRequested";

    /**
     * Every layout rule but the platform's email rule, which forbids naming {@code EmailRequested}: the reminder is a
     * BULK email with a one-click unsubscribe link, which only {@code EmailOutbox.requestEmail(EmailRequested)} can
     * ask for ({@code requestEmail(template, to, ...)} sends transactional mail without one).
     * {@link #emailsGoThroughTheEmailOutbox} keeps the rule's intent, and {@link #noMail} its other half.
     */
    @ArchTest
    static final ArchRule layout = ServiceArchitecture.rules("dev.tarsspeedy.catalog", false);

    @ArchTest
    static final ArchRule noMail = ServiceArchitecture.noMail();

    /** A reminder is handed to the platform's EmailOutbox: no class that makes one builds its event envelope. */
    @ArchTest
    static final ArchRule emailsGoThroughTheEmailOutbox = noClasses()
            .that(DescribedPredicate.describe(
                    "use " + EMAIL_REQUESTED,
                    (JavaClass type) -> type.getDirectDependenciesFromSelf().stream()
                            .anyMatch(dependency ->
                                    dependency.getTargetClass().getName().equals(EMAIL_REQUESTED))))
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("dev.tarsspeedy.platform.events.EventEnvelope")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("dev.tarsspeedy.platform.events.outbox.OutboxWriter");

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
