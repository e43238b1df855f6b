package io.packetclassifier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaStaticInitializer;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * Production classes carry no test-only API: no method or constructor of a production class is called by test
 * code and by no production code. Such a member is a second way in that only tests take, so they test it instead
 * of what runs.
 * <p>
 * Not counted, because production code reaches them without a call in the classes, or because they are data
 * rather than a way in: what the framework calls (a member or a parameter with an annotation, such as
 * {@code @Incoming} or {@code @Observes}, and the constructor of an annotated bean), what overrides or implements
 * a supertype's method (called through the supertype), abstract methods (a config mapping's are implemented by
 * the framework), a record's component accessors, and an enum's generated {@code values} and {@code valueOf}.
 * Fields are not looked at (the compiler copies constants into their users), nor is {@code devkafka}, the
 * in-process broker of dev mode that the tests use as their broker.
 */
@AnalyzeClasses(packages = "io.packetclassifier")
class TestOnlyApiTest {

    /**
     * The rule engine's library API that the service itself does not call (it asks for a classification of events
     * read from Kafka, with rules read from files); each entry must still be test-only, so the list only shrinks.
     * Member → why tests call it.
     */
    static final Map<String, String> KNOWN = Map.of(
            "io.packetclassifier.sigma.SigmaRuleSet.matches(io.packetclassifier.sigma.FieldSource)",
            "every rule that matches, which tests read while the service asks for a classification",
            "io.packetclassifier.sigma.SigmaRuleSet$Builder.addYaml(java.lang.String, java.lang.String)",
            "rules from a string, which tests write while the service reads files");

    @ArchTest
    void productionClassesCarryNoTestOnlyApi(JavaClasses mainAndTest) {
        codeUnits().that(mayBeCalledFromOtherClasses()).and(areNotKnown())
                .should(beCalledByProductionCodeWhenTestsCallThem()).check(mainAndTest);
    }

    @ArchTest
    void everyKnownExceptionIsStillTestOnly(JavaClasses mainAndTest) {
        Set<String> stillTestOnly = new HashSet<>();
        for (JavaClass type : mainAndTest) {
            for (JavaCodeUnit unit : type.getCodeUnits()) {
                if (KNOWN.containsKey(unit.getFullName()) && testOnly(unit)) {
                    stillTestOnly.add(unit.getFullName());
                }
            }
        }
        assertThat(KNOWN.keySet()).as("known exceptions that are gone or now called by production code: "
                + "take them off the list").isSubsetOf(stillTestOnly);
    }

    static boolean isProduction(JavaClass type) {
        return type.getSource()
                .map(source -> new ImportOption.DoNotIncludeTests().includes(Location.of(source.getUri())))
                .orElse(false);
    }

    private static boolean testOnly(JavaCodeUnit unit) {
        Set<? extends JavaAccess<?>> callers = unit.getAccessesToSelf();
        return callers.stream().anyMatch(access -> !isProduction(access.getOriginOwner()))
                && callers.stream().noneMatch(access -> isProduction(access.getOriginOwner()));
    }

    private static DescribedPredicate<JavaCodeUnit> mayBeCalledFromOtherClasses() {
        return DescribedPredicate.describe("are non-private methods and constructors of production classes that "
                + "only calls reach", unit -> isProduction(unit.getOwner())
                        && !unit.getOwner().getPackageName().startsWith("io.packetclassifier.devkafka")
                        && !unit.getModifiers().contains(JavaModifier.PRIVATE)
                        && !unit.getModifiers().contains(JavaModifier.SYNTHETIC)
                        && !unit.getModifiers().contains(JavaModifier.ABSTRACT)
                        && !(unit instanceof JavaStaticInitializer) && !calledByTheFramework(unit)
                        && !overridesASupertypeMethod(unit) && !isRecordComponentAccessor(unit)
                        && !isGeneratedEnumMethod(unit));
    }

    private static DescribedPredicate<JavaCodeUnit> areNotKnown() {
        return DescribedPredicate.describe("are not known exceptions", unit -> !KNOWN.containsKey(unit.getFullName()));
    }

    private static ArchCondition<JavaCodeUnit> beCalledByProductionCodeWhenTestsCallThem() {
        return new ArchCondition<>("be called by production code when tests call them") {
            @Override
            public void check(JavaCodeUnit unit, ConditionEvents events) {
                List<String> fromTests = unit.getAccessesToSelf().stream()
                        .filter(access -> !isProduction(access.getOriginOwner()))
                        .map(access -> access.getOrigin().getFullName()).distinct().sorted().toList();
                events.add(new SimpleConditionEvent(unit, !testOnly(unit),
                        unit.getFullName() + " is called only by tests: " + String.join(", ", fromTests)));
            }
        };
    }

    private static boolean calledByTheFramework(JavaCodeUnit unit) {
        if (!unit.getAnnotations().isEmpty()
                || unit.getParameters().stream().anyMatch(parameter -> !parameter.getAnnotations().isEmpty())) {
            return true;
        }
        return unit.isConstructor() && unit.getOwner().getAnnotations().stream().map(JavaAnnotation::getRawType)
                .map(JavaClass::getPackageName)
                .anyMatch(name -> name.startsWith("jakarta.") || name.startsWith("io.quarkus.")
                        || name.startsWith("io.smallrye.") || name.startsWith("org.eclipse.microprofile."));
    }

    private static boolean overridesASupertypeMethod(JavaCodeUnit unit) {
        if (!(unit instanceof JavaMethod method) || method.getModifiers().contains(JavaModifier.STATIC)) {
            return false;
        }
        Set<JavaClass> supertypes = new HashSet<>(method.getOwner().getAllRawSuperclasses());
        supertypes.addAll(method.getOwner().getAllRawInterfaces());
        String[] parameters = method.getRawParameterTypes().stream().map(JavaClass::getName).toArray(String[]::new);
        return supertypes.stream().anyMatch(type -> type.tryGetMethod(method.getName(), parameters).isPresent());
    }

    private static boolean isRecordComponentAccessor(JavaCodeUnit unit) {
        JavaClass owner = unit.getOwner();
        return unit instanceof JavaMethod && unit.getParameters().isEmpty()
                && owner.getRawSuperclass().map(type -> type.isEquivalentTo(Record.class)).orElse(false)
                && owner.tryGetField(unit.getName()).isPresent();
    }

    private static boolean isGeneratedEnumMethod(JavaCodeUnit unit) {
        return unit.getOwner().isEnum() && (unit.getName().equals("values") || unit.getName().equals("valueOf"));
    }
}
