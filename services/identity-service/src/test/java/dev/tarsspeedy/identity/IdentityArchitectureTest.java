package dev.tarsspeedy.identity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.tarsspeedy.platform.test.architecture.ServiceArchitecture;

/**
 * Feature-first packages ({@code account}, {@code verification}, {@code token}, {@code keys}, {@code throttle},
 * {@code crypto}, {@code mail}, {@code admin}), each with its domain at the top, HTTP in {@code web} and storage in
 * {@code persistence}.
 */
@AnalyzeClasses(packages = "dev.tarsspeedy.identity", importOptions = ImportOption.DoNotIncludeTests.class)
class IdentityArchitectureTest {

    /** The domain (everything outside web and persistence) knows no HTTP, requests or problem details. */
    @ArchTest
    static final ArchRule domainIsFreeOfWebTypes = ServiceArchitecture.domainIsFreeOfWebTypes("..web..");

    /** ... and no database, Redis, Kafka or outbox: those sit behind ports implemented in persistence. */
    @ArchTest
    static final ArchRule domainIsFreeOfPersistenceTypes = ServiceArchitecture.domainIsFreeOfPersistenceTypes();

    /** Controllers use the domain's services, never storage. */
    @ArchTest
    static final ArchRule webDoesNotTouchPersistence = ServiceArchitecture.webDoesNotTouch("..persistence..");

    @ArchTest
    static final ArchRule persistenceIsPrivate = ServiceArchitecture.adapterIsPrivate("..persistence..");

    @ArchTest
    static final ArchRule controllersLiveInWeb = ServiceArchitecture.controllersLiveInWeb();

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles =
            ServiceArchitecture.featuresAreFreeOfCycles("dev.tarsspeedy.identity");

    /** Passwords are hashed in one place, with Argon2id; no other encoder creeps in. */
    @ArchTest
    static final ArchRule oneWayToHashPasswords = noClasses()
            .that()
            .resideOutsideOfPackage("..crypto..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.springframework.security.crypto..");

    @ArchTest
    static final ArchRule noMail = ServiceArchitecture.noMail();

    @ArchTest
    static final ArchRule constructorInjectionOnly = ServiceArchitecture.constructorInjectionOnly();
}
