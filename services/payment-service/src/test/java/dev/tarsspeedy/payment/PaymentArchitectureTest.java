package dev.tarsspeedy.payment;

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
 * Feature packages: {@code payment} (the domain and its ports, HTTP in {@code web}, storage and the outbox in {@code
 * persistence}), {@code kakaopay} and {@code order} (adapters of the domain's ports), {@code refund} (Kafka in
 * {@code messaging}) and {@code reconcile}.
 */
@AnalyzeClasses(packages = "dev.tarsspeedy.payment", importOptions = ImportOption.DoNotIncludeTests.class)
class PaymentArchitectureTest {

    private static final String[] DOMAIN = {
        "dev.tarsspeedy.payment.payment", "dev.tarsspeedy.payment.refund", "dev.tarsspeedy.payment.reconcile"
    };

    private static final String[] INFRASTRUCTURE = {
        "org.springframework.web..",
        "org.springframework.http..",
        "dev.tarsspeedy.platform.problem..",
        "io.r2dbc..",
        "org.springframework.r2dbc..",
        "org.springframework.data..",
        "org.springframework.kafka..",
        "org.apache.kafka..",
        "dev.tarsspeedy.platform.events..",
        "tools.jackson.."
    };

    /** The domain knows no HTTP, JSON, database, Kafka or outbox: only its ports. */
    @ArchTest
    static final ArchRule domainIsFreeOfInfrastructure = noClasses()
            .that()
            .resideInAnyPackage(DOMAIN)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(INFRASTRUCTURE);

    /** The domain does not know who implements its ports. */
    @ArchTest
    static final ArchRule domainDoesNotKnowItsAdapters = noClasses()
            .that()
            .resideInAnyPackage(DOMAIN)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.tarsspeedy.payment.kakaopay..",
                    "dev.tarsspeedy.payment.order..",
                    "dev.tarsspeedy.payment.payment.persistence..",
                    "dev.tarsspeedy.payment.payment.web..");

    /** Kakaopay's wire format stays in its adapter. */
    @ArchTest
    static final ArchRule kakaopayIsPrivate = noClasses()
            .that()
            .resideOutsideOfPackage("dev.tarsspeedy.payment.kakaopay..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.tarsspeedy.payment.kakaopay..");

    /** Controllers use the domain's services, never storage or the clients. */
    @ArchTest
    static final ArchRule webUsesTheDomainOnly = noClasses()
            .that()
            .resideInAPackage("..web..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "..persistence..", "dev.tarsspeedy.payment.kakaopay..", "dev.tarsspeedy.payment.order..");

    @ArchTest
    static final ArchRule controllersLiveInWeb =
            classes().that().areAnnotatedWith(RestController.class).should().resideInAPackage("..web..");

    /** Features depend on each other in one direction only. */
    @ArchTest
    static final ArchRule featuresAreFreeOfCycles =
            slices().matching("dev.tarsspeedy.payment.(*)..").should().beFreeOfCycles();

    /** Email goes through the outbox as EmailRequested only: the service never talks SMTP. */
    @ArchTest
    static final ArchRule noMail = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("jakarta.mail..", "org.springframework.mail..");

    /** The stand-in is for tests and the local stack, never production code. */
    @ArchTest
    static final ArchRule noStandIn =
            noClasses().should().dependOnClassesThat().resideInAPackage("dev.tarsspeedy.standin..");

    @ArchTest
    static final ArchRule constructorInjectionOnly = noFields().should().beAnnotatedWith(Autowired.class);
}
