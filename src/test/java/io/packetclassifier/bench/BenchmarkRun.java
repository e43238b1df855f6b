package io.packetclassifier.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The full benchmark, run only by {@code ./mvnw -Pbenchmark verify} (or {@code bench/run.sh}); options are
 * the {@code bench.*} system properties. Fails only when a run loses rows, never on a missed target.
 */
@Tag("benchmark")
class BenchmarkRun {

    @Test
    void benchmark() throws Exception {
        Benchmark.Report report = new Benchmark(BenchConfig.fromSystemProperties(), System.out).run();
        System.out.println();
        System.out.println(report.markdown());
        assertThat(report.rows()).allSatisfy(
                row -> assertThat(row.status()).as(row.id() + ": " + row.notes()).isNotEqualTo(Benchmark.Status.FAILED));
    }
}
