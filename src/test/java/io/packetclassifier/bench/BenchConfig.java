package io.packetclassifier.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.packetclassifier.testing.PackagedService;

/**
 * What one benchmark run does; every field comes from a {@code bench.*} system property (see
 * BENCHMARKS.md), so {@code ./mvnw -Pbenchmark verify -Dbench.events=...} and {@code bench/run.sh} take
 * the same options.
 *
 * @param events events pre-produced to each topic and read by every throughput run
 * @param jar the packaged service: a jar, or a native binary
 * @param runs run ids in order: {@code a1 a4 b1 b1-pub b4 b1-sync c1 c1-nopub c4 c1-xmx256m d1 d4 e1 e1-nopub e1-long
 *        e1-adv paced-b paced} and variant ids ({@code -long}, {@code -adv}: see {@link LongCommandLineMix})
 * @param variants extra service runs: id → base run ({@code c1}, {@code c4}, {@code d1}, ...) plus options
 * @param serviceOpts JVM options (-D, -X) added to every service run
 * @param tracedOpts JVM options added to the fully traced service runs (d) only
 * @param sigma {@code auto}: run (e) when the packaged service knows {@code classifier.rules.sigma-paths};
 *        {@code false}: skip it; {@code force}: run it regardless
 * @param jfr run ids to record with JFR (profile settings); the hot spots go into the report
 * @param retries how often a run disturbed by other processes on the machine is repeated (the least
 *        disturbed attempt is kept)
 */
record BenchConfig(long events, List<String> runs, Map<String, Variant> variants, Path jar, Path workDir,
        Path out, int pacedRate, int pacedSeconds, int pacedWarmupSeconds, List<String> serviceOpts,
        List<String> tracedOpts, String sigma, Path sigmaPaths, Set<String> jfr, boolean keepCsv, int retries) {

    static final String DEFAULT_RUNS = "a1,a4,b1,b1-pub,b1-sync,b4,c1,c1-nopub,c4,c1-xmx256m,d1,e1,e1-nopub,e1-long,e1-adv,paced-b,paced";

    record Variant(String id, String base, List<String> opts) {
    }

    static BenchConfig fromSystemProperties() {
        return fromSystemProperties(Map.of());
    }

    /** The system properties, with {@code defaults} for those not set. */
    static BenchConfig fromSystemProperties(Map<String, String> defaults) {
        java.util.function.BiFunction<String, String, String> get = (key, fallback) -> System.getProperty(key,
                defaults.getOrDefault(key, fallback));
        Map<String, Variant> variants = parseVariants(get.apply("bench.variants", ""));
        List<String> runs = new ArrayList<>(split(get.apply("bench.runs", DEFAULT_RUNS), ","));
        for (String id : variants.keySet()) {
            if (!runs.contains(id)) {
                runs.add(id);
            }
        }
        Path workDir = Path.of(get.apply("bench.dir", "target/bench")).toAbsolutePath();
        return new BenchConfig(
                parseCount(get.apply("bench.events", "1000000")),
                runs,
                variants,
                service(get.apply("bench.jar", null)),
                workDir,
                Path.of(get.apply("bench.out", "target/benchmark.md")).toAbsolutePath(),
                (int) parseCount(get.apply("bench.paced.rate", "20000")),
                Integer.parseInt(get.apply("bench.paced.seconds", "30")),
                Integer.parseInt(get.apply("bench.paced.warmup", "10")),
                split(get.apply("bench.service.opts", ""), "\\s+"),
                split(get.apply("bench.traced.opts", ""), "\\s+"),
                get.apply("bench.sigma", "auto"),
                Path.of(get.apply("bench.sigma.paths", "../shared/sigma/rules")).toAbsolutePath().normalize(),
                new TreeSet<>(split(get.apply("bench.jfr", ""), ",")),
                Boolean.parseBoolean(get.apply("bench.keep-csv", "false")),
                Integer.parseInt(get.apply("bench.retries", "1")));
    }

    /** {@code bench.jar} if given, else what the build packaged (the jar, or the native binary with -Dnative). */
    private static Path service(String benchJar) {
        return benchJar != null ? Path.of(benchJar).toAbsolutePath() : PackagedService.built().path();
    }

    /** 1000000, 1_000_000, 1,000,000, 1M and 10k are all accepted. */
    static long parseCount(String text) {
        String t = text.trim().replace("_", "").replace(",", "").toLowerCase(java.util.Locale.ROOT);
        long factor = 1;
        if (t.endsWith("k")) {
            factor = 1_000;
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("m")) {
            factor = 1_000_000;
            t = t.substring(0, t.length() - 1);
        }
        return Long.parseLong(t) * factor;
    }

    /** {@code id=base:opt opt;id2=base2:opt} */
    static Map<String, Variant> parseVariants(String text) {
        Map<String, Variant> variants = new LinkedHashMap<>();
        for (String entry : split(text, ";")) {
            int eq = entry.indexOf('=');
            int colon = entry.indexOf(':', eq);
            if (eq <= 0 || colon < 0) {
                throw new IllegalArgumentException("bench.variants entry must be id=base:options, got " + entry);
            }
            String id = entry.substring(0, eq).trim();
            variants.put(id, new Variant(id, entry.substring(eq + 1, colon).trim(),
                    split(entry.substring(colon + 1), "\\s+")));
        }
        return variants;
    }

    static List<String> split(String text, String regex) {
        return text == null || text.isBlank() ? List.of()
                : Arrays.stream(text.trim().split(regex)).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
