package io.packetclassifier.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import io.packetclassifier.devkafka.EmbeddedKafka;
import io.packetclassifier.testing.PackagedService;
import io.packetclassifier.generator.SampleEvents;
import io.packetclassifier.testing.Prometheus;

/**
 * The throughput benchmark (BENCHMARKS.md). In one JVM: starts the in-process broker, pre-produces N
 * seed-shaped events to a 1-partition and a 4-partition topic, then runs one after another, each as its
 * own child process on the same data with a fresh consumer group: (a) a raw kafka-clients consumer, (b) a
 * hand-written consumer, (c) the packaged service with 1% of the events traced, (d) the service with every
 * event traced to an OTLP receiver in this JVM, (e) the service with the SigmaHQ rules, and a paced run
 * for latency. Prints one markdown table and writes it to {@code bench.out}.
 *
 * <p>Rates are first row written → last row written, as this JVM sees the CSV grow (for (a), which writes
 * nothing: first record received → last record received, measured by the consumer itself). CPU seconds
 * and peak RSS come from /proc of the child; CPU is counted over the same window. The broker (and this
 * harness) share the machine's cores with the child: their CPU is in the notes.
 */
public final class Benchmark {

    static final String TOPIC_P1 = "bench-p1";
    static final String TOPIC_P4 = "bench-p4";
    private static final Pattern RUN_ID = Pattern.compile("([abcde])([0-9]+)(-xmx[0-9]+[mg])?(-sync|-pub|-nopub|-adv|-long)?");
    private static final String CHANNEL = "mp.messaging.incoming.raw-events.";

    private final BenchConfig config;
    private final PrintStream log;
    private EmbeddedKafka broker;
    private OtlpReceiver receiver;
    private String inputStats = "";
    private final Map<String, String> profiles = new LinkedHashMap<>();

    /** One line of the table; {@code jit}: the CPU seconds of {@code cpu} that the JIT's compiler threads used. */
    record Row(String id, String kind, String label, int partitions, long expected, long rows, double seconds,
            double cpu, double jit, double rssMiB, String notes, Status status) {

        /** This row with {@code more} appended to its notes. */
        Row withNote(String more) {
            return new Row(id, kind, label, partitions, expected, rows, seconds, cpu, jit, rssMiB, notes + more, status);
        }

        double rate() {
            return seconds > 0 ? rows / seconds : Double.NaN;
        }

        boolean ok() {
            return status == Status.OK;
        }
    }

    enum Status {
        OK, FAILED, NA
    }

    record Latency(long events, int rate, int seconds, int warmup, double p50, double p99, double p999, double max,
            long rows, long expectedRows) {
    }

    /** What a run produced: rows, the paced latency, the markdown, and the CSV files when kept. */
    record Report(List<Row> rows, Latency latency, String markdown, Map<String, Path> csvFiles) {

        Row row(String id) {
            return rows.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
        }
    }

    private final Map<String, Path> csvFiles = new LinkedHashMap<>();
    private final Map<String, Latency> latencies = new LinkedHashMap<>();
    private int noisyRuns;
    private int pacedTopics;
    private boolean lastNoisy;
    /** CPU other processes used during the last run's window, in cores (CPU seconds per second). */
    private double lastOtherCpu;

    Benchmark(BenchConfig config, PrintStream log) {
        this.config = config;
        this.log = log;
    }

    public static void main(String[] args) throws Exception {
        Report report = new Benchmark(BenchConfig.fromSystemProperties(), System.out).run();
        System.out.println();
        System.out.println(report.markdown());
        System.exit(report.rows().stream().anyMatch(r -> r.status() == Status.FAILED) ? 1 : 0);
    }

    Report run() throws Exception {
        if (!Files.exists(config.jar())) {
            throw new IllegalStateException("No packaged service at " + config.jar() + ": run ./mvnw package first");
        }
        deleteRecursively(config.workDir());
        Files.createDirectories(config.workDir().resolve("logs"));
        Files.createDirectories(config.workDir().resolve("csv"));
        String started = DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        long begin = System.nanoTime();
        List<Row> rows = new ArrayList<>();
        Latency latency = null;
        try {
            long t0 = System.nanoTime();
            broker = EmbeddedKafka.start(config.workDir().resolve("kafka"), Map.of("num.partitions", "1",
                    "log.retention.bytes", "-1", "log.retention.ms", "-1"));
            log.printf("[bench] broker %s started in %d ms%n", broker.bootstrapServers(), (System.nanoTime() - t0) / 1_000_000);
            receiver = new OtlpReceiver();
            createTopics(Map.of(TOPIC_P1, 1, TOPIC_P4, 4));
            produce(config.events(), TOPIC_P1, TOPIC_P4);
            if (LongCommandLineMix.wanted(config.runs())) {
                createTopics(Map.of(LongCommandLineMix.ADVERSARIAL_TOPIC, 1, LongCommandLineMix.LONG_TOPIC, 1));
                try (KafkaProducer<byte[], byte[]> producer = producer(Map.of(ProducerConfig.LINGER_MS_CONFIG, 20))) {
                    inputStats += LongCommandLineMix.produce(producer, config.events());
                }
            }
            for (String id : config.runs()) {
                Row kept = null;
                Latency keptLatency = null;
                double keptOther = Double.MAX_VALUE;
                int attempts = 0;
                for (int attempt = 1; attempt <= 1 + config.retries(); attempt++) {
                    attempts = attempt;
                    lastOtherCpu = 0;
                    Row row;
                    Latency paced = null;
                    try {
                        if (id.startsWith("paced")) {
                            Object[] result = runPaced(id);
                            row = (Row) result[0];
                            paced = (Latency) result[1];
                        } else {
                            row = runOne(id);
                        }
                    } catch (IllegalArgumentException e) {
                        throw e;
                    } catch (Exception e) {
                        row = failed(id, id.startsWith("paced") ? "paced" : id.substring(0, 1), id, 1, config.events(), 0,
                                "harness error: " + e);
                    }
                    log.printf("[bench] %-12s %s%n", id + (attempt > 1 ? " #" + attempt : ""), row.status() == Status.OK
                            ? String.format(Locale.ROOT, "%,d rows in %.2f s = %,.0f events/s, CPU %.1f s (JIT %.1f s), RSS %.0f MiB %s",
                                    row.rows(), row.seconds(), row.rate(), row.cpu(), row.jit(), row.rssMiB(), row.notes())
                            : row.status() + " " + row.notes());
                    if (kept == null || (row.ok() && (!kept.ok() || lastOtherCpu < keptOther))) {
                        kept = row;
                        keptLatency = paced;
                        keptOther = lastOtherCpu;
                    }
                    if (row.status() == Status.NA || (row.ok() && !lastNoisy)) {
                        break;
                    }
                    lastNoisy = false;
                }
                if (attempts > 1) {
                    kept = kept.withNote(String.format(Locale.ROOT, "; least disturbed of %d attempts", attempts));
                }
                if (kept.notes().contains("⚠ other processes")) {
                    noisyRuns++;
                }
                rows.add(kept);
                if (keptLatency != null) {
                    latencies.put(id, keptLatency);
                    if (id.equals("paced")) {
                        latency = keptLatency;
                    }
                }
                lastNoisy = false;
            }
        } finally {
            if (receiver != null) {
                receiver.close();
            }
            if (broker != null) {
                broker.close();
            }
            if (!config.keepCsv()) {
                deleteRecursively(config.workDir().resolve("kafka"));
            }
        }
        String markdown = markdown(rows, latency, started, (System.nanoTime() - begin) / 1e9);
        Files.createDirectories(config.out().getParent());
        Files.writeString(config.out(), markdown);
        log.println("[bench] table written to " + config.out());
        return new Report(rows, latency, markdown, csvFiles);
    }

