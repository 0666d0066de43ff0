package dev.tarsspeedy.platform.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Package rules of the events library. */
@AnalyzeClasses(packages = "dev.tarsspeedy.platform.events", importOptions = ImportOption.DoNotIncludeTests.class)
class EventsArchitectureTest {

    /** Producing and consuming evolve separately; what they share lives in the envelope package above them. */
    @ArchTest
    static final ArchRule outboxAndConsumerAreIndependent = slices().matching(
                    "dev.tarsspeedy.platform.events.(outbox|consumer)..")
            .should()
            .notDependOnEachOther();

    /** The envelope, topic names and JSON are the shared vocabulary: they know nothing of the features. */
    @ArchTest
    static final ArchRule envelopeKnowsNoFeature = noClasses()
            .that()
            .resideInAPackage("dev.tarsspeedy.platform.events")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..events.outbox..", "..events.consumer..", "..events.autoconfigure..");

    /** ...and nothing of Spring, Kafka or R2DBC: any code can read an envelope. */
    @ArchTest
    static final ArchRule envelopeIsPlainJavaAndJackson = noClasses()
            .that()
            .resideInAPackage("dev.tarsspeedy.platform.events")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "org.apache.kafka..", "reactor..", "io.r2dbc..");

    /** Only the auto-configuration wires things together; the features take plain constructor arguments. */
    @ArchTest
    static final ArchRule onlyTheAutoConfigurationKnowsTheAutoConfiguration = noClasses()
            .that()
            .resideOutsideOfPackage("..events.autoconfigure..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..events.autoconfigure..");

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles =
            slices().matching("dev.tarsspeedy.platform.events.(*)..").should().beFreeOfCycles();

    /** Services ship this library: it must not need test code, ours or anyone's. */
    @ArchTest
    static final ArchRule nothingDependsOnTestCode = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.junit..",
                    "org.assertj..",
                    "org.awaitility..",
                    "org.mockito..",
                    "com.tngtech.archunit..",
                    "dev.tarsspeedy.infra..",
                    "dev.tarsspeedy.platform.test..",
                    "dev.tarsspeedy.platform.events.notes..");
}
