package io.packetclassifier.nativeimage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.packetclassifier.testing.PackagedService;

/**
 * What a production build packaged, as the checks read it: the application's own archives (our classes and
 * Quarkus's generated and transformed ones) and the libraries beside them.
 *
 * @param name what was built, for messages
 * @param application the archives holding the application's classes and resources
 * @param libraries the dependency jars of the production class path
 */
record ProductionArtifacts(String name, List<Path> application, List<Path> libraries) {

    static final Path TARGET = Path.of("target");
    /** Where the native-sources execution of the Quarkus plugin (pom.xml) writes its output. */
    static final Path NATIVE_SOURCES = TARGET.resolve(Path.of("native-sources-check", "native-sources"));

    /** The fast-jar in target/quarkus-app, when this build made one (not with -Dnative: a jar left there is older). */
    static List<ProductionArtifacts> fastJar() {
        Path app = TARGET.resolve("quarkus-app");
        if (PackagedService.built().nativeBinary()) {
            return List.of();
        }
        List<Path> application = new ArrayList<>(jars(app.resolve("app")));
        application.addAll(jars(app.resolve("quarkus")));
        List<Path> libraries = new ArrayList<>(jars(app.resolve(Path.of("lib", "main"))));
        libraries.addAll(jars(app.resolve(Path.of("lib", "boot"))));
        return List.of(new ProductionArtifacts("fast-jar (target/quarkus-app)", application, libraries));
    }

    /** What native-image would be given: the runner jar and its lib/ (always built by ./mvnw verify). */
    static ProductionArtifacts nativeSources() {
        assertThat(NATIVE_SOURCES).as("built by the native-sources execution of quarkus-maven-plugin").isDirectory();
        return new ProductionArtifacts("native sources (" + NATIVE_SOURCES + ")", jars(NATIVE_SOURCES),
                jars(NATIVE_SOURCES.resolve("lib")));
    }

    /** Every production artifact this build made. */
    static List<ProductionArtifacts> all() {
        List<ProductionArtifacts> all = new ArrayList<>(fastJar());
        all.add(nativeSources());
        return all;
    }

    /** The native-image runner jar. */
    static Path runnerJar() {
        return nativeSources().application().stream().filter(p -> p.getFileName().toString().endsWith("-runner.jar"))
                .findFirst().orElseThrow(() -> new AssertionError("no *-runner.jar in " + NATIVE_SOURCES));
    }

    List<Path> classPath() {
        List<Path> all = new ArrayList<>(application);
        all.addAll(libraries);
        return all;
    }

    private static List<Path> jars(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
