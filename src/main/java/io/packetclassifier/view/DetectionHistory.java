package io.packetclassifier.view;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.packetclassifier.domain.ClassifiedBatch;
import io.packetclassifier.domain.WrittenBatch;
import io.packetclassifier.sigma.RuleMatch;
import io.quarkus.runtime.Startup;

/**
 * What the view knows of the written events: counts in time buckets and since start, the last events, and
 * the rules that fired. Fed once per written batch, on the writing thread, so the work there is kept to a
 * look-up per event (see {@link BatchTally}) and a short lock.
 */
@Startup // created with the service, not at the first batch or page: "since start" is the service's start
@Singleton
public class DetectionHistory {

    private static final Logger LOG = Logger.getLogger(DetectionHistory.class);

    private final boolean enabled;
    private final LongSupplier clock;
    private final CountHistory counts;
    private final LastEvents last = new LastEvents();
    private final Map<String, RuleMatch> firedRules = new HashMap<>();
    private final long startedAt;

    @Inject
    DetectionHistory(ViewConfig config) {
        this(config.enabled(), config.history(), System::currentTimeMillis);
    }

    DetectionHistory(boolean enabled, Duration history, LongSupplier clock) {
        this.enabled = enabled;
        this.clock = clock;
        this.counts = new CountHistory(history);
        this.startedAt = clock.getAsLong();
    }

    void written(@Observes WrittenBatch written) {
        ClassifiedBatch batch = written.batch();
        if (!enabled || batch.events().isEmpty()) {
            return;
        }
        try {
            record(BatchTally.of(batch.events()));
        } catch (RuntimeException e) {
            // the writer's thread called us: the view must never fail a written batch
            LOG.warnf(e, "The ATT&CK view could not count a batch of %d events", batch.events().size());
        }
    }

    void record(BatchTally tally) {
        Map<String, Long> batchCounts = tally.counts();
        long now = clock.getAsLong();
        synchronized (this) {
            counts.add(now, batchCounts);
            last.add(tally, now);
            for (BatchTally.Group group : tally.groups()) {
                for (RuleMatch rule : group.rules) {
                    firedRules.put(rule.id(), rule);
                }
            }
        }
    }

    /** The counts of the last {@code window} (null: since start); see {@link CountHistory#sum}. */
    public synchronized Counts counts(Duration window) {
        return counts.sum(clock.getAsLong(), window);
    }

    public Duration history() {
        return counts.history();
    }

    public synchronized List<ViewEvent> recent() {
        return last.recent();
    }

    /** The last events of a technique, newest first; {@code family}: its sub-techniques' too. */
    public synchronized List<ViewEvent> lastEvents(String techniqueId, boolean family) {
        return last.of(techniqueId, family);
    }

    /** A rule that fired since start, as its last rule set described it. */
    public synchronized ViewEvent.Match firedRule(String id) {
        RuleMatch rule = firedRules.get(id);
        return rule == null ? null : ViewEvent.Match.of(rule);
    }

    public long startedAt() {
        return startedAt;
    }
}
