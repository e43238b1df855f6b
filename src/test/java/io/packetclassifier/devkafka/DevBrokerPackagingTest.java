package io.packetclassifier.devkafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.packetclassifier.nativeimage.DevOnlyClasses;

/**
 * The split that keeps the dev broker out of production: the config factory names its starter by a string, so
 * nothing but this test notices a rename before quarkus:dev does; and every other class of the package is one
 * the production artifacts leave out.
 */
class DevBrokerPackagingTest {

    @Test
    void theFactoryNamesTheStarterItLoadsInDevMode() throws Exception {
        Class<?> broker = Class.forName(DevKafkaConfigSourceFactory.BROKER);
        assertThat(Supplier.class).isAssignableFrom(broker);
        assertThat(broker.getConstructor()).isNotNull();
    }

    @Test
    void everyClassOfThePackageButTheFactoryIsLeftOutOfTheProductionArtifacts() throws IOException {
        Path dir = Path.of("target", "classes", "io", "packetclassifier", "devkafka");
        try (Stream<Path> files = Files.list(dir)) {
            List<String> classes = files.map(p -> "io/packetclassifier/devkafka/" + p.getFileName())
                    .filter(name -> name.endsWith(".class")).map(name -> name.substring(0, name.length() - 6)).toList();
            assertThat(classes).contains("io/packetclassifier/devkafka/EmbeddedKafka");
            assertThat(classes.stream().filter(c -> !c.endsWith("/DevKafkaConfigSourceFactory")))
                    .allMatch(DevOnlyClasses.names()::contains, "in quarkus.package.jar.user-configured-ignored-entries");
        }
    }
}
