package io.packetclassifier.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time and peak resident set size of a Linux process, read from {@code /proc}. */
final class ProcStats {

    /** USER_HZ: /proc/<pid>/stat counts CPU time in clock ticks of 1/100 s on Linux. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcStats() {
    }

    /** utime + stime of the process (all its threads), in seconds; NaN when it cannot be read. */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) is in parentheses and may contain spaces: count fields after it.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // f[0] is field 3 (state); utime is field 14, stime field 15.
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * utime + stime of the JIT's compiler threads (HotSpot names them "C1 CompilerThread0", "C2 CompilerThread0",
     * cut to 15 characters by the kernel), in seconds; NaN when it cannot be read. A compiler thread that exits
     * takes its time with it, so over a window this is a lower bound (with 2 cores there is one of each).
     */
    static double compilerCpuSeconds(long pid) {
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            long ticks = 0;
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                } catch (IOException e) {
                    // the thread ended between the listing and the read
                }
            }
            return ticks / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
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
