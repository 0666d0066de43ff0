package dev.tarsspeedy.order;

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
 * Feature-first packages ({@code sale}, {@code buying}, {@code order}, {@code expiry}, {@code stream},
 * {@code reconcile}, {@code live}), each with its domain at the top, HTTP in {@code web} and Redis, Kafka and the
 * database in {@code persistence}.
 */
@AnalyzeClasses(packages = "dev.tarsspeedy.order", importOptions = ImportOption.DoNotIncludeTests.class)
class OrderArchitectureTest {

    private static final String[] WEB = {
        "org.springframework.web..",
        "org.springframework.http..",
        "org.springframework.security.web..",
        "org.springframework.security.oauth2..",
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
        "io.lettuce..",
        "org.springframework.kafka..",
        "org.apache.kafka..",
        "dev.tarsspeedy.platform.events.."
    };

    /** The domain knows no HTTP, requests or problem details. */
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
            .and()
            .resideOutsideOfPackage("dev.tarsspeedy.order")
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
            slices().matching("dev.tarsspeedy.order.(*)..").should().beFreeOfCycles();

    /** The hot path never reads the database: buying knows no order storage and no drop repository. */
    @ArchTest
    static final ArchRule buyingNeverReadsTheDatabase = noClasses()
            .that()
            .resideInAPackage("..buying..")
            .should()
            .dependOnClassesThat()
            .haveSimpleNameEndingWith("Repository");

    @ArchTest
    static final ArchRule constructorInjectionOnly = noFields().should().beAnnotatedWith(Autowired.class);
}
