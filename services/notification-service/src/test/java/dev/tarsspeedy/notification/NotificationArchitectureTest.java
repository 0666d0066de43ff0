package dev.tarsspeedy.notification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.tarsspeedy.platform.test.architecture.ServiceArchitecture;

/**
 * The platform's layout, for the one service that reads email requests and talks SMTP: the {@code delivery} feature
 * (its domain at the top; the delivery log in {@code persistence}, the Kafka listener in {@code messaging}, SMTP in
 * {@code client}) and the {@code template} feature that renders.
 */
@AnalyzeClasses(packages = "dev.tarsspeedy.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class NotificationArchitectureTest {

    private static final String DOMAIN = "dev.tarsspeedy.notification.delivery";

    @ArchTest
    static final ArchRule service = ServiceArchitecture.rules("dev.tarsspeedy.notification", false);

    /**
     * The domain knows what happens to a request, not how: beyond the platform's rules, no SMTP, template engine or
     * transactions either. The adapters implement its ports.
     */
    @ArchTest
    static final ArchRule domainIsFreeOfMailAndTemplates = noClasses()
            .that()
            .resideInAPackage(DOMAIN)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "jakarta.mail..",
                    "org.springframework.mail..",
                    "org.thymeleaf..",
                    "org.springframework.transaction..");

    @ArchTest
    static final ArchRule onlyTheSmtpClientTalksSmtp = noClasses()
            .that()
            .resideOutsideOfPackage(DOMAIN + ".client")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("jakarta.mail..", "org.springframework.mail..");

    @ArchTest
    static final ArchRule onlyTemplateRenders = noClasses()
            .that()
            .resideOutsideOfPackage("dev.tarsspeedy.notification.template..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.thymeleaf..");

    /** The templates know nothing of how a request arrives, is logged or is sent. */
    @ArchTest
    static final ArchRule templatesUseOnlyTheDomain = noClasses()
            .that()
            .resideInAPackage("dev.tarsspeedy.notification.template..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(DOMAIN + ".persistence", DOMAIN + ".messaging", DOMAIN + ".client");

    /**
     * Two HTTP APIs, the internal template preview and the operators' delivery log (which only reads): besides them the
     * port serves actuator endpoints only, and requests arrive through Kafka, never over HTTP.
     */
    @ArchTest
    static final ArchRule onlyThePreviewAndTheDeliveryLogAreApis = noClasses()
            .that()
            .resideOutsideOfPackages("dev.tarsspeedy.notification.template.web", DOMAIN + ".web")
            .should()
            .beAnnotatedWith("org.springframework.web.bind.annotation.RestController")
            .orShould()
            .beAnnotatedWith("org.springframework.stereotype.Controller");
}
