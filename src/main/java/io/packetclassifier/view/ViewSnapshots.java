package io.packetclassifier.view;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What the page shows, at one moment: the figures, the counts of the three windows it offers and the last
 * events. Made at most once per half update interval however many pages are open.
 */
@Singleton
public class ViewSnapshots {

    /** The windows the page offers; "all" is since start. */
    static final Map<String, Duration> WINDOWS = windows();

    @RegisterForReflection
    public record Snapshot(long at, long startedAt, long rulesVersion, ServiceFigures.Figures figures,
            Map<String, WindowCounts> windows, List<ViewEvent> recent) {
    }

    /** {@code families}: events per technique with its sub-techniques (a matrix cell); {@code techniques}: per id. */
    @RegisterForReflection
    public record WindowCounts(long events, long matched, Map<String, Long> techniques, Map<String, Long> families) {

        static WindowCounts of(Counts counts) {
            return new WindowCounts(counts.events(), counts.matched(), counts.techniques(), counts.families());
        }
    }

    private final DetectionHistory history;
    private final ServiceFigures figures;
    private final RuleCoverage coverage;
    private final long reuseMillis;
    private Snapshot last;
    private ScheduledExecutorService streams;

    ViewSnapshots(DetectionHistory history, ServiceFigures figures, RuleCoverage coverage, ViewConfig config) {
        this.history = history;
        this.figures = figures;
        this.coverage = coverage;
        this.reuseMillis = config.streamInterval().toMillis() / 2;
    }

    public synchronized Snapshot current() {
        long now = System.currentTimeMillis();
        if (last == null || now - last.at() >= reuseMillis) {
            Map<String, WindowCounts> windows = new LinkedHashMap<>();
            Duration kept = history.history();
            WINDOWS.forEach((name, window) -> windows.put(name, WindowCounts.of(
                    history.counts(window == null || window.compareTo(kept) <= 0 ? window : kept))));
            last = new Snapshot(now, history.startedAt(), coverage.current().version(), figures.now(now), windows,
                    history.recent());
        }
        return last;
    }

    /**
     * The thread that makes and sends the streamed snapshots: one of its own, so that the page's cost is apart
     * from the pipeline's threads (and named in a thread dump or profile).
     */
    public synchronized ScheduledExecutorService streams() {
        if (streams == null) {
            streams = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "attack-view");
                thread.setDaemon(true);
                return thread;
            });
        }
        return streams;
    }

    @PreDestroy
    synchronized void stop() {
        if (streams != null) {
            streams.shutdownNow();
        }
    }

    private static Map<String, Duration> windows() {
        Map<String, Duration> windows = new LinkedHashMap<>();
        windows.put("PT5M", Duration.ofMinutes(5));
        windows.put("PT1H", Duration.ofHours(1));
        windows.put("all", null);
        return windows;
    }
}
