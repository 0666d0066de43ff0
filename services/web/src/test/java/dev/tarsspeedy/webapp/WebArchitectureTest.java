package dev.tarsspeedy.webapp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.tarsspeedy.platform.test.architecture.ServiceArchitecture;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * The platform's layout with the features {@code pages}, {@code account}, {@code home}, {@code drops},
 * {@code orders} and {@code operators}. The web service is a backend-for-frontend: its controllers call the API
 * clients directly (there is no domain between them), so {@code webDoesNotTouch} and {@code adapterIsPrivate} do not
 * apply; it has no persistence, Kafka, jobs or mail of its own, and no {@code Caller} (no request carries a token).
 */
@AnalyzeClasses(packages = "dev.tarsspeedy.webapp", importOptions = ImportOption.DoNotIncludeTests.class)
class WebArchitectureTest {

    private static final String BASE = "dev.tarsspeedy.webapp";

    @ArchTest
    static final ArchRule layout = ServiceArchitecture.layout(BASE);

    @ArchTest
    static final ArchRule domainIsFreeOfWebTypes = ServiceArchitecture.domainIsFreeOfWebTypes("..web..", "..client..");

    @ArchTest
    static final ArchRule domainIsFreeOfPersistenceTypes = ServiceArchitecture.domainIsFreeOfPersistenceTypes();

    /** Page controllers are {@code @Controller}s (views, not bodies): the platform's rule looks at REST controllers. */
    @ArchTest
    static final ArchRule controllersLiveInWeb = classes()
            .that()
            .areAnnotatedWith(Controller.class)
            .or()
            .areAnnotatedWith(ControllerAdvice.class)
            .should()
            .resideInAPackage("..web..");

    @ArchTest
    static final ArchRule noRestControllers =
            ServiceArchitecture.controllersLiveInWeb().allowEmptyShould(true);

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = ServiceArchitecture.featuresAreFreeOfCycles(BASE);

    @ArchTest
    static final ArchRule constructorInjectionOnly = ServiceArchitecture.constructorInjectionOnly();

    @ArchTest
    static final ArchRule jobsComeFromThePlatform = ServiceArchitecture.jobsComeFromThePlatform();

    @ArchTest
    static final ArchRule noMail = ServiceArchitecture.noMail();
}
