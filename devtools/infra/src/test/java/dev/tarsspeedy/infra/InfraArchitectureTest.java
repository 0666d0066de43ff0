package dev.tarsspeedy.infra;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Package rules of the infrastructure library. */
@AnalyzeClasses(packages = "dev.tarsspeedy.infra", importOptions = ImportOption.DoNotIncludeTests.class)
class InfraArchitectureTest {

    /** Each server stands alone, so one can change (or be replaced) without touching the others. */
    @ArchTest
    static final ArchRule serversAreIndependent = slices().matching(
                    "dev.tarsspeedy.infra.(postgres|redis|kafka|mail)..")
            .should()
            .notDependOnEachOther();

    /** Process and port helpers are the bottom layer. */
    @ArchTest
    static final ArchRule processHelpersDependOnNothingAbove = noClasses()
            .that()
            .resideInAPackage("..infra.process..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.tarsspeedy.infra",
                    "..infra.postgres..",
                    "..infra.redis..",
                    "..infra.kafka..",
                    "..infra.mail..",
                    "..infra.junit..");

    /** The local stack uses this library too: only the JUnit adapter may depend on JUnit. */
    @ArchTest
    static final ArchRule onlyTheJUnitAdapterKnowsJUnit = noClasses()
            .that()
            .resideOutsideOfPackage("..infra.junit..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.junit..");

    @ArchTest
    static final ArchRule nothingDependsOnTheJUnitAdapter = noClasses()
            .that()
            .resideOutsideOfPackage("..infra.junit..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..infra.junit..");
}
