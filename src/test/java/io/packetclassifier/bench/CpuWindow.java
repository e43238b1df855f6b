package io.packetclassifier.bench;

import java.util.Map;

/**
 * The CPU a run used from {@link #start()} to {@link #end()}: its JVM's, in all and by kind of thread, the
 * harness's (broker included), and what other processes on the machine used meanwhile.
 */
final class CpuWindow {

    /** What the window measured; {@code others} is the machine's busy time less the run's and the harness's. */
    record Used(double cpu, Map<String, Double> threads, double harness, double others, double rssMiB) {

        /** The part of {@code cpu} the JIT's compiler threads used; NaN when the threads could not be read. */
        double jit() {
            return threads.getOrDefault(ProcStats.JIT, Double.NaN);
        }
    }

    private record Snapshot(double cpu, Map<String, Double> threads, double harness, double machine) {
    }

    private final long pid;
    private volatile Snapshot start = new Snapshot(Double.NaN, Map.of(), Double.NaN, Double.NaN);

    CpuWindow(long pid) {
        this.pid = pid;
    }

    void start() {
        start = new Snapshot(ProcStats.cpuSeconds(pid), ProcStats.threadCpuSeconds(pid),
                ProcStats.cpuSeconds(ProcStats.self()), ProcStats.machineBusySeconds());
    }

    Used end() {
        Snapshot from = start;
        double cpu = ProcStats.cpuSeconds(pid) - from.cpu();
        Map<String, Double> threads = ProcStats.minus(ProcStats.threadCpuSeconds(pid), from.threads());
        double harness = ProcStats.cpuSeconds(ProcStats.self()) - from.harness();
        double others = ProcStats.machineBusySeconds() - from.machine() - cpu - harness;
        return new Used(cpu, threads, harness, others, ProcStats.peakRssMiB(pid));
    }
}
