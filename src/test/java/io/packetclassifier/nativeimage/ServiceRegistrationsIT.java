package io.packetclassifier.nativeimage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

/**
 * Every service the production artifacts register ({@code META-INF/services}) loads from the production class
 * path alone, and so does every application class it reaches: Quarkus instantiates registered config services
 * in its generated start-up code, so a provider that leads to a dev-only class (the in-process broker,
 * kafka_2.13) is in the native image's reach whatever branch guards it at run time.
 */
class ServiceRegistrationsIT {

    @Test
    void everyRegisteredProviderAndWhatItReachesLoadFromTheProductionClassPath() throws IOException {
        for (ProductionArtifacts artifacts : ProductionArtifacts.all()) {
            Map<String, List<String>> services = services(artifacts.application());
            assertThat(services).as(artifacts.name()).isNotEmpty();
            Map<String, byte[]> application = ClassFiles.read(artifacts.application());
            List<String> problems = new ArrayList<>();
            try (URLClassLoader loader = new URLClassLoader(urls(artifacts.classPath()), ClassLoader.getPlatformClassLoader())) {
                services.forEach((service, providers) -> providers
                        .forEach(provider -> problems.addAll(problems(service, provider, application, loader))));
            }
            assertThat(problems).as(artifacts.name()).isEmpty();
        }
    }

    /** What keeps {@code provider} from loading, or an application class it reaches from linking, on that class path. */
    static List<String> problems(String service, String provider, Map<String, byte[]> application, ClassLoader loader) {
        String registration = "META-INF/services/" + service + " names " + provider;
        try {
            Class<?> type = Class.forName(provider, false, loader);
            type.getDeclaredConstructors();
            type.getDeclaredMethods();
            type.getDeclaredFields();
        } catch (ClassNotFoundException | LinkageError e) {
            return List.of(registration + ", which does not load: " + e);
        }
        List<String> problems = new ArrayList<>();
        Map<String, String> reachedFrom = new LinkedHashMap<>();
        Deque<String> pending = new ArrayDeque<>();
        String start = provider.replace('.', '/');
        reachedFrom.put(start, null);
        if (application.containsKey(start)) { // a library's provider: that it loads is what this check can tell
            pending.push(start);
        }
        while (!pending.isEmpty()) {
            String current = pending.pop();
            for (String type : ClassFiles.referencedTypes(application.get(current))) {
                if (reachedFrom.containsKey(type)) {
                    continue;
                }
                reachedFrom.put(type, current);
                if (application.containsKey(type)) {
                    pending.push(type);
                } else if (loader.getResource(type + ".class") == null) {
                    problems.add(registration + ", which reaches " + path(type, reachedFrom)
                            + ": not on the production class path");
                }
            }
        }
        return problems;
    }

    private static String path(String type, Map<String, String> reachedFrom) {
        List<String> path = new ArrayList<>();
        for (String t = type; t != null; t = reachedFrom.get(t)) {
            path.add(0, t.replace('/', '.'));
        }
        return String.join(" -> ", path);
    }

    /** service interface → providers, from every META-INF/services file of the archives. */
    static Map<String, List<String>> services(List<Path> archives) throws IOException {
        Map<String, List<String>> services = new LinkedHashMap<>();
        for (Path archive : archives) {
            try (ZipFile zip = new ZipFile(archive.toFile())) {
                for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                    String name = entry.getName();
                    if (name.startsWith("META-INF/services/") && !entry.isDirectory()) {
                        String text = new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
                        List<String> providers = services.computeIfAbsent(name.substring("META-INF/services/".length()),
                                k -> new ArrayList<>());
                        text.lines().map(l -> l.replaceAll("#.*", "").strip()).filter(l -> !l.isEmpty())
                                .forEach(providers::add);
                    }
                }
            }
        }
        return services;
    }

    static URL[] urls(List<Path> paths) {
        return paths.stream().map(p -> {
            try {
                return p.toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(e);
            }
        }).toArray(URL[]::new);
    }
}
