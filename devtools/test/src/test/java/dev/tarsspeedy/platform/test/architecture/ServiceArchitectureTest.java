package dev.tarsspeedy.platform.test.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/** The layout rules pass a service that follows them and name each way a service breaks them. */
class ServiceArchitectureTest {

    private static final String SHOP = "dev.tarsspeedy.platform.test.architecture.shop";
    private static final String BAD_SHOP = "dev.tarsspeedy.platform.test.architecture.badshop";

    @Test
    void aServiceThatFollowsTheLayoutPasses() {
        EvaluationResult result = ServiceArchitecture.rules(SHOP).evaluate(classes(SHOP));
        assertThat(result.getFailureReport().getDetails()).isEmpty();
    }

    @Test
    void eachBreachOfTheLayoutIsNamed() {
        EvaluationResult result = ServiceArchitecture.rules(BAD_SHOP).evaluate(classes(BAD_SHOP));
        assertThat(result.hasViolation()).isTrue();
        String report = String.join("\n", result.getFailureReport().getDetails());
        assertThat(report)
                .contains("BadShopApplication") // the root uses a feature
                .contains("'badshop' repeats the service's name")
                .contains("'ids' is a grab-bag")
                .contains("cart.dto': inside a feature only")
                .contains("CartSettings") // settings in an adapter package
                .contains("oauth2.jwt.Jwt") // the token read by the service
                .contains("Scheduled"); // a job outside the platform's runner
    }

    @Test
    void theLayoutAloneCatchesTheNaming() {
        EvaluationResult result = ServiceArchitecture.layout(BAD_SHOP).evaluate(classes(BAD_SHOP));
        assertThat(result.getFailureReport().getDetails()).hasSizeGreaterThanOrEqualTo(4);
    }

    private static JavaClasses classes(String basePackage) {
        return new ClassFileImporter().importPackages(basePackage);
    }
}