    // ---------------------------------------------------------------- input

    private void createTopics(Map<String, Integer> topics) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(topics.entrySet().stream().map(e -> new NewTopic(e.getKey(), e.getValue(), (short) 1)).toList())
                    .all().get(60, TimeUnit.SECONDS);
        }
    }

    private KafkaProducer<byte[], byte[]> producer(Map<String, Object> overrides) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.putAll(overrides);
        return new KafkaProducer<>(props);
    }

    /** N events from {@link SampleEvents}, the same bytes to every topic. */
    private void produce(long n, String... topics) {
        long start = System.nanoTime();
        long bytes = 0;
        Map<String, Long> types = new java.util.TreeMap<>();
        SplittableRandom random = new SplittableRandom(42);
        try (KafkaProducer<byte[], byte[]> producer = producer(Map.of(ProducerConfig.BATCH_SIZE_CONFIG, 262_144,
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BUFFER_MEMORY_CONFIG, 128L << 20))) {
            for (long i = 0; i < n; i++) {
                byte[] event = SampleEvents.next(random);
                bytes += event.length;
                types.merge(eventType(event), 1L, Long::sum);
                for (String topic : topics) {
                    producer.send(new ProducerRecord<>(topic, event));
                }
            }
            producer.flush();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        StringBuilder mix = new StringBuilder();
        types.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> mix.append(mix.length() > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.1f%% %s",
                        100.0 * e.getValue() / n, e.getKey())));
        inputStats = String.format(Locale.ROOT, "%,d events per topic, %.1f B average (SampleEvents, seed 42): %s; "
                + "produced to %s in %.1f s (%,.0f events/s per topic, batch.size=256k linger.ms=20)",
                n, (double) bytes / n, mix, String.join(" + ", topics), seconds, n / seconds);
        log.println("[bench] " + inputStats);
    }

    private static String eventType(byte[] event) {
        String json = new String(event, StandardCharsets.UTF_8);
        int at = json.indexOf("\"event_type\":\"");
        return at < 0 ? "?" : json.substring(at + 14, json.indexOf('"', at + 14));
    }

    // ---------------------------------------------------------------- runs

    private Row runOne(String id) throws Exception {
        BenchConfig.Variant variant = config.variants().get(id);
        String spec = variant != null ? variant.base() : id;
        Matcher m = RUN_ID.matcher(spec);
        if (!m.matches()) {
            throw new IllegalArgumentException("Unknown run id " + id + " (a1 a4 b1 b4 c1 c4 c1-xmx256m d1 d4 e1 paced)");
        }
        String kind = m.group(1);
        int partitions = Integer.parseInt(m.group(2));
        String topic = partitions == 1 ? TOPIC_P1 : partitions == 4 ? TOPIC_P4 : null;
        if (topic == null) {
            throw new IllegalArgumentException("Topics have 1 or 4 partitions: " + id);
        }
        List<String> jvm = new ArrayList<>();
        String heap = m.group(3) == null ? null : m.group(3).substring(4);
        String mode = m.group(4) == null ? "" : m.group(4);
        if (LongCommandLineMix.topic(mode) != null) {
            topic = LongCommandLineMix.topic(mode);
        }
        boolean commitSync = mode.equals("-sync");
        boolean publish = mode.equals("-pub");
        if (mode.equals("-nopub")) {
            jvm.add("-Dclassifier.publish.enabled=false");
        }
        String nopub = mode.equals("-nopub") ? ", publishing off" : "";
        if (heap != null) {
            jvm.add("-Xmx" + heap);
        }
        String suffix = partitions == 1 ? "" : ", " + partitions + " partitions";
        String xmx = heap == null ? "" : ", -Xmx" + heap;
        String extra = variant == null ? "" : " [" + id + ": " + String.join(" ", variant.opts()) + "]";
        return switch (kind) {
            case "a" -> runRaw(id, topic, partitions, "(a) raw kafka-clients consumer" + suffix);
            case "b" -> runHandWritten(id, topic, partitions, "(b) hand-written consumer" + (commitSync ? ", commitSync" : "")
                    + (publish ? " + publishing" : "") + suffix + extra, commitSync, publish, variantOpts(variant));
            case "c" -> runService(id, kind, topic, partitions, "(c) service, 1% traced" + nopub + xmx + suffix + extra,
                    concat(jvm, sampled(), variantOpts(variant)), false);
            case "d" -> runService(id, kind, topic, partitions, "(d) service, every event traced" + xmx + suffix + extra,
                    concat(jvm, traced(), config.tracedOpts(), variantOpts(variant)), true);
            case "e" -> runSigma(id, topic, partitions, "(e) service + 1,183 SigmaHQ rules, 1% traced" + nopub + xmx + suffix
                    + LongCommandLineMix.label(mode) + extra,
                    concat(jvm, sampled(), variantOpts(variant)));
            default -> throw new IllegalArgumentException(id);
        };
    }

    private static List<String> variantOpts(BenchConfig.Variant variant) {
        return variant == null ? List.of() : variant.opts();
    }

    /** 1% of the events traced: the service's run-time ratio (the producer here sends no traceparent). */
    private static List<String> sampled() {
        return List.of("-Dclassifier.tracing.sample-ratio=0.01");
    }

    /** Every event traced (the default). */
    private static List<String> traced() {
        return List.of("-Dclassifier.tracing.sample-ratio=1.0");
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return Stream.of(lists).flatMap(List::stream).toList();
    }

    /** (a): the child measures first → last record itself and says so on stdout. */
    private Row runRaw(String id, String topic, int partitions, String label) throws Exception {
        long n = config.events();
        Process process = startJava(id, List.of("-cp", testClassPath(), RawConsumer.class.getName(),
                broker.bootstrapServers(), topic, group(id), Long.toString(n)), false);
        long pid = process.pid();
        CpuWindow window = new CpuWindow(pid);
        String done = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                OutputStream childLog = Files.newOutputStream(logFile(id), java.nio.file.StandardOpenOption.APPEND)) {
            CompletableFuture<String> result = CompletableFuture.supplyAsync(() -> {
                try {
                    for (String line; (line = out.readLine()) != null;) {
                        childLog.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                        if (line.equals("FIRST")) {
                            window.start();
                        } else if (line.startsWith("DONE ")) {
                            return line;
                        }
                    }
                    return null;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            try {
                done = result.get(30, TimeUnit.MINUTES);
            } catch (Exception e) {
                done = null;
            }
            CpuWindow.Used used = window.end();
            stop(process);
            if (done == null) {
                return failed(id, "a", label, partitions, n, 0, "no DONE from the consumer, see " + logFile(id));
            }
            String[] f = done.split(" ");
            long records = Long.parseLong(f[1]);
            double seconds = Long.parseLong(f[2]) / 1e9;
            return new Row(id, "a", label, partitions, n, records, seconds, used.cpu(), used.jit(), used.rssMiB(),
                    String.format(Locale.ROOT, "first→last record as the consumer sees it; %sbroker+harness CPU %.1f s",
                            threadNote(used.threads()), used.harness()) + noise(used.others(), seconds),
                    records == n ? Status.OK : Status.FAILED);
        }
    }

    private Row runHandWritten(String id, String topic, int partitions, String label, boolean commitSync,
            boolean publish, List<String> opts) throws Exception {
        Path csv = csvPath(id);
        List<String> args = new ArrayList<>(opts); // e.g. -Dmax.poll.records=2000
        args.addAll(List.of("-cp", testClassPath(), HandWrittenConsumer.class.getName(),
                broker.bootstrapServers(), topic, group(id), csv.toString(), Long.toString(config.events()),
                commitSync ? "sync" : "async"));
        String maxPollRecords = systemProperty(opts, "max.poll.records",
                Integer.toString(HandWrittenConsumer.DEFAULT_MAX_POLL_RECORDS));
        if (publish) {
            args.add("bench-published-" + id);
        }
        String compression = systemProperty(opts, "compression.type", "none");
        Process process = startJava(id, args, true);
        return watch(id, "b", label, partitions, process, csv, (publish ? "JSON per event to a topic ("
                + ("none".equals(compression) ? "uncompressed" : compression) + "), " : "")
                + "flush" + (publish ? " CSV and producer" : "") + ", then " + (commitSync ? "commitSync" : "commitAsync")
                + " per poll (max.poll.records=" + maxPollRecords + ")", false);
    }

    /** The value the last {@code -Dname=value} among a row's JVM options gives, as the child JVM sees it. */
    private static String systemProperty(List<String> opts, String name, String orElse) {
        String prefix = "-D" + name + "=";
        return opts.stream().filter(o -> o.startsWith(prefix)).map(o -> o.substring(prefix.length()))
                .reduce((a, b) -> b).orElse(orElse);
    }

    private Row runService(String id, String kind, String topic, int partitions, String label, List<String> opts,
            boolean traced) throws Exception {
        Path csv = csvPath(id);
        int viewClients = ViewClients.requested(opts);
        Process process = startService(id, topic, csv, opts);
        if (viewClients == 0) {
            return watch(id, kind, label, partitions, process, csv, "", traced);
        }
        ViewClients view = ViewClients.start(viewClients, logFile(id)); // the ATT&CK page open during the row
        try {
            Row row = watch(id, kind, label, partitions, process, csv, "", traced);
            return row.withNote("; " + view.note());
        } finally {
            view.close();
        }
    }

    private Row runSigma(String id, String topic, int partitions, String label, List<String> opts) throws Exception {
        String wired = "false".equalsIgnoreCase(config.sigma()) ? null
                : "force".equalsIgnoreCase(config.sigma()) ? "forced (-Dbench.sigma=force)" : sigmaWired();
        if (wired == null) {
            String why = "false".equalsIgnoreCase(config.sigma()) ? "skipped (-Dbench.sigma=false)"
                    : "n/a (Sigma engine not wired)";
            return new Row(id, "e", label, partitions, config.events(), 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    why + ": the packaged service has no classifier.rules.sigma-paths property yet", Status.NA);
        }
        if (!Files.isDirectory(config.sigmaPaths())) {
            return new Row(id, "e", label, partitions, config.events(), 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    "n/a (no rules at " + config.sigmaPaths() + ")", Status.NA);
        }
        return runService(id, "e", topic, partitions, label,
                concat(opts, List.of("-Dclassifier.rules.sigma-paths=" + config.sigmaPaths())), false)
                .withNote("; " + wired);
    }

    /**
     * Whether the packaged service reads {@code classifier.rules.sigma-paths}: its name (or the config
     * mapping's method name) appears in the application's classes or Quarkus' generated bytecode.
     */
    private String sigmaWired() throws IOException {
        if (PackagedService.of(config.jar()).nativeBinary()) { // config names are strings in the image
            return contains(config.jar(), "sigma-paths") ? "sigma-paths found in " + config.jar().getFileName() : null;
        }
        Path app = config.jar().getParent();
        List<Path> jars = new ArrayList<>();
        for (String dir : List.of("app", "quarkus")) {
            if (Files.isDirectory(app.resolve(dir))) {
                try (Stream<Path> files = Files.list(app.resolve(dir))) {
                    files.filter(p -> p.toString().endsWith(".jar")).forEach(jars::add);
                }
            }
        }
        for (Path jar : jars) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                    if (entry.getName().endsWith(".class") || entry.getName().endsWith(".properties")) {
                        String text = new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.ISO_8859_1);
                        if (text.contains("sigma-paths") || text.contains("sigmaPaths")) {
                            return "sigma-paths found in " + jar.getFileName() + "!" + entry.getName();
                        }
                    }
                }
            }
        }
        return null;
    }

    /** Whether the file holds {@code text} (ISO-8859-1), read a few MiB at a time: a native binary is ~100 MiB. */
    static boolean contains(Path file, String text) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 22];
            int carried = 0;
            for (int read; (read = in.read(buffer, carried, buffer.length - carried)) > 0;) {
                int length = carried + read;
                if (new String(buffer, 0, length, StandardCharsets.ISO_8859_1).contains(text)) {
                    return true;
                }
                carried = Math.min(length, text.length() - 1); // a match may straddle two reads
                System.arraycopy(buffer, length - carried, buffer, 0, carried);
            }
        }
        return false;
    }

    /** Common part of (b), (c), (d), (e): time the CSV from its first to its N-th row. */
    private Row watch(String id, String kind, String label, int partitions, Process process, Path csv, String note,
            boolean traced) throws Exception {
        long n = config.events();
        long pid = process.pid();
        CpuWindow window = new CpuWindow(pid);
        receiver.reset();
        boolean complete;
        CsvWatcher watcher = new CsvWatcher(csv, null, window::start, n / 2);
        try {
            complete = awaitRows(watcher, process, n);
        } finally {
            watcher.close();
        }
        CpuWindow.Used used = window.end();
        double seconds = (watcher.lastGrowthNanos() - watcher.firstRowNanos()) / 1e9;
        long rows = watcher.rows();
        String stages = kind.equals("b") ? "" : stageNote(id);
        int exit = stop(process);
        List<String> notes = new ArrayList<>();
        if (!note.isEmpty()) {
            notes.add(note);
        }
        if (!stages.isEmpty()) {
            notes.add(stages);
        }
        if (traced || "c".equals(kind) || "e".equals(kind)) {
            receiver.awaitQuiet(1_500, 60_000);
            long spans = receiver.spans();
            if (traced) {
                long expectedSpans = 3 * rows;
                notes.add(String.format(Locale.ROOT, "spans %,d of %,d, **dropped %,d** (%.1f%%)", spans, expectedSpans,
                        expectedSpans - spans, 100.0 * (expectedSpans - spans) / Math.max(1, expectedSpans)));
            } else {
                notes.add(String.format(Locale.ROOT, "spans %,d (%.2f%% of 3 per row)", spans,
                        100.0 * spans / Math.max(1, 3 * rows)));
            }
            if (receiver.errors() > 0) {
                notes.add(receiver.errors() + " unreadable OTLP requests");
            }
        }
        if (watcher.halfwayNanos() != 0 && rows > watcher.halfwayRows()) {
            // the second half of the rows, when the JIT has done most of its work: how fast the row runs warm
            double secondHalf = (rows - watcher.halfwayRows())
                    / ((watcher.lastGrowthNanos() - watcher.halfwayNanos()) / 1e9);
            notes.add(String.format(Locale.ROOT, "second half %,.0f events/s", secondHalf));
        }
        notes.add(threadNote(used.threads()) + String.format(Locale.ROOT, "broker+harness CPU %.1f s", used.harness())
                + noise(used.others(), seconds));
        notes.addAll(ignoredBuildTimeProperties(id));
        if (exit != 0 && exit != 143) {
            notes.add("exit " + exit);
        }
        if (config.jfr().contains(id)) {
            Path jfr = config.workDir().resolve(id + ".jfr");
            if (Files.exists(jfr)) {
                String profile = JfrTop.report(jfr, 20);
                profiles.put(id, "### JFR profile of " + id + " (" + label + ")\n\n```\n" + profile + "```\n");
                log.println(profile);
                notes.add("JFR: " + jfr.getFileName());
            }
        }
        finishCsv(id, csv);
        if (!complete) {
            return failed(id, kind, label, partitions, n, rows, (rows == 0 ? "no row" : "stalled at " + rows + " rows")
                    + " (exit " + exit + "), see " + logFile(id));
        }
        return new Row(id, kind, label, partitions, n, rows, seconds, used.cpu(), used.jit(), used.rssMiB(),
                String.join("; ", notes),
                rows == n ? Status.OK : Status.FAILED);
    }

    /** Quarkus warns when a -D sets a build-time property: the run did not get what it asked for. */
    private List<String> ignoredBuildTimeProperties(String id) throws IOException {
        List<String> ignored = new ArrayList<>();
        if (Files.exists(logFile(id))) {
            Matcher m = Pattern.compile(" - (\\S+) is set to '([^']*)' but it is build time fixed to '([^']*)'")
                    .matcher(Files.readString(logFile(id)));
            while (m.find()) {
                ignored.add("**" + m.group(1) + "=" + m.group(2) + " ignored: build-time fixed to " + m.group(3) + "**");
            }
        }
        return ignored;
    }

    private boolean awaitRows(CsvWatcher watcher, Process process, long n) throws InterruptedException {
        long begin = System.nanoTime();
        while (watcher.rows() < n) {
            if (!process.isAlive()) {
                Thread.sleep(200);
                return watcher.rows() >= n;
            }
            long now = System.nanoTime();
            long first = watcher.firstRowNanos();
            if (first == 0 && now - begin > TimeUnit.SECONDS.toNanos(120)) {
                return false;
            }
            if (first != 0 && now - watcher.lastGrowthNanos() > TimeUnit.SECONDS.toNanos(60)) {
                return false;
            }
            Thread.sleep(1);
        }
        return true;
    }

    /**
     * The paced run: the service (c) on a fresh 1-partition topic; events sent at a fixed rate (warm-up,
     * then the measured window) with the send time as their timestamp; latency = when this JVM sees the
     * row in the CSV − that timestamp.
     */
    private Object[] runPaced(String id) throws Exception {
        boolean handWritten = id.equals("paced-b");
        if (!handWritten && !id.equals("paced")) {
            throw new IllegalArgumentException("Paced runs: paced (the service, as (c)) and paced-b (the hand-written consumer)");
        }
        String topic = "bench-" + id + "-" + (++pacedTopics);
        createTopics(Map.of(topic, 1));
        Path csv = csvPath(id);
        int rate = config.pacedRate();
        long warmupEvents = (long) rate * config.pacedWarmupSeconds();
        long measuredEvents = (long) rate * config.pacedSeconds();
        String label = String.format(Locale.ROOT, "%s paced: %,d events/s for %d s", handWritten ? "(b)" : "(c)", rate,
                config.pacedSeconds());
        long[] latencies = new long[(int) measuredEvents + 16];
        long[] sentAt = new long[latencies.length]; // send time − start of the measured window, per latency
        int[] count = { 0 };
        java.util.concurrent.atomic.AtomicLong measureFrom = new java.util.concurrent.atomic.AtomicLong(Long.MAX_VALUE);
        CsvWatcher watcher = new CsvWatcher(csv, (line, seen) -> {
            int c1 = line.indexOf(',');
            int c2 = line.indexOf(',', c1 + 1);
            Instant sent = Instant.parse(line.substring(c1 + 1, c2));
            long sentNanos = sent.getEpochSecond() * 1_000_000_000L + sent.getNano();
            if (sentNanos >= measureFrom.get() && count[0] < latencies.length) {
                sentAt[count[0]] = sentNanos - measureFrom.get();
                latencies[count[0]++] = seen - sentNanos;
            }
        }, null);
        Process process = handWritten
                ? startJava(id, List.of("-cp", testClassPath(), HandWrittenConsumer.class.getName(),
                        broker.bootstrapServers(), topic, group(id), csv.toString(), Long.toString(Long.MAX_VALUE)), true)
                : startService(id, topic, csv, sampled());
        CpuWindow window = new CpuWindow(process.pid());
        long sent = 0;
        long measureStartNanos = 0;
        long measureEndNanos = 0;
        try (KafkaProducer<byte[], byte[]> producer = producer(Map.of(ProducerConfig.LINGER_MS_CONFIG, 0))) {
            // The service must be consuming before the clock starts: wait for a first probe row.
            producer.send(new ProducerRecord<>(topic, SampleEvents.next(new SplittableRandom(7)))).get();
            sent++;
            if (!awaitRows(watcher, process, 1)) {
                stop(process);
                watcher.close();
                return new Object[] { failed(id, "c", label, 1, measuredEvents, 0, "service did not start, see " + logFile(id)),
                        null };
            }
            SplittableRandom random = new SplittableRandom(43);
            long total = warmupEvents + measuredEvents;
            long start = System.nanoTime();
            for (long i = 0; i < total;) {
                long due = Math.min(total, (System.nanoTime() - start) * rate / 1_000_000_000L);
                while (i < due) {
                    if (i == warmupEvents) {
                        measureFrom.set(CsvWatcher.epochNanos());
                        measureStartNanos = System.nanoTime();
                        window.start();
                    }
                    producer.send(new ProducerRecord<>(topic, SampleEvents.next(random)));
                    i++;
                    sent++;
                }
                LockSupport.parkNanos(1_000_000);
            }
            measureEndNanos = System.nanoTime();
            producer.flush();
        }
        boolean complete = awaitRows(watcher, process, sent);
        CpuWindow.Used used = window.end();
        watcher.close();
        long rows = watcher.rows();
        stop(process);
        finishCsv(id, csv);
        String slices = p99BySlice(Arrays.copyOf(latencies, count[0]), Arrays.copyOf(sentAt, count[0]),
                Math.max(1, config.pacedSeconds() / 6), config.pacedSeconds());
        long[] measured = Arrays.copyOf(latencies, count[0]);
        Arrays.sort(measured);
        double seconds = (measureEndNanos - measureStartNanos) / 1e9;
        Latency latency = new Latency(measured.length, rate, config.pacedSeconds(), config.pacedWarmupSeconds(),
                percentile(measured, 0.50), percentile(measured, 0.99), percentile(measured, 0.999),
                measured.length == 0 ? Double.NaN : measured[measured.length - 1] / 1e6, rows, sent);
        String notes = String.format(Locale.ROOT,
                "latency produce→row: p50 %.1f ms, p99 %.1f ms, max %.1f ms; %s; %d s warm-up first; CPU over the measured "
                + "window; %sbroker+harness CPU %.1f s", latency.p50(), latency.p99(), latency.max(), slices,
                config.pacedWarmupSeconds(), threadNote(used.threads()), used.harness())
                + noise(used.others(), (System.nanoTime() - measureStartNanos) / 1e9);
        Row row = new Row(id, "paced", label, 1, measuredEvents, measured.length, seconds, used.cpu(), used.jit(),
                used.rssMiB(), notes,
                complete && rows == sent && measured.length == measuredEvents ? Status.OK : Status.FAILED);
        return new Object[] { row, latency };
    }

    /**
     * p99 of the events sent in each {@code sliceSeconds} of the measured window, e.g. "p99 per 5 s sent: 31 / 19 /
     * 18 / 20 / 19 / 18 ms": shows whether a high p99 is a start still catching up or spread over the run.
     */
    static String p99BySlice(long[] latencies, long[] sentAt, int sliceSeconds, int windowSeconds) {
        long slice = TimeUnit.SECONDS.toNanos(sliceSeconds);
        long last = Math.max(0, (windowSeconds - 1) / sliceSeconds); // the window's last events belong to its last slice
        Map<Long, List<Long>> bySlice = new TreeMap<>();
        for (int i = 0; i < latencies.length; i++) {
            bySlice.computeIfAbsent(Math.min(last, sentAt[i] / slice), k -> new ArrayList<>()).add(latencies[i]);
        }
        return "p99 per " + sliceSeconds + " s sent: " + bySlice.values().stream().map(list -> {
            long[] sorted = list.stream().mapToLong(Long::longValue).sorted().toArray();
            return String.format(Locale.ROOT, "%.0f", percentile(sorted, 0.99));
        }).collect(Collectors.joining(" / ")) + " ms";
    }

    /** The window's CPU by kind of thread, JIT left out (it has its column), e.g. "worker 3.6 s, event loop 1.4 s; ". */
    private static String threadNote(Map<String, Double> threads) {
        // the ATT&CK page's stream thread is listed however little it used: it is what a page open costs
        String listed = threads.entrySet().stream().filter(e -> !e.getKey().equals(ProcStats.JIT)
                && (e.getValue() >= 0.05 || e.getKey().equals(ProcStats.VIEW)))
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> String.format(Locale.ROOT, e.getValue() < 0.1 ? "%s %.2f s" : "%s %.1f s", e.getKey(),
                        e.getValue()))
                .collect(Collectors.joining(", "));
        return listed.isEmpty() ? "" : "threads: " + listed + "; ";
    }

    /**
     * Other processes on the machine (not the run, not the broker/harness) used CPU during the window: the
     * figures are disturbed. Flagged from 5% of one core on.
     */
    private String noise(double otherCpuSeconds, double windowSeconds) {
        if (Double.isNaN(otherCpuSeconds) || otherCpuSeconds < Math.max(0.3, 0.05 * windowSeconds)) {
            lastOtherCpu = Double.isNaN(otherCpuSeconds) ? 0 : Math.max(0, otherCpuSeconds / windowSeconds);
            return "";
        }
        lastNoisy = true;
        lastOtherCpu = otherCpuSeconds / windowSeconds;
        return String.format(Locale.ROOT, "; **⚠ other processes used %.1f CPU s (%.0f%% of a core): disturbed**",
                otherCpuSeconds, 100 * otherCpuSeconds / windowSeconds);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    // ---------------------------------------------------------------- processes

    /** A variant's option naming the service jar it runs instead of the one just built. */
    private static final String OTHER_JAR = "-Dbench.jar=";

    private Process startService(String id, String topic, Path csv, List<String> opts) throws IOException {
        List<String> args = new ArrayList<>();
        if (config.jfr().contains(id)) {
            args.add("-XX:StartFlightRecording=settings=" + jfrSettings() + ",dumponexit=true,filename="
                    + config.workDir().resolve(id + ".jfr"));
        }
        args.addAll(List.of(
                "-Dkafka.bootstrap.servers=" + broker.bootstrapServers(),
                "-Dclassifier.csv.path=" + csv,
                "-D" + CHANNEL + "topic=" + topic,
                "-D" + CHANNEL + "group.id=" + group(id),
                "-Dquarkus.http.port=0",
                "-Dquarkus.otel.exporter.otlp.traces.protocol=http/protobuf",
                "-Dquarkus.otel.exporter.otlp.traces.endpoint=" + receiver.endpoint()));
        args.addAll(config.serviceOpts());
        PackagedService service = PackagedService.of(config.jar());
        for (String opt : opts) {
            if (opt.startsWith(OTHER_JAR)) {
                service = PackagedService.of(Path.of(opt.substring(OTHER_JAR.length()))); // another build, side by side
            } else if (!opt.startsWith(ViewClients.OPTION)) { // for the harness (runService), not the service
                args.add(opt);
            }
        }
        if (service.nativeBinary()) {
            args.removeIf(arg -> arg.startsWith("-XX:StartFlightRecording")); // the binary is not built with JFR
        }
        return start(id, service.command(args), true);
    }

    /** JFR's "profile" settings with Java method sampling every 1 ms instead of 10 ms (short runs). */
    private Path jfrSettings() throws IOException {
        Path settings = config.workDir().resolve("profile-1ms.jfc");
        if (!Files.exists(settings)) {
            String profile = Files.readString(Path.of(System.getProperty("java.home"), "lib", "jfr", "profile.jfc"));
            Files.writeString(settings, profile.replaceFirst(
                    "(?<head><event name=\"jdk.ExecutionSample\">\\s*<setting name=\"enabled\"[^<]*</setting>\\s*<setting name=\"period\"[^>]*>)[^<]*",
                    "${head}1 ms"));
        }
        return settings;
    }

    private Process startJava(String id, List<String> args, boolean stdoutToLog) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(args);
        return start(id, command, stdoutToLog);
    }

    private Process start(String id, List<String> command, boolean stdoutToLog) throws IOException {
        List<String> args = command.subList(1, command.size());
        Path logFile = logFile(id);
        Files.writeString(logFile, String.join(" ", command) + "\n\n");
        log.printf("[bench] %s: %s%n", id, String.join(" ", command.subList(0, Math.min(command.size(), 1)))
                + " " + String.join(" ", args.stream().filter(a -> !a.equals(testClassPath())).toList()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(config.workDir().toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        if (stdoutToLog) {
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        }
        return builder.start();
    }

    /** SIGTERM (so the service shuts down and flushes its spans), then the exit code. */
    private static int stop(Process process) throws InterruptedException {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // already gone
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        return process.isAlive() ? -1 : process.exitValue();
    }

    private static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private String group(String id) {
        return "bench-" + id + "-" + UUID.randomUUID();
    }

    private static final Pattern LISTENING = Pattern.compile("Listening on: http://[^:/]+:(\\d+)");

    /**
     * The service's own timers of its two stages, summed over its whole run: the classifier's batches and the
     * writer's (append, flush and the wait for classified-events' acknowledgements). They run side by side, so the
     * larger sets the pace. Empty when the service's port or metrics cannot be read.
     */
    private String stageNote(String id) {
        try {
            Matcher port = LISTENING.matcher(Files.readString(logFile(id)));
            if (!port.find()) {
                return "";
            }
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.group(1) + "/q/metrics"))
                            .timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Prometheus metrics = Prometheus.parse(response.body());
            if (!metrics.has("classifier_classify_seconds_sum")) {
                return "";
            }
            return String.format(Locale.ROOT, "stages: classifying %.1f s, writing %.1f s",
                    metrics.value("classifier_classify_seconds_sum"), metrics.value("classifier_csv_write_seconds_sum"));
        } catch (IOException | RuntimeException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private Path logFile(String id) {
        return config.workDir().resolve("logs").resolve(id + ".log");
    }

    private Path csvPath(String id) throws IOException {
        Path csv = config.workDir().resolve("csv").resolve(id + ".csv");
        Files.deleteIfExists(csv);
        return csv;
    }

    private void finishCsv(String id, Path csv) throws IOException {
        if (config.keepCsv()) {
            csvFiles.put(id, csv);
        } else {
            Files.deleteIfExists(csv);
        }
    }

    private static Row failed(String id, String kind, String label, int partitions, long expected, long rows, String why) {
        return new Row(id, kind, label, partitions, expected, rows, Double.NaN, Double.NaN, Double.NaN, Double.NaN, why,
                Status.FAILED);
    }

    // ---------------------------------------------------------------- report

    private String markdown(List<Row> rows, Latency latency, String started, double totalSeconds) {
        StringBuilder md = new StringBuilder();
        md.append("## packet-classifier benchmark, ").append(started).append("\n\n");
        md.append("Machine: ").append(machine()).append("  \n");
        md.append("Input: ").append(inputStats).append("  \n");
        md.append(String.format(Locale.ROOT, "Whole run: %.0f s. Broker: in-process KRaft (kafka %s) in the harness JVM, "
                + "sharing the cores with every run.%n%n", totalSeconds, org.apache.kafka.common.utils.AppInfoParser.getVersion()));
        if (noisyRuns > 0) {
            md.append(String.format(Locale.ROOT, "**⚠ %d run(s) shared the machine with other processes (see notes): "
                    + "their figures are low and not comparable.**%n%n", noisyRuns));
        }
        md.append("| run | events | seconds | events/s | × (a) | × (b) | CPU s | of it JIT | peak RSS MiB | notes |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Row row : rows) {
            if (row.status() == Status.NA) {
                md.append(String.format(Locale.ROOT, "| %s | %s | | %s | | | | | | %s |%n", row.label(), num(row.expected()),
                        row.notes().substring(0, row.notes().indexOf(':') < 0 ? row.notes().length() : row.notes().indexOf(':')),
                        row.notes()));
                continue;
            }
            Row a = baseline(rows, "a", row.partitions());
            Row b = baseline(rows, "b", row.partitions());
            boolean paced = "paced".equals(row.kind());
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s%s |%n", row.label(),
                    row.rows() == row.expected() ? num(row.rows()) : num(row.rows()) + " of " + num(row.expected()),
                    fmt(row.seconds(), "%.2f"), fmt(row.rate(), "%,.0f"),
                    paced || a == null || a == row ? "" : fmt(row.rate() / a.rate(), "%.2f"),
                    paced || b == null || b == row ? "" : fmt(row.rate() / b.rate(), "%.2f"),
                    fmt(row.cpu(), "%.1f"), fmt(row.jit(), "%.1f"), fmt(row.rssMiB(), "%.0f"),
                    row.status() == Status.FAILED ? "**FAILED** " : "", row.notes()));
        }
        md.append("\n");
        for (Map.Entry<String, Latency> e : latencies.entrySet()) {
            Latency l = e.getValue();
            md.append(String.format(Locale.ROOT, "Latency, %s paced at %,d events/s for %d s (after %d s warm-up), "
                    + "produce → row in the CSV, %,d events: **p50 %.1f ms, p99 %.1f ms**, p99.9 %.1f ms, max %.1f ms%n%n",
                    e.getKey().equals("paced") ? "(c)" : "(b)", l.rate(), l.seconds(), l.warmup(), l.events(), l.p50(),
                    l.p99(), l.p999(), l.max()));
        }
        md.append(targets(rows, latency));
        md.append("\nRates: first → last row written to the CSV, as the harness sees the file grow (polled every ~1 ms); "
                + "(a) writes nothing: first → last record received, timed by the consumer. CPU s: user+system time of "
                + "the run's JVM over that window (start-up excluded); of it JIT: the part its JIT compiler threads used "
                + "(the notes split the rest by kind of thread); second half: the rate from the first read that saw half "
                + "the rows to the last row; peak RSS: VmHWM of that JVM. × (a) and × (b) compare with the runs on the "
                + "same topic.\n");
        for (String profile : profiles.values()) {
            md.append("\n").append(profile);
        }
        return md.toString();
    }

    private static Row baseline(List<Row> rows, String kind, int partitions) {
        return rows.stream().filter(r -> r.kind().equals(kind) && r.partitions() == partitions && r.ok()
                && !r.id().endsWith("-sync") && !r.id().endsWith("-pub") && !r.id().endsWith("-nopub")
                && !r.id().contains("-xmx")).findFirst().orElse(null);
    }

    private String targets(List<Row> rows, Latency latency) {
        StringBuilder t = new StringBuilder("Targets (1 partition):\n\n");
        Row a = baseline(rows, "a", 1);
        Row b = baseline(rows, "b", 1);
        Row c = rows.stream().filter(r -> r.id().equals("c1") && r.ok()).findFirst().orElse(null);
        Row d = rows.stream().filter(r -> r.id().equals("d1") && r.ok()).findFirst().orElse(null);
        Row small = rows.stream().filter(r -> r.id().startsWith("c1-xmx") && r.ok()).findFirst().orElse(null);
        if (c != null && b != null) {
            t.append(check("(c) ≥ 1.0 × (b)", c.rate() / b.rate() >= 1.0, String.format(Locale.ROOT, "%.2f ×", c.rate() / b.rate())));
        }
        Row bPub = rows.stream().filter(r -> r.id().equals("b1-pub") && r.ok()).findFirst().orElse(null);
        Row cNoPub = rows.stream().filter(r -> r.id().equals("c1-nopub") && r.ok()).findFirst().orElse(null);
        if (c != null && bPub != null) {
            t.append(check("like for like, both publishing: (c) ≥ 1.0 × (b + publishing)", c.rate() / bPub.rate() >= 1.0,
                    String.format(Locale.ROOT, "%.2f ×", c.rate() / bPub.rate())));
        }
        if (cNoPub != null && b != null) {
            t.append(check("like for like, neither publishing: (c, publishing off) ≥ 1.0 × (b)", cNoPub.rate() / b.rate() >= 1.0,
                    String.format(Locale.ROOT, "%.2f ×", cNoPub.rate() / b.rate())));
        }
        if (c != null && a != null) {
            t.append(check("(c) ≥ 0.5 × (a)", c.rate() / a.rate() >= 0.5, String.format(Locale.ROOT, "%.2f ×", c.rate() / a.rate())));
        }
        if (d != null) {
            t.append(check("(d) ≥ 150,000 events/s", d.rate() >= 150_000, String.format(Locale.ROOT, "%,.0f events/s", d.rate())));
            Matcher m = Pattern.compile("dropped ([0-9,]+)").matcher(d.notes());
            if (m.find()) {
                t.append(check("(d) 0 spans dropped", m.group(1).equals("0"), m.group(1) + " dropped"));
            }
        }
        for (String id : List.of("e1", "e1-nopub")) {
            rows.stream().filter(r -> r.id().equals(id) && r.ok()).findFirst().ifPresent(e -> t.append(check(
                    "(e) ≥ 100,000 events/s" + (id.endsWith("nopub") ? ", publishing off" : ""), e.rate() >= 100_000,
                    String.format(Locale.ROOT, "%,.0f events/s", e.rate()))));
        }
        if (latency != null) {
            t.append(check("paced p99 ≤ 50 ms", latency.p99() <= 50, String.format(Locale.ROOT, "%.1f ms", latency.p99())));
        }
        if (small != null && c != null) {
            double loss = 1 - small.rate() / c.rate();
            t.append(check("-Xmx256m loses < 10%", loss < 0.10, String.format(Locale.ROOT, "%+.1f%%", -100 * loss)));
        }
        return t.toString();
    }

    private static String check(String what, boolean met, String value) {
        return "- " + what + ": " + value + " — " + (met ? "met" : "**not met**") + "\n";
    }

    private static String num(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String fmt(double value, String format) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "" : String.format(Locale.ROOT, format, value);
    }

    static String machine() {
        String cpu = "?";
        String mem = "?";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("?");
            mem = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                    .findFirst().orElse("?");
        } catch (IOException ignored) {
            // not Linux
        }
        return String.format(Locale.ROOT, "%d cores (%s), %s RAM, %s %s, Java %s (%s)",
                Runtime.getRuntime().availableProcessors(), cpu, mem, System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("java.runtime.version"), System.getProperty("java.vm.name"));
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
