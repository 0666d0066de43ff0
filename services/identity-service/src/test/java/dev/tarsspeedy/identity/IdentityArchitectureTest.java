package dev.tarsspeedy.identity;

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
 * Feature-first packages ({@code account}, {@code verification}, {@code token}, {@code keys}, {@code throttle},
 * {@code crypto}, {@code mail}, {@code admin}), each with its domain at the top, HTTP in {@code web} and storage in
 * {@code persistence}.
 */
@AnalyzeClasses(packages = "dev.tarsspeedy.identity", importOptions = ImportOption.DoNotIncludeTests.class)
class IdentityArchitectureTest {

    private static final String[] WEB = {
        "org.springframework.web..",
        "org.springframework.http..",
        "org.springframework.security.web..",
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

    /** The domain (everything outside web and persistence) knows no HTTP, requests or problem details. */
    @ArchTest
    static final ArchRule domainIsFreeOfWebTypes = noClasses()
            .that()
            .resideOutsideOfPackages("..web..")
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

    /** Controllers use the domain's services, never storage. */
    @ArchTest
    static final ArchRule webDoesNotTouchPersistence = noClasses()
            .that()
            .resideInAPackage("..web..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..persistence..");

    /** Storage adapters are reached through their ports only. */
    @ArchTest
    static final ArchRule persistenceIsPrivate = noClasses()
            .that()
            .resideOutsideOfPackages("..persistence..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..persistence..");

    @ArchTest
    static final ArchRule controllersLiveInWeb =
            classes().that().areAnnotatedWith(RestController.class).should().resideInAPackage("..web..");

    /** Features depend on each other in one direction only. */
    @ArchTest
    static final ArchRule featuresAreFreeOfCycles =
            slices().matching("dev.tarsspeedy.identity.(*)..").should().beFreeOfCycles();

    /** Passwords are hashed in one place, with Argon2id; no other encoder creeps in. */
    @ArchTest
    static final ArchRule oneWayToHashPasswords = noClasses()
            .that()
            .resideOutsideOfPackage("..crypto..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.springframework.security.crypto..");

    /** Email goes through the outbox as EmailRequested only: the service never talks SMTP. */
    @ArchTest
    static final ArchRule noMail = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("jakarta.mail..", "org.springframework.mail..");

    @ArchTest
    static final ArchRule constructorInjectionOnly = noFields().should().beAnnotatedWith(Autowired.class);
}
