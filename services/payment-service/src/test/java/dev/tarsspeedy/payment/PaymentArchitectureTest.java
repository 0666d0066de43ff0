package dev.tarsspeedy.payment;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.tarsspeedy.platform.test.architecture.ServiceArchitecture;

/**
 * The platform's service layout ({@link ServiceArchitecture#rules}) with the features {@code checkout} (starting and
 * completing a payment; its clients of the order service and Kakaopay in {@code checkout/client}), {@code refund}
 * (Kafka in {@code messaging}) and {@code reconcile}, plus the payment service's own rules.
 */
@AnalyzeClasses(packages = "dev.tarsspeedy.payment", importOptions = ImportOption.DoNotIncludeTests.class)
class PaymentArchitectureTest {

    @ArchTest
    static final ArchRule layout = ServiceArchitecture.rules("dev.tarsspeedy.payment");

    /**
     * Kakaopay's adapter and wire format ({@code Kakaopay*} classes and their nested records) stay in the client of the
     * feature that uses them, checkout's; its settings are checkout's {@code CheckoutSettings.Kakaopay}.
     */
    @ArchTest
    static final ArchRule kakaopayIsPrivate = classes()
            .that()
            .haveNameMatching(".*\\.Kakaopay[^.$]*(\\$.*)?")
            .should()
            .resideInAPackage("dev.tarsspeedy.payment.checkout.client")
            .andShould()
            .onlyHaveDependentClassesThat()
            .resideInAPackage("dev.tarsspeedy.payment.checkout.client");

    /** The domain knows no JSON: wire formats are the adapters'. */
    @ArchTest
    static final ArchRule domainIsFreeOfJson = noClasses()
            .that()
            .resideOutsideOfPackages("..client..", "..web..", "..persistence..", "..messaging..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("tools.jackson..");

    /** Checkout knows nothing of refunds or the reconciliation... */
    @ArchTest
    static final ArchRule checkoutComesFirst = noClasses()
            .that()
            .resideInAPackage("dev.tarsspeedy.payment.checkout..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.tarsspeedy.payment.refund..", "dev.tarsspeedy.payment.reconcile..");

    /** ... and refunds nothing of the reconciliation, which settles both. */
    @ArchTest
    static final ArchRule refundsComeBeforeTheReconciliation = noClasses()
            .that()
            .resideInAPackage("dev.tarsspeedy.payment.refund..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.tarsspeedy.payment.reconcile..");

    /** The stand-in is for tests and the local stack, never production code. */
    @ArchTest
    static final ArchRule noStandIn =
            noClasses().should().dependOnClassesThat().resideInAPackage("dev.tarsspeedy.standin..");
}
