package dev.tarsspeedy.order;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.tarsspeedy.platform.test.architecture.ServiceArchitecture;

/**
 * The platform's service layout ({@link ServiceArchitecture#rules}) with the features {@code sale}, {@code buying},
 * {@code stream}, {@code lifecycle}, {@code reconcile} and {@code live}; plus the order service's own rules for Redis
 * and the hot path.
 */
@AnalyzeClasses(packages = "dev.tarsspeedy.order", importOptions = ImportOption.DoNotIncludeTests.class)
class OrderArchitectureTest {

    @ArchTest
    static final ArchRule layout = ServiceArchitecture.rules("dev.tarsspeedy.order");

    /** Redis's client sits behind the ports implemented in persistence, like the database. */
    @ArchTest
    static final ArchRule redisClientOnlyInPersistence = noClasses()
            .that()
            .resideOutsideOfPackages("..persistence..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.lettuce..");

    /** The hot path never reads the database: buying knows no order storage and no drop repository. */
    @ArchTest
    static final ArchRule buyingNeverReadsTheDatabase = noClasses()
            .that()
            .resideInAPackage("..buying..")
            .should()
            .dependOnClassesThat()
            .haveSimpleNameEndingWith("Repository");
}
