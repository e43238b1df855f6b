package io.packetclassifier.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The benchmark harness on 10,000 events, in {@code ./mvnw verify}, against what the build packaged (the jar, or
 * the native binary with -Dnative): every run gets all its rows, the hand-written consumer and the service
 * classify alike, and the table prints. The figures themselves mean little at this size.
 */
class BenchmarkSmokeIT {

    @Test
    void runsEveryRowOnTenThousandEvents() throws Exception {
        BenchConfig config = BenchConfig.fromSystemProperties(Map.of(
                "bench.events", "10000",
                "bench.runs", "a1,b1,c1,c1-xmx256m,d1,e1,paced",
                "bench.paced.rate", "2000",
                "bench.paced.seconds", "3",
                "bench.paced.warmup", "1",
                "bench.dir", "target/bench-smoke",
                "bench.out", "target/benchmark-smoke.md",
                "bench.keep-csv", "true",
                "bench.retries", "0"));
        Benchmark.Report report = new Benchmark(config, System.out).run();
        System.out.println(report.markdown());

        for (Benchmark.Row row : report.rows()) {
            assertThat(row.status()).as(row.id() + ": " + row.notes()).isIn(Benchmark.Status.OK, Benchmark.Status.NA);
            if (row.status() == Benchmark.Status.OK && !row.id().equals("paced")) {
                assertThat(row.rows()).as(row.id()).isEqualTo(10_000);
                assertThat(row.rate()).as(row.id()).isPositive();
                // the compiler threads' share of the window's CPU (one /proc tick of slack between the two reads)
                assertThat(row.jit()).as(row.id() + " JIT CPU").isBetween(0.0, row.cpu() + 0.02);
            }
        }
        assertThat(report.rows()).extracting(Benchmark.Row::id).contains("a1", "b1", "c1", "d1", "e1", "paced");
        assertThat(report.row("d1").notes()).contains("spans");
        assertThat(report.latency()).isNotNull();
        assertThat(report.latency().events()).isEqualTo(6_000);
        assertThat(report.markdown()).contains("| run | events | seconds | events/s | × (a) | × (b) |");
        // This JVM ran the broker for the whole run: its compiler threads are found and have worked.
        assertThat(ProcStats.threadCpuSeconds(ProcStats.self())).containsKeys(ProcStats.JIT, "main", "GC")
                .extractingByKey(ProcStats.JIT).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.DOUBLE)
                .isPositive();
        assertThat(report.row("c1").notes()).contains("threads: ");
        assertThat(report.row("c1").notes()).containsPattern("stages: classifying [0-9.]+ s, writing [0-9.]+ s");
        assertThat(report.row("b1").notes()).containsPattern("second half [0-9,]+ events/s");
        assertThat(Files.readString(Path.of("target/benchmark-smoke.md"))).isEqualTo(report.markdown());

        // The hand-written consumer applies the same rules as the service: same rows, in any order.
        assertThat(rows(report.csvFiles().get("b1"))).isEqualTo(rows(report.csvFiles().get("c1")));
    }

    private static Set<String> rows(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("event_id,timestamp,user,host,source_ip,event_type,mitre_tactic,mitre_technique");
        return new HashSet<>(lines.subList(1, lines.size()));
    }
}
