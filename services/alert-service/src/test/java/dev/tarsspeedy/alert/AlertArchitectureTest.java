package dev.tarsspeedy.alert;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.tarsspeedy.platform.test.architecture.ServiceArchitecture;

/**
 * The platform's service layout ({@link ServiceArchitecture#rules}) with the features {@code watchlist}, {@code
 * report}, {@code pricealert}, {@code interest} and {@code market}, plus the alert service's own rules.
 */
@AnalyzeClasses(packages = "dev.tarsspeedy.alert", importOptions = ImportOption.DoNotIncludeTests.class)
class AlertArchitectureTest {

    @ArchTest
    static final ArchRule service = ServiceArchitecture.rules("dev.tarsspeedy.alert");

    /** The market-data service is reached through the {@code MarketData} port only. */
    @ArchTest
    static final ArchRule marketDataOnlyThroughThePort = noClasses()
            .that()
            .resideOutsideOfPackage("dev.tarsspeedy.alert.market..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.tarsspeedy.alert.market.client..");
}
