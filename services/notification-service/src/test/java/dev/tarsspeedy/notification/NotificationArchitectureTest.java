package dev.tarsspeedy.notification;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.beans.factory.annotation.Autowired;

@AnalyzeClasses(packages = "dev.tarsspeedy.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class NotificationArchitectureTest {

    private static final String DOMAIN = "dev.tarsspeedy.notification.delivery..";

    /**
     * The domain (delivery) knows what happens to a request, not how: no database, Kafka, SMTP, template engine or
     * web types. The adapters implement its ports.
     */
    @ArchTest
    static final ArchRule domainIsFreeOfTechnology = noClasses()
            .that()
            .resideInAPackage(DOMAIN)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework.r2dbc..",
                    "org.springframework.data..",
                    "io.r2dbc..",
                    "java.sql..",
                    "org.springframework.jdbc..",
                    "org.springframework.kafka..",
                    "org.apache.kafka..",
                    "dev.tarsspeedy.platform.events..",
                    "jakarta.mail..",
                    "org.springframework.mail..",
                    "org.thymeleaf..",
                    "org.springframework.web..",
                    "org.springframework.http..",
                    "org.springframework.transaction..");

    /**
     * Features (template, smtp, intake, deliverylog) meet only in the domain: each can change or be replaced alone,
     * and the domain depends on none of them.
     */
    @ArchTest
    static final ArchRule featuresMeetOnlyInTheDomain = slices().matching("dev.tarsspeedy.notification.(*)..")
            .should()
            .notDependOnEachOther()
            .ignoreDependency(alwaysTrue(), resideInAPackage(DOMAIN));

    @ArchTest
    static final ArchRule onlySmtpTalksSmtp = noClasses()
            .that()
            .resideOutsideOfPackage("..notification.smtp..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("jakarta.mail..", "org.springframework.mail..");

    @ArchTest
    static final ArchRule onlyTemplateRenders = noClasses()
            .that()
            .resideOutsideOfPackage("..notification.template..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.thymeleaf..");

    @ArchTest
    static final ArchRule onlyIntakeReadsKafka = noClasses()
            .that()
            .resideOutsideOfPackage("..notification.intake..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework.kafka..", "org.apache.kafka..", "dev.tarsspeedy.platform.events..");

    @ArchTest
    static final ArchRule onlyTheDeliveryLogTouchesTheDatabase = noClasses()
            .that()
            .resideOutsideOfPackage("..notification.deliverylog..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.r2dbc..", "io.r2dbc..", "java.sql..");

    /** No HTTP API: the port serves actuator endpoints only. */
    @ArchTest
    static final ArchRule noControllers = noClasses()
            .should()
            .beAnnotatedWith("org.springframework.web.bind.annotation.RestController")
            .orShould()
            .beAnnotatedWith("org.springframework.stereotype.Controller");

    @ArchTest
    static final ArchRule constructorInjectionOnly = noFields().should().beAnnotatedWith(Autowired.class);
}
