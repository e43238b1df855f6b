package io.packetclassifier.observability;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.packetclassifier.domain.ClassifiedBatch;
import io.packetclassifier.domain.LabelCount;
import io.packetclassifier.domain.RejectedRecord;
import io.packetclassifier.domain.WrittenBatch;
import io.packetclassifier.event.RejectReason;
import io.quarkus.runtime.Startup;

/**
 * The service's own meters, recorded once per written batch from what the batch carries, so that the per-event
 * cost stays nil. Exposed by Micrometer's Prometheus registry at {@code /q/metrics}:
 * <ul>
 * <li>{@code classifier_events_consumed_total}: records polled from {@code raw-events};</li>
 * <li>{@code classifier_events_classified_total{tactic,technique}}: events labelled, per label;</li>
 * <li>{@code classifier_events_dead_lettered_total{reason}}: records set aside on the dead-letter topic, per
 * reason code;</li>
 * <li>{@code classifier_classify_seconds}: the time to parse and classify one polled batch;</li>
 * <li>{@code classifier_csv_rows_written_total} and {@code classifier_csv_write_seconds}: rows appended and
 * the time to write one batch to its outputs (the two stages run side by side, so the busier one sets the pace);</li>
 * <li>{@code classifier_end_to_end_latency_seconds}: per batch, from the Kafka timestamp of its oldest record
 * to the end of its write (the worst latency in the batch).</li>
 * </ul>
 * A batch is counted once it is written, so a batch written again after a failed attempt counts once.
 */
@Startup // created with the service, not at the first written batch: every series is there from the start
@Singleton
public class ClassifierMetrics {

    private static final String CONSUMED = "classifier.events.consumed";
    private static final String CLASSIFIED = "classifier.events.classified";
    private static final String DEAD_LETTERED = "classifier.events.dead.lettered";
    private static final String ROWS_WRITTEN = "classifier.csv.rows.written";
    private static final String CLASSIFY = "classifier.classify";
    private static final String CSV_WRITE = "classifier.csv.write";
    private static final String END_TO_END = "classifier.end.to.end.latency";

    private final MeterRegistry registry;
    private final Counter consumed;
    private final Counter rowsWritten;
    private final Timer classify;
    private final Timer csvWrite;
    private final Timer endToEnd;
    private final Map<String, Map<String, Counter>> classified = new ConcurrentHashMap<>();
    private final Map<String, Counter> deadLettered = new ConcurrentHashMap<>();

    ClassifierMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.consumed = Counter.builder(CONSUMED).description("Records polled from raw-events").register(registry);
        this.rowsWritten = Counter.builder(ROWS_WRITTEN).description("Rows appended to the CSV file").register(registry);
        this.classify = Timer.builder(CLASSIFY).description("Time to parse and classify one polled batch")
                .register(registry);
        this.csvWrite = Timer.builder(CSV_WRITE).description("Time to write one batch to the CSV file and the topics")
                .register(registry);
        this.endToEnd = Timer.builder(END_TO_END)
                .description("Per batch: from the Kafka timestamp of its oldest record to the end of its write")
                .register(registry);
        for (RejectReason reason : RejectReason.values()) {
            deadLetterCounter(reason.code());
        }
    }

    void batchWritten(@Observes WrittenBatch written) {
        ClassifiedBatch batch = written.batch();
        // Latency before the row count: a reader that sees the rows then sees their latency too.
        if (batch.oldestTimestamp() > 0) {
            endToEnd.record(Math.max(0, System.currentTimeMillis() - batch.oldestTimestamp()), TimeUnit.MILLISECONDS);
        }
        classify.record(batch.classifyNanos(), TimeUnit.NANOSECONDS);
        csvWrite.record(written.writeNanos(), TimeUnit.NANOSECONDS);
        consumed.increment(batch.records());
        for (LabelCount label : batch.labels()) {
            classifiedCounter(label.tactic(), label.technique()).increment(label.events());
        }
        for (RejectedRecord record : batch.rejected()) {
            deadLetterCounter(record.reason()).increment();
        }
        rowsWritten.increment(batch.events().size());
    }

    // ---- read side, for a page that shows the service's figures ----

    public long consumedCount() {
        return (long) consumed.count();
    }

    public long rowsWrittenCount() {
        return (long) rowsWritten.count();
    }

    /** Records dead-lettered so far, per reason code, sorted. */
    public Map<String, Long> deadLetteredByReason() {
        Map<String, Long> counts = new TreeMap<>();
        deadLettered.forEach((reason, counter) -> counts.put(reason, (long) counter.count()));
        return counts;
    }

    private Counter classifiedCounter(String tactic, String technique) {
        String t = tactic == null ? "" : tactic;
        String q = technique == null ? "" : technique;
        return classified.computeIfAbsent(t, k -> new ConcurrentHashMap<>()).computeIfAbsent(q,
                k -> Counter.builder(CLASSIFIED).description("Events labelled, per ATT&CK tactic and technique")
                        .tag("tactic", t).tag("technique", q).register(registry));
    }

    private Counter deadLetterCounter(String reasonCode) {
        String reason = reasonCode == null ? "unknown" : reasonCode;
        return deadLettered.computeIfAbsent(reason, r -> Counter.builder(DEAD_LETTERED)
                .description("Records set aside on the dead-letter topic, per reason").tag("reason", r)
                .register(registry));
    }
}
