package io.packetclassifier.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The benchmark runs end to end on a small count; its figures are for {@link EngineBenchmark#main}. */
class EngineBenchmarkSmokeTest {

    @Test
    void runsOnTwentyThousandEvents() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        // generous: loading 1,183 rules twice on a machine that other builds share
        EngineBenchmark.Result result = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> EngineBenchmark.run(20_000, SigmaTesting.SHARED, new PrintStream(log, true, StandardCharsets.UTF_8)));
        assertThat(result.rules()).isEqualTo(1183 + 5);
        assertThat(result.events()).isEqualTo(20_000);
        assertThat(result.withPrefilter()).isPositive();
        assertThat(result.withoutPrefilter()).isPositive();
        assertThat(result.classify()).isPositive();
        assertThat(result.table()).contains("| 1,188 | 20,000 |");
        System.out.print(result.table());
    }
}
