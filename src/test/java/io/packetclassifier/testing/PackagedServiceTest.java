package io.packetclassifier.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class PackagedServiceTest {

    @Test
    void aJarRunsOnThisJvmWithTheOptionsBeforeTheJar() {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        assertThat(PackagedService.of(jar).command(List.of("-Xmx512m", "-Da=b"))).containsExactly(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-Da=b", "-jar",
                jar.toAbsolutePath().toString());
    }

    @Test
    void aNativeBinaryRunsItselfWithTheOptionsAsArguments() {
        Path binary = Path.of("target", "packet-classifier-1.0.0-SNAPSHOT-runner");
        assertThat(PackagedService.of(binary).command(List.of("-Xmx512m", "-Da=b")))
                .containsExactly(binary.toAbsolutePath().toString(), "-Xmx512m", "-Da=b");
    }
}
