package io.packetclassifier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;

/**
 * The shape of the production code, checked on every build: data flows one way (no package depends on another
 * that depends back on it), and the rule engine and the ATT&CK catalog stay plain Java. {@link TestOnlyApiTest}
 * checks the third rule, which needs the test classes too. The rules are methods, not {@code ArchRule} fields:
 * Surefire 3.5.3 finds no tests in fields and reports none run.
 */
@AnalyzeClasses(packages = "io.packetclassifier", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Frameworks the rule engine and the catalog must not know: they work the same inside the service or outside. */
    static final String[] FRAMEWORKS = { "io.quarkus..", "io.smallrye..", "org.eclipse.microprofile..",
            "org.apache.kafka..", "io.opentelemetry..", "io.vertx..", "io.netty..", "io.micrometer..", "jakarta..",
            "javax.inject..", "org.jboss.." };

    /** Top-level packages (each with its sub-packages) form no cycle: record → event → classification → outputs. */
    @ArchTest
    void topLevelPackagesFormNoCycle(JavaClasses production) {
        slices().matching("io.packetclassifier.(*)..").should().beFreeOfCycles().check(production);
    }

    /** Nor do any two packages, sub-packages counted on their own. */
    @ArchTest
    void packagesFormNoCycle(JavaClasses production) {
        slices().matching("io.packetclassifier.(**)").should().beFreeOfCycles().check(production);
    }

    @ArchTest
    void ruleEngineAndCatalogUseNoFramework(JavaClasses production) {
        noClasses().that().resideInAnyPackage("io.packetclassifier.sigma..", "io.packetclassifier.attack..")
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS).check(production);
    }
}
