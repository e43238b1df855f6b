package io.packetclassifier.sigma;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToIntFunction;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.packetclassifier.attack.AttackCatalog;
import io.packetclassifier.event.EventParser;
import io.packetclassifier.event.InvalidEventException;
import io.packetclassifier.generator.SampleEvents;

/**
 * The rule engine alone, one thread: all SigmaHQ rules and the seed rules over pre-parsed events, 5% of
 * them the 40 regression events (real Sysmon process creations, the expensive kind), 95% seed-shaped
 * ({@link SampleEvents}: 40% process_start, 30% user_login, 20% network_connection, 10% file_create).
 * Measures {@code matches} with the prefilter, {@code matches} of the same rules built with the prefilter off
 * (every rule of the event's category, one by one) on a fiftieth of the events, and {@code classify}; each the
 * median of three runs.
 *
 * <pre>
 * ./mvnw -q test-compile
 * ./mvnw -q dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat cp.txt) io.packetclassifier.sigma.EngineBenchmark [events]
 * </pre>
 */
public final class EngineBenchmark {

    static final int POOL = 20_000;
    static final double REGRESSION_SHARE = 0.05;

    public record Result(int rules, int events, long loadMillis, double withPrefilter, double withoutPrefilter,
            double classify) {
        public double ratio() {
            return withPrefilter / withoutPrefilter;
        }

        public String table() {
            return String.format("""
                    | rules | events | load ms | events/s with prefilter | events/s without | ratio | classify events/s |
                    |---:|---:|---:|---:|---:|---:|---:|
                    | %,d | %,d | %,d | %,.0f | %,.0f | %.1f× | %,.0f |
                    """, rules, events, loadMillis, withPrefilter, withoutPrefilter, ratio(), classify);
        }
    }

    private EngineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0].replace("_", "").replace(",", "")) : 1_000_000;
        Result result = run(events, Path.of(System.getProperty("shared.sigma", "../shared/sigma")), System.out);
        System.out.print(result.table());
    }

    static Result run(int events, Path sharedSigma, PrintStream log) throws IOException, InvalidEventException {
        long start = System.nanoTime();
        SigmaRuleSet.Builder builder = SigmaRuleSet.builder(AttackCatalog.bundled()).addPath(sharedSigma.resolve("rules"))
                .withSeedRules();
        SigmaRuleSet rules = builder.build();
        long loadMillis = (System.nanoTime() - start) / 1_000_000;
        SigmaRuleSet unfiltered = builder.prefilter(false).build();
        FieldSource[] pool = pool(sharedSigma.resolve("regression/process_creation.jsonl"));

        int warmUp = Math.min(Math.max(events / 2, 10_000), 300_000);
        measure(pool, warmUp, e -> rules.matches(e).size());
        measure(pool, Math.max(warmUp / 20, 2_000), e -> unfiltered.matches(e).size());
        measure(pool, warmUp / 4, e -> rules.classify(e).matches().size());

        double with = median(() -> measure(pool, events, e -> rules.matches(e).size()));
        double without = median(() -> measure(pool, Math.max(events / 50, 1_000), e -> unfiltered.matches(e).size()));
        double classify = median(() -> measure(pool, events, e -> rules.classify(e).matches().size()));
        log.printf("(%d rules loaded in %d ms; %d unsupported)%n", rules.size(), loadMillis, rules.unsupported().size());
        return new Result(rules.size(), events, loadMillis, with, without, classify);
    }

    /** The median of three runs: this kind of machine is often shared. */
    private static double median(java.util.function.DoubleSupplier run) {
        double[] rates = { run.getAsDouble(), run.getAsDouble(), run.getAsDouble() };
        java.util.Arrays.sort(rates);
        return rates[1];
    }

    /** Events per second over {@code count} events of the pool, in order. */
    private static double measure(FieldSource[] pool, int count, ToIntFunction<FieldSource> work) {
        long matches = 0;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            matches += work.applyAsInt(pool[i % pool.length]);
        }
        long nanos = System.nanoTime() - start;
        if (matches < 0) {
            throw new AssertionError(); // keeps the work observable
        }
        return count / (nanos / 1e9);
    }

    private static FieldSource[] pool(Path regressionFile) throws IOException, InvalidEventException {
        ObjectMapper json = new ObjectMapper();
        List<FieldSource> regression = new ArrayList<>();
        for (String line : Files.readAllLines(regressionFile)) {
            Map<String, String> fields = new LinkedHashMap<>();
            json.readTree(line).get("event").fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue().asText()));
            regression.add(new HashMap<>(fields)::get); // a HashMap, as SecurityEvent holds
        }
        SplittableRandom random = new SplittableRandom(7);
        EventParser parser = new EventParser();
        FieldSource[] pool = new FieldSource[POOL];
        for (int i = 0; i < POOL; i++) {
            pool[i] = random.nextDouble() < REGRESSION_SHARE ? regression.get(random.nextInt(regression.size()))
                    : parser.parse(SampleEvents.next(random));
        }
        return pool;
    }
}
