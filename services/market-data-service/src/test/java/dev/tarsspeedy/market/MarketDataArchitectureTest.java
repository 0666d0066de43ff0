package dev.tarsspeedy.market;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.tarsspeedy.platform.test.architecture.ServiceArchitecture;

/**
 * The platform's service layout ({@link ServiceArchitecture#rules}) with the features {@code calendar}, {@code
 * provider}, {@code symbol}, {@code quote} and {@code interest}, plus the market-data service's own rules.
 */
@AnalyzeClasses(packages = "dev.tarsspeedy.market", importOptions = ImportOption.DoNotIncludeTests.class)
class MarketDataArchitectureTest {

    @ArchTest
    static final ArchRule service = ServiceArchitecture.rules("dev.tarsspeedy.market");

    /** Providers are reached through the {@code QuoteProvider} port only: no feature calls an adapter directly. */
    @ArchTest
    static final ArchRule providersOnlyThroughThePort = noClasses()
            .that()
            .resideOutsideOfPackage("dev.tarsspeedy.market.provider..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.tarsspeedy.market.provider.client..");

    /** The calendar is data and rules: it knows nothing of quotes, providers or symbols. */
    @ArchTest
    static final ArchRule calendarStandsAlone = noClasses()
            .that()
            .resideInAPackage("dev.tarsspeedy.market.calendar..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.tarsspeedy.market.provider..",
                    "dev.tarsspeedy.market.quote..",
                    "dev.tarsspeedy.market.symbol..",
                    "dev.tarsspeedy.market.interest..");
}
