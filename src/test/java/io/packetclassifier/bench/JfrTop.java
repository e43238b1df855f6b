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
        section(out, "top frames (self)", self, total, top);
        section(out, "methods on the stack (inclusive)", inclusive, total, top * 2);
        return out.toString();
    }

    private static void section(StringBuilder out, String title, Map<String, Integer> counts, int total, int top) {
        out.append("\n").append(title).append(":\n");
        LinkedHashMap<String, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        sorted.forEach((k, v) -> out.append(String.format("  %5.1f%%  %6d  %s%n", 100.0 * v / Math.max(1, total), v, k)));
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
