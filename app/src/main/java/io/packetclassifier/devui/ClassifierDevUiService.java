package io.packetclassifier.devui;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.packetclassifier.devui.runtime.ClassifierDevUiData;
import io.packetclassifier.generator.EventGenerator;
import io.packetclassifier.observability.ClassifierMetrics;
import io.packetclassifier.observability.RecentEvents;
import io.packetclassifier.rules.ActiveRules;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What the classifier's Dev UI card shows (the extension in {@code devui/}): its JSON-RPC methods
 * {@code packet-classifier-devui_getSummary}, {@code _getRecentEvents} and {@code _setGenerator} forward here.
 * Plain reads of the meters and the generator, so it is cheap to poll.
 */
@ApplicationScoped
public class ClassifierDevUiService implements ClassifierDevUiData {

    @RegisterForReflection
    public record Generator(boolean running, double rate) {
    }

    @RegisterForReflection
    public record Summary(long consumed, long written, long deadLettered, Map<String, Long> deadLetteredByReason,
            Map<String, Long> perTactic, Map<String, Map<String, Long>> perTechnique, int rulesLoaded,
            int rulesUnsupported, Generator generator) {
    }

    private final ClassifierMetrics metrics;
    private final RecentEvents recent;
    private final ActiveRules rules;
    private final EventGenerator generator;

    ClassifierDevUiService(ClassifierMetrics metrics, RecentEvents recent, ActiveRules rules, EventGenerator generator) {
        this.metrics = metrics;
        this.recent = recent;
        this.rules = rules;
        this.generator = generator;
    }

    /** Counts since start-up: consumed, written, dead-lettered, per tactic and technique; rules; generator. */
    @Override
    public Summary summary() {
        Map<String, Map<String, Long>> perTechnique = metrics.classifiedCounts();
        Map<String, Long> perTactic = new TreeMap<>();
        perTechnique.forEach((tactic, techniques) -> perTactic.put(tactic,
                techniques.values().stream().mapToLong(Long::longValue).sum()));
        return new Summary(metrics.consumedCount(), metrics.rowsWrittenCount(), metrics.deadLetteredCount(),
                metrics.deadLetteredByReason(), perTactic, perTechnique, rules.size(), rules.unsupported(), generator());
    }

    /** The last events written, newest first, with their labels. */
    @Override
    public List<RecentEvents.Entry> recentEvents() {
        return recent.newestFirst(RecentEvents.CAPACITY);
    }

    /** Starts the sample-event generator at {@code rate} events/s (the current rate when not positive), or stops it. */
    @Override
    public Generator generator(boolean on, double rate) {
        if (on) {
            generator.start(rate > 0 ? rate : generator.rate());
        } else {
            generator.stop();
        }
        return generator();
    }

    private Generator generator() {
        return new Generator(generator.running(), generator.rate());
    }

    @Override
    public long written() {
        return metrics.rowsWrittenCount();
    }

    @Override
    public long deadLettered() {
        return metrics.deadLetteredCount();
    }
}
