package io.packetclassifier.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

import io.packetclassifier.generator.GeneratorConfig;
import io.packetclassifier.output.csv.CsvConfig;
import io.smallrye.config.ConfigMapping;

/**
 * The compose lab and the Dockerfiles, checked without Docker: services, ports, volumes and wiring of
 * compose.yml; every environment variable they set names a setting the service really reads; the images run
 * as non-root and write the CSV to the /data volume; the README's container commands match the files.
 */
class ContainerFilesTest {

    static final Path COMPOSE = Path.of("compose.yml");
    static final Path README = Path.of("README.md");
    static final Path DOCKER = Path.of("src", "main", "docker");

    @SuppressWarnings("unchecked")
    static Map<String, Object> compose() throws IOException {
        try (Reader reader = Files.newBufferedReader(COMPOSE, StandardCharsets.UTF_8)) {
            return (Map<String, Object>) new Yaml().load(reader);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> service(String name) throws IOException {
        return (Map<String, Object>) ((Map<String, Object>) compose().get("services")).get(name);
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> env(String service) throws IOException {
        Map<String, Object> env = (Map<String, Object>) service(service).getOrDefault("environment", Map.of());
        Map<String, String> result = new java.util.LinkedHashMap<>();
        env.forEach((k, v) -> result.put(k, String.valueOf(v)));
        return result;
    }

    @SuppressWarnings("unchecked")
    static List<String> list(Map<String, Object> service, String key) {
        return ((List<Object>) service.getOrDefault(key, List.of())).stream().map(String::valueOf).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeHasTheWholeLab() throws IOException {
        Map<String, Object> services = (Map<String, Object>) compose().get("services");
        assertThat(services).containsOnlyKeys("kafka", "jaeger", "classifier", "producer");

        assertThat(String.valueOf(service("kafka").get("image"))).startsWith("apache/kafka:");
        assertThat(env("kafka")).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller"); // KRaft, no ZooKeeper
        assertThat(service("kafka")).containsKey("healthcheck");
        assertThat(String.valueOf(service("jaeger").get("image"))).startsWith("jaegertracing/all-in-one:");
        assertThat(list(service("jaeger"), "ports")).contains("16686:16686", "4317:4317");

        Map<String, Object> build = (Map<String, Object>) service("classifier").get("build");
        assertThat(build.get("context")).isEqualTo(".");
        assertThat(Path.of(String.valueOf(build.get("dockerfile")))).isEqualTo(DOCKER.resolve("Dockerfile.native"))
                .exists();
        assertThat(list(service("classifier"), "ports")).contains("8080:8080");
        assertThat(service("producer").get("image")).isEqualTo(service("classifier").get("image"));
        assertThat(service("producer")).doesNotContainKey("build");

        // The classifier reaches Kafka and Jaeger by the names and ports they listen on inside the network.
        String kafkaListeners = env("kafka").get("KAFKA_ADVERTISED_LISTENERS");
        for (String svc : List.of("classifier", "producer")) {
            assertThat(kafkaListeners).contains("//" + env(svc).get("KAFKA_BOOTSTRAP_SERVERS"));
            assertThat((Map<String, Object>) service(svc).get("depends_on")).containsKey("kafka");
        }
        assertThat(env("classifier").get("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")).isEqualTo("http://jaeger:4317");

        // Generator on only in the producer, which does not consume; the classifier writes the CSV to its volume.
        assertThat(env("classifier")).containsEntry("CLASSIFIER_GENERATOR_ENABLED", "false");
        assertThat(env("producer")).containsEntry("CLASSIFIER_GENERATOR_ENABLED", "true")
                .containsEntry("MP_MESSAGING_INCOMING_RAW_EVENTS_ENABLED", "false");
        assertThat(list(service("classifier"), "volumes")).contains("classifier-data:/data");
        assertThat(env("classifier").get("CLASSIFIER_CSV_PATH")).startsWith("/data/");
        assertThat((Map<String, Object>) compose().get("volumes")).containsKey("classifier-data");
    }

    @Test
    void everyEnvironmentVariableOfTheServiceIsASettingItReads() throws IOException {
        Set<String> known = knownSettings();
        for (String svc : List.of("classifier", "producer")) {
            for (String variable : env(svc).keySet()) {
                assertThat(known.stream().map(ContainerFilesTest::envName))
                        .as("%s: %s is not a setting the service reads", svc, variable).contains(variable);
            }
        }
    }

    @Test
    void theComposeFileIsNotPickedUpByComposeDevServices() throws IOException {
        // Quarkus 3.33's ComposeDevServicesProcessor looks for these names in the project root.
        Pattern devServicesFiles = Pattern.compile("(^docker-compose|^compose)(-dev(-)?service).*.(yml|yaml)");
        try (Stream<Path> root = Files.list(Path.of("."))) {
            assertThat(root.map(p -> p.getFileName().toString())).noneMatch(n -> devServicesFiles.matcher(n).matches());
        }
        assertThat(applicationProperties().getProperty("quarkus.compose.devservices.enabled")).isEqualTo("false");
    }

    @ParameterizedTest
    @ValueSource(strings = { "Dockerfile.jvm", "Dockerfile.native", "Dockerfile.native-micro" })
    void imagesRunAsNonRootAndWriteTheCsvToTheDataVolume(String name) throws IOException {
        List<String> lines = instructions(DOCKER.resolve(name));
        List<String> users = lines.stream().filter(l -> l.startsWith("USER ")).map(l -> l.substring(5).trim()).toList();
        assertThat(users).isNotEmpty();
        assertThat(users.get(users.size() - 1)).isNotIn("root", "0", "0:0");
        assertThat(lines).contains("VOLUME /data", "EXPOSE 8080");
        assertThat(lines).anyMatch(l -> l.matches("ENV CLASSIFIER_CSV_PATH=/data/[^ ]+\\.csv"));
        assertThat(lines).anyMatch(l -> l.startsWith("RUN ") && l.contains("/data") && l.contains("chown"));
        // Settings come from the environment at run time: no broker or collector baked in.
        assertThat(lines).noneMatch(l -> l.contains("KAFKA_BOOTSTRAP_SERVERS") || l.contains("OTLP"));
        assertThat(lines).anyMatch(l -> l.startsWith("ENTRYPOINT "));
        List<String> copied = lines.stream().filter(l -> l.startsWith("COPY ")).map(l -> l.split("\\s+"))
                .map(parts -> parts[parts.length - 2]).toList();
        if (name.equals("Dockerfile.jvm")) {
            assertThat(copied).allMatch(src -> src.startsWith("target/quarkus-app/"));
        } else {
            assertThat(copied).containsExactly("target/*-runner");
        }
    }

    /**
     * The build context (.dockerignore at the root, as Quarkus generates it) holds what the Dockerfiles copy out of
     * target/ and nothing else: not the sources, not target/'s other folders. Docker's rules: the last pattern
     * that matches a path or one of its parent folders decides; '!' lets a path back in.
     */
    @Test
    void theBuildContextIsWhatTheDockerfilesCopy() throws IOException {
        List<String> patterns = Files.readAllLines(Path.of(".dockerignore")).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        List<String> copied = new ArrayList<>();
        for (String name : List.of("Dockerfile.jvm", "Dockerfile.native", "Dockerfile.native-micro")) {
            instructions(DOCKER.resolve(name)).stream().filter(l -> l.startsWith("COPY ")).map(l -> l.split("\\s+"))
                    .forEach(parts -> copied.add(parts[parts.length - 2]));
        }
        // a file each COPY source takes, as a build leaves it
        Map<String, String> examples = Map.of("target/quarkus-app/lib/", "target/quarkus-app/lib/main/io.quarkus.quarkus-core.jar",
                "target/quarkus-app/*.jar", "target/quarkus-app/quarkus-run.jar",
                "target/quarkus-app/app/", "target/quarkus-app/app/packet-classifier-1.0.0-SNAPSHOT.jar",
                "target/quarkus-app/quarkus/", "target/quarkus-app/quarkus/quarkus-application.dat",
                "target/*-runner", "target/packet-classifier-1.0.0-SNAPSHOT-runner");
        assertThat(examples).containsOnlyKeys(copied.toArray(String[]::new));
        assertThat(examples.values()).allMatch(file -> inBuildContext(patterns, file));
        assertThat(List.of("pom.xml", "src/main/java/io/packetclassifier/sink/CsvSink.java", "target/classes/application.properties",
                "target/dev-kafka/meta.properties", "target/classified_packets.csv",
                "target/native-sources-check/native-sources/packet-classifier-1.0.0-SNAPSHOT-runner.jar",
                "target/packet-classifier-1.0.0-SNAPSHOT-native-image-source-jar/lib/x.jar"))
                .noneMatch(file -> inBuildContext(patterns, file));
    }

    static boolean inBuildContext(List<String> patterns, String file) {
        boolean excluded = false;
        for (String pattern : patterns) {
            boolean exception = pattern.startsWith("!");
            Pattern regex = Pattern.compile(dockerGlob(exception ? pattern.substring(1) : pattern));
            for (String path = file; !path.isEmpty(); path = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "") {
                if (regex.matcher(path).matches()) {
                    excluded = !exception;
                    break;
                }
            }
        }
        return !excluded;
    }

    /** Go's filepath.Match syntax as Docker uses it ('*' within a path element, '**' across them) as a regex. */
    static String dockerGlob(String glob) {
        StringBuilder regex = new StringBuilder();
        String clean = glob.startsWith("/") ? glob.substring(1) : glob;
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            if (c == '*' && i + 1 < clean.length() && clean.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }

    @Test
    void theReadmesContainerCommandsMatchTheFiles() throws IOException {
        String readme = Files.readString(README);
        assertThat(readme).contains("./mvnw package -Dnative -Dquarkus.native.container-build=true",
                "docker build -f src/main/docker/Dockerfile.native -t packet-classifier .", "docker compose up --build",
                "./mvnw verify -Dnative");
        Matcher dockerfiles = Pattern.compile("src/main/docker/(Dockerfile\\.[a-z-]+)").matcher(readme);
        while (dockerfiles.find()) {
            assertThat(DOCKER.resolve(dockerfiles.group(1))).exists();
        }
        String pom = Files.readString(Path.of("pom.xml"));
        assertThat(pom).contains("<id>native</id>", "<name>native</name>",
                "<quarkus.native.enabled>true</quarkus.native.enabled>");
        assertThat(applicationProperties().getProperty("quarkus.native.resources.includes")).contains("attack/**",
                "rules/**");
    }

    /** Dockerfile instructions, continuation lines joined, comments dropped. */
    static List<String> instructions(Path dockerfile) throws IOException {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(dockerfile)) {
            String trimmed = line.trim();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.length() == 0)) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            result.add(current.toString().replaceAll("\\s+", " ").trim());
            current.setLength(0);
        }
        return result;
    }

    static Properties applicationProperties() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src", "main", "resources", "application.properties"))) {
            properties.load(reader);
        }
        return properties;
    }

    /**
     * The settings the service reads: the keys of application.properties, the @ConfigMapping interfaces, the
     * @ConfigProperty names in the sources, and the SmallRye channel switch of the configured channel.
     */
    static Set<String> knownSettings() throws IOException {
        Set<String> known = new HashSet<>();
        for (String key : applicationProperties().stringPropertyNames()) {
            known.add(key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key);
        }
        for (Class<?> mapping : List.of(CsvConfig.class, GeneratorConfig.class)) {
            String prefix = mapping.getAnnotation(ConfigMapping.class).prefix();
            for (Method method : mapping.getDeclaredMethods()) {
                known.add(prefix + "." + method.getName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT));
            }
        }
        Pattern configProperty = Pattern.compile("@ConfigProperty\\(name = \"([^\"]+)\"");
        try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = configProperty.matcher(Files.readString(source));
                while (m.find()) {
                    known.add(m.group(1));
                }
            }
        }
        known.add("mp.messaging.incoming.raw-events.enabled");
        return known;
    }

    static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
