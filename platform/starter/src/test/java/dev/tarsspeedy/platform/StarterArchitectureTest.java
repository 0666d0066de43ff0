package dev.tarsspeedy.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.tarsspeedy.platform", importOptions = ImportOption.DoNotIncludeTests.class)
class StarterArchitectureTest {

    /** Problem rendering is the base: security uses it, never the other way round. */
    @ArchTest
    static final ArchRule problemsKnowNothingOfSecurityConfiguration = noClasses()
            .that()
            .resideInAPackage("..platform.problem..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..platform.security..", "..platform.observability..");

    @ArchTest
    static final ArchRule observabilityStandsAlone = noClasses()
            .that()
            .resideInAPackage("..platform.observability..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..platform.problem..", "..platform.security..");
}
