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

    /** The platform's layout: root kernel, feature packages, role packages, Caller, jobs, email via the outbox. */
    @ArchTest
    static final ArchRule service = ServiceArchitecture.rules("dev.tarsspeedy.identity");

    /** Passwords are hashed in one place, with Argon2id; no other encoder creeps in. */
    @ArchTest
    static final ArchRule oneWayToHashPasswords = noClasses()
            .that()
            .resideOutsideOfPackage("..crypto..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.springframework.security.crypto..");
}
