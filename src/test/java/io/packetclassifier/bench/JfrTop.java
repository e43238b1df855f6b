package io.packetclassifier.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Aggregates the {@code jdk.ExecutionSample} events of a JFR recording: samples per thread, per top
 * (self) frame, and per method anywhere on the stack (inclusive). Usable on its own:
 * {@code java -cp target/test-classes io.packetclassifier.bench.JfrTop rec.jfr [top]}.
 */
public final class JfrTop {

    public static void main(String[] args) throws IOException {
        System.out.println(report(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 25));
    }

    static String report(Path recording, int top) throws IOException {
        Map<String, Integer> threads = new HashMap<>();
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> components = new HashMap<>();
        Map<String, Map<String, Integer>> componentMethods = new HashMap<>();
        int total = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!"jdk.ExecutionSample".equals(event.getEventType().getName())) {
                continue;
            }
            total++;
            RecordedThread thread = event.getThread("sampledThread");
            threads.merge(threadGroup(thread == null ? "?" : thread.getJavaName()), 1, Integer::sum);
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            List<RecordedFrame> frames = stack.getFrames();
            self.merge(name(frames.get(0).getMethod()), 1, Integer::sum);
            String[] component = component(frames);
            components.merge(component[0], 1, Integer::sum);
            componentMethods.computeIfAbsent(component[0], k -> new HashMap<>()).merge(component[1], 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String method = name(frame.getMethod());
                if (seen.add(method)) {
                    inclusive.merge(method, 1, Integer::sum);
                }
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("JFR execution samples: ").append(total).append(" (").append(recording.getFileName()).append(")\n");
        section(out, "samples by thread", threads, total, top);
        int samples = total;
        out.append("\nwhere the time goes (sample charged to the innermost frame of a known component; its top methods):\n");
        components.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .filter(e -> e.getValue() * 200 >= samples)
                .forEach(e -> {
                    out.append(String.format("  %5.1f%%  %6d  %s%n", 100.0 * e.getValue() / Math.max(1, samples), e.getValue(), e.getKey()));
                    componentMethods.get(e.getKey()).entrySet().stream()
                            .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(6)
                            .forEach(m -> out.append(String.format("          %5.1f%%  %s%n", 100.0 * m.getValue() / Math.max(1, samples), m.getKey())));
                });
        section(out, "top frames (self)", self, total, top);
        inclusive.keySet().removeIf(m -> m.startsWith("java.lang.Thread.") || m.startsWith("org.jboss.threads.")
                || m.startsWith("io.netty.util.concurrent.") || m.startsWith("java.util.concurrent."));
        section(out, "methods on the stack (inclusive; thread-pool frames left out)", inclusive, total, top * 2);
        return out.toString();
    }

    private static void section(StringBuilder out, String title, Map<String, Integer> counts, int total, int top) {
        out.append("\n").append(title).append(":\n");
        LinkedHashMap<String, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        sorted.forEach((k, v) -> out.append(String.format("  %5.1f%%  %6d  %s%n", 100.0 * v / Math.max(1, total), v, k)));
    }

    /** Component prefixes, checked from the innermost frame outwards; JDK frames count for their caller. */
    private static final String[][] COMPONENTS = {
            { "OTLP export (exporter, protobuf marshalling)", "io.opentelemetry.exporter.", "io.quarkus.opentelemetry.runtime.exporter." },
            { "tracing (OpenTelemetry SDK spans, EventTracing)", "io.opentelemetry.", "io.packetclassifier.tracing." },
            { "JSON (Jackson: parsing events, writing documents; EventParser)", "com.fasterxml.jackson.", "io.packetclassifier.event." },
            { "writing the outputs (commons-csv, CsvOutput, BatchWriter)", "org.apache.commons.csv.", "io.packetclassifier.output." },
            { "rules (SigmaRuleSet, ActiveRules)", "io.packetclassifier.sigma.", "io.packetclassifier.rules." },
            { "classifier glue (EventClassifier)", "io.packetclassifier.classifier." },
            { "Kafka client", "org.apache.kafka." },
            { "messaging plumbing (SmallRye, Mutiny, Vert.x, Netty, ArC, JBoss threads)", "io.smallrye.", "io.vertx.",
                    "io.netty.", "io.quarkus.", "org.jboss." },
            { "benchmark consumer code", "io.packetclassifier.bench." } };

    /** The component of a sample and the method (frame) that put it there. */
    static String[] component(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            RecordedMethod method = frame.getMethod();
            if (method == null) {
                continue;
            }
            String type = method.getType().getName();
            for (String[] component : COMPONENTS) {
                for (int i = 1; i < component.length; i++) {
                    if (type.startsWith(component[i])) {
                        return new String[] { component[0], name(method) };
                    }
                }
            }
        }
        return new String[] { "JDK only (no library frame on the stack)", name(frames.get(0).getMethod()) };
    }

    private static String name(RecordedMethod method) {
        if (method == null) {
            return "?";
        }
        return method.getType().getName() + "." + method.getName();
    }

    /** Thread names without their running number, e.g. {@code vert.x-eventloop-thread-*}. */
    private static String threadGroup(String name) {
        return name == null ? "?" : name.replaceAll("\\d+$", "*");
    }
}
