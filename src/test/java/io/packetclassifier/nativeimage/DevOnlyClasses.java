package io.packetclassifier.nativeimage;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/** The classes left out of the production artifacts ({@code quarkus.package.jar.user-configured-ignored-entries}). */
public final class DevOnlyClasses {

    static final Path PROPERTIES = Path.of("src", "main", "resources", "application.properties");

    private DevOnlyClasses() {
    }

    /** Their internal names ({@code io/packetclassifier/devkafka/EmbeddedKafka}). */
    public static Set<String> names() {
        return Arrays.stream(applicationProperties().getProperty("quarkus.package.jar.user-configured-ignored-entries", "")
                .split(",")).map(String::strip).filter(e -> e.endsWith(".class"))
                .map(e -> e.substring(0, e.length() - ".class".length())).collect(Collectors.toSet());
    }

    static Properties applicationProperties() {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(PROPERTIES)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
