package io.packetclassifier.nativeimage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * No class of the application (ours, and those Quarkus generated or transformed) refers to a type that the
 * production class path lacks. native-image links at build time ({@code --link-at-build-time}, see
 * {@link NativeSourcesIT}): such a reference in reachable code stops the native build; in the jar it is a
 * {@code NoClassDefFoundError} waiting for its branch. {@code jdeps --missing-deps} lists them.
 */
class MissingTypesIT {

    @Test
    void theFastJarsClassesReferOnlyToTypesOnItsClassPath() {
        for (ProductionArtifacts artifacts : ProductionArtifacts.fastJar()) {
            assertThat(missingTypes(artifacts)).as(artifacts.name()).isEmpty();
        }
    }

    /**
     * The same for the runner jar native-image would be given, except what Quarkus generated for the image builder
     * itself (its Feature, its substitutions): that code runs inside native-image, whose own class path has these.
     */
    @Test
    void theNativeImageInputsClassesReferOnlyToTypesOnItsClassPath() {
        ProductionArtifacts artifacts = ProductionArtifacts.nativeSources();
        assertThat(missingTypes(artifacts)).as(artifacts.name())
                .filteredOn(line -> !IMAGE_BUILDER_TYPE.matcher(line).find()).isEmpty();
    }

    /** Quarkus's code for the image builder, referring to a type that native-image itself provides. */
    static final Pattern IMAGE_BUILDER_TYPE = Pattern.compile("^io\\.quarkus\\.\\S+ +-> (org\\.graalvm|com\\.oracle\\.svm)\\.");
    private static final Pattern MISSING = Pattern.compile("^\\S+ +-> \\S+ +not found$");

    /** jdeps' "X -> Y not found" lines for the application's archives, against the whole production class path. */
    static List<String> missingTypes(ProductionArtifacts artifacts) {
        List<String> args = new ArrayList<>(List.of("--multi-release", "17", "--missing-deps", "--class-path",
                artifacts.classPath().stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator))));
        artifacts.application().forEach(p -> args.add(p.toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = ToolProvider.findFirst("jdeps").orElseThrow()
                .run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        assertThat(exit).as("jdeps %s: %s", args, err).isZero();
        // class lines only: jdeps also heads each archive's list with "archive.jar -> not found"
        return out.toString().lines().map(String::strip).filter(line -> MISSING.matcher(line).matches())
                .filter(line -> !line.split(" ")[0].endsWith(".jar")).toList();
    }
}
