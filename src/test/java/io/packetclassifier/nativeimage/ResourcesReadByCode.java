package io.packetclassifier.nativeimage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The application's class path resources that its code names: a string constant equal to a resource's path,
 * absolute ({@code "/rules/seed-rules.yml"}, as {@code Class.getResourceAsStream} takes it, or without the
 * slash, as {@code ClassLoader.getResource} does) or relative to the naming class's package.
 */
final class ResourcesReadByCode {

    static final Path CLASSES = Path.of("target", "classes");

    private ResourcesReadByCode() {
    }

    /** Resource path → the classes that name it. */
    static Map<String, Set<String>> find() {
        Set<String> resources = resources();
        Map<String, Set<String>> read = new TreeMap<>();
        ClassFiles.read(List.of(CLASSES)).forEach((className, classFile) -> {
            String pkg = className.contains("/") ? className.substring(0, className.lastIndexOf('/') + 1) : "";
            for (String constant : ClassFiles.strings(classFile)) {
                for (String candidate : List.of(constant.startsWith("/") ? constant.substring(1) : constant, pkg + constant)) {
                    if (resources.contains(candidate)) {
                        read.computeIfAbsent(candidate, k -> new TreeSet<>()).add(className.replace('/', '.'));
                    }
                }
            }
        });
        return read;
    }

    /** Every file of target/classes that is not a class. */
    static Set<String> resources() {
        try (Stream<Path> files = Files.walk(CLASSES)) {
            Set<String> resources = new TreeSet<>();
            files.filter(Files::isRegularFile).map(p -> CLASSES.relativize(p).toString().replace('\\', '/'))
                    .filter(name -> !name.endsWith(".class")).forEach(resources::add);
            return resources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
