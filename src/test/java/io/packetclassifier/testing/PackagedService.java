package io.packetclassifier.testing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The service as this build packaged it: the jar, or the native binary under {@code -Dnative}, as Quarkus records
 * it in {@code target/quarkus-artifact.properties}; so the tests that start the service run whatever was built.
 *
 * @param nativeBinary whether {@code path} is a native executable (else a jar run by this JVM's java)
 * @param path the jar or the binary
 */
public record PackagedService(boolean nativeBinary, Path path) {

    static final Path ARTIFACT_PROPERTIES = Path.of("target", "quarkus-artifact.properties");

    /** What the last Quarkus build in target/ made. */
    public static PackagedService built() {
        if (!Files.exists(ARTIFACT_PROPERTIES)) {
            throw new IllegalStateException(ARTIFACT_PROPERTIES + " is missing: run the integration tests with ./mvnw verify");
        }
        Properties artifact = new Properties();
        try (Reader reader = Files.newBufferedReader(ARTIFACT_PROPERTIES)) {
            artifact.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path path = ARTIFACT_PROPERTIES.getParent().resolve(artifact.getProperty("path", "")).toAbsolutePath();
        String type = artifact.getProperty("type", "");
        if (!type.equals("jar") && !type.equals("native")) {
            throw new IllegalStateException(ARTIFACT_PROPERTIES + ": cannot run an artifact of type '" + type + "'");
        }
        if (!Files.exists(path)) {
            throw new IllegalStateException(path + " (" + ARTIFACT_PROPERTIES + ") is missing");
        }
        return new PackagedService(type.equals("native"), path);
    }

    /** A jar or, any other file, a native binary. */
    public static PackagedService of(Path path) {
        return new PackagedService(!path.toString().endsWith(".jar"), path.toAbsolutePath());
    }

    /**
     * The command that runs it: {@code java <options> -jar <jar>} or {@code <binary> <options>}. Options are
     * {@code -Dkey=value} and the {@code -X} options a native binary also takes ({@code -Xmx}).
     */
    public List<String> command(List<String> options) {
        List<String> command = new ArrayList<>();
        if (nativeBinary) {
            command.add(path.toString());
            command.addAll(options);
        } else {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(options);
            command.add("-jar");
            command.add(path.toString());
        }
        return command;
    }
}
