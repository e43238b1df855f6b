package io.packetclassifier.nativeimage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The registrations Quarkus hands to native-image, read from the runner jar that the native-sources build wrote
 * ({@code META-INF/native-image/reflect-config.json} and {@code resource-config.json}) and from
 * {@code native-image.args}.
 */
final class NativeMetadata {

    private static final ObjectMapper JSON = new ObjectMapper();

    private NativeMetadata() {
    }

    /** Class name → its entry in reflect-config.json. */
    static Map<String, JsonNode> reflection() {
        Map<String, JsonNode> classes = new HashMap<>();
        for (JsonNode entry : runnerJarJson("META-INF/native-image/reflect-config.json")) {
            classes.merge(entry.path("name").asText(), entry, (a, b) -> a); // a class may be listed twice: keep the first
        }
        return classes;
    }

    /** The include patterns of resource-config.json: regular expressions over resource paths. */
    static List<Pattern> resourceIncludes() {
        List<Pattern> includes = new ArrayList<>();
        runnerJarJson("META-INF/native-image/resource-config.json").path("resources").path("includes")
                .forEach(include -> includes.add(Pattern.compile(include.path("pattern").asText())));
        return includes;
    }

    /** native-image's arguments, one per line. */
    static List<String> imageArgs() {
        try {
            return List.of(Files.readString(ProductionArtifacts.NATIVE_SOURCES.resolve("native-image.args")).strip()
                    .split("\\s+"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode runnerJarJson(String entryName) {
        Path runner = ProductionArtifacts.runnerJar();
        try (ZipFile zip = new ZipFile(runner.toFile())) {
            ZipEntry entry = zip.getEntry(entryName);
            if (entry == null) {
                throw new AssertionError(runner + " has no " + entryName);
            }
            return JSON.readTree(zip.getInputStream(entry));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
