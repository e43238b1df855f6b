package io.packetclassifier.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** CPU time and peak resident set size of a Linux process, read from {@code /proc}. */
final class ProcStats {

    /** USER_HZ: /proc/<pid>/stat counts CPU time in clock ticks of 1/100 s on Linux. */
    private static final double TICKS_PER_SECOND = 100.0;

    /** The kind of thread {@link #threadCpuSeconds} counts the JIT's compiler threads under. */
    static final String JIT = "JIT";
    static final String VIEW = "ATT&CK view stream";

    private ProcStats() {
    }

    /** utime + stime of the process (all its threads), in seconds; NaN when it cannot be read. */
    static double cpuSeconds(long pid) {
        try {
            return cpuSecondsOf(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * CPU seconds (utime + stime) per kind of thread of a process, from {@code /proc/<pid>/task}: the kernel keeps
     * 15 characters of a thread's name, and the number is dropped, so "executor-thread-3" counts as
     * {@code worker}, "C2 CompilerThread0" as {@code JIT}. Empty when it cannot be read. A thread that ends takes
     * its time with it, so a difference over a window is a lower bound for a kind whose threads come and go.
     */
    static Map<String, Double> threadCpuSeconds(long pid) {
        Map<String, Double> byKind = new TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    byKind.merge(kind(name), cpuSecondsOf(stat), Double::sum);
                } catch (IOException e) {
                    // the thread ended between the listing and the read
                }
            }
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return byKind;
    }

    /** utime + stime from a process's or a thread's {@code stat} line, in seconds. */
    private static double cpuSecondsOf(String stat) {
        // The command name (field 2) is in parentheses and may contain spaces: count fields after it.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // f[0] is field 3 (state); utime is field 14, stime field 15.
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
    }

    /** {@code later} − {@code earlier}, per kind. */
    static Map<String, Double> minus(Map<String, Double> later, Map<String, Double> earlier) {
        Map<String, Double> window = new TreeMap<>();
        later.forEach((kind, seconds) -> window.put(kind, Math.max(0, seconds - earlier.getOrDefault(kind, 0.0))));
        return window;
    }

    private static String kind(String name) {
        String base = name.replaceAll("[-#]?[0-9]+$", "");
        if (base.startsWith("C1 CompilerThre") || base.startsWith("C2 CompilerThre")) {
            return JIT;
        }
        if (base.startsWith("GC Thread") || base.startsWith("G1 ") || base.equals("VM Thread")) {
            return "GC";
        }
        return switch (base) {
            case "executor-thread" -> "worker";
            case "smallrye-kafka-" -> "Kafka consumer";
            case "vert.x-eventloo" -> "event loop";
            case "kafka-producer-" -> "Kafka producer I/O";
            case "BatchSpanProces" -> "span export";
            case "attack-view" -> VIEW;
            case "java", "main" -> "main"; // the launcher's main thread keeps the process's name
            default -> "other";
        };
    }

    /** VmHWM (peak RSS) in MiB; NaN when it cannot be read. */
    static double peakRssMiB(long pid) {
        return statusKb(pid, "VmHWM:") / 1024.0;
    }

    private static double statusKb(long pid, String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        return Double.NaN;
    }

    /** CPU seconds all processes on the machine have used (busy time of /proc/stat's "cpu" line). */
    static double machineBusySeconds() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal ...
            long busy = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                    + Long.parseLong(f[7]) + (f.length > 8 ? Long.parseLong(f[8]) : 0);
            return busy / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    static long self() {
        return ProcessHandle.current().pid();
    }
}
