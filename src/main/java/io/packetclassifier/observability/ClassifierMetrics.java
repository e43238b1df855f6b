package io.packetclassifier.observability;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Singleton;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.packetclassifier.event.RejectReason;
import io.packetclassifier.domain.ClassifiedBatch;
import io.packetclassifier.domain.ClassifiedEvent;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;

/**
 * The service's own meters, recorded once per batch so that the per-event cost stays a couple of map
 * look-ups. Exposed by Micrometer's Prometheus registry at {@code /q/metrics}:
 * <ul>
 * <li>{@code classifier_events_consumed_total}: records polled from {@code raw-events};</li>
 * <li>{@code classifier_events_classified_total{tactic,technique}}: events labelled, per label;</li>
 * <li>{@code classifier_events_dead_lettered_total{reason}}: events set aside, per reason code;</li>
 * <li>{@code classifier_classify_seconds}: the time to parse and classify one polled batch;</li>
 * <li>{@code classifier_csv_rows_written_total} and {@code classifier_csv_write_seconds}: rows appended and
 * the time to append and flush one batch (the two stages run side by side, so the busier one sets the pace);</li>
 * <li>{@code classifier_end_to_end_latency_seconds}: per batch, from the Kafka timestamp of its oldest record
 * to the flush of its rows (the worst latency in the batch).</li>
 * </ul>
 */
@Singleton
public class ClassifierMetrics {

    public static final String CONSUMED = "classifier.events.consumed";
    public static final String CLASSIFIED = "classifier.events.classified";
    public static final String DEAD_LETTERED = "classifier.events.dead.lettered";
    public static final String ROWS_WRITTEN = "classifier.csv.rows.written";
    public static final String CLASSIFY = "classifier.classify";
    public static final String CSV_WRITE = "classifier.csv.write";
    public static final String END_TO_END = "classifier.end.to.end.latency";

    /** Batches classified but not yet written; bounded in case a batch never reaches the sink. */
    private static final int MAX_PENDING = 10_000;

    private final MeterRegistry registry;
    private final RecentEvents recent;
    private final Counter consumed;
    private final Counter rowsWritten;
    private final Timer classify;
    private final Timer csvWrite;
    private final Timer endToEnd;
    private final Map<String, Map<String, Counter>> classified = new ConcurrentHashMap<>();
    private final Map<String, Counter> deadLettered = new ConcurrentHashMap<>();
    private final Map<ClassifiedBatch, Long> oldestTimestamp = Collections.synchronizedMap(new IdentityHashMap<>());

    ClassifierMetrics(MeterRegistry registry, RecentEvents recent) {
        this.registry = registry;
        this.recent = recent;
        this.consumed = Counter.builder(CONSUMED).description("Records polled from raw-events").register(registry);
        this.rowsWritten = Counter.builder(ROWS_WRITTEN).description("Rows appended to the CSV file").register(registry);
        this.classify = Timer.builder(CLASSIFY).description("Time to parse and classify one polled batch")
                .register(registry);
        this.csvWrite = Timer.builder(CSV_WRITE).description("Time to append and flush one batch of rows")
                .register(registry);
        this.endToEnd = Timer.builder(END_TO_END)
                .description("Per batch: from the Kafka timestamp of its oldest record to its rows being flushed")
                .register(registry);
        for (RejectReason reason : RejectReason.values()) {
            deadLetterCounter(reason.code());
        }
    }

    /**
     * After a polled batch is classified, which took {@code classifyNanos}: counts the records and the labels,
     * remembers the oldest timestamp.
     */
    public void batchClassified(KafkaRecordBatch<?, ?> records, ClassifiedBatch batch, long classifyNanos) {
        classify.record(classifyNanos, TimeUnit.NANOSECONDS);
        long oldest = Long.MAX_VALUE;
        // The polled records' own timestamps (the connector attaches them): KafkaRecord.getTimestamp() makes an
        // Instant per call.
        ConsumerRecords<?, ?> polled = records.getMetadata(IncomingKafkaRecordBatchMetadata.class)
                .map(IncomingKafkaRecordBatchMetadata::getRecords).orElse(ConsumerRecords.empty());
        for (ConsumerRecord<?, ?> record : polled) {
            long timestamp = record.timestamp();
            if (timestamp > 0 && timestamp < oldest) {
                oldest = timestamp;
            }
        }
        int count = records.getRecords().size();
        consumed.increment(count);
        countLabels(batch);
        if (oldest != Long.MAX_VALUE) {
            if (oldestTimestamp.size() >= MAX_PENDING) {
                oldestTimestamp.clear();
            }
            oldestTimestamp.put(batch, oldest);
        }
    }

    /** Counts the labels of a batch, one counter increment per distinct (tactic, technique). */
    void countLabels(ClassifiedBatch batch) {
        Map<Counter, long[]> perCounter = new IdentityHashMap<>();
        for (ClassifiedEvent event : batch.events()) {
            perCounter.computeIfAbsent(classifiedCounter(event.tactic(), event.technique()), c -> new long[1])[0]++;
        }
        perCounter.forEach((counter, n) -> counter.increment(n[0]));
    }

    /**
     * After a batch's rows are flushed: {@code writeNanos} is the time the append and flush took. Also keeps
     * the batch's last events for the Dev UI.
     */
    public void batchWritten(ClassifiedBatch batch, long writeNanos) {
        // Latency before the row count: a reader that sees the rows then sees their latency too.
        Long oldest = oldestTimestamp.remove(batch);
        if (oldest != null) {
            endToEnd.record(Math.max(0, System.currentTimeMillis() - oldest), TimeUnit.MILLISECONDS);
        }
        csvWrite.record(writeNanos, TimeUnit.NANOSECONDS);
        recent.written(batch.events());
        rowsWritten.increment(batch.events().size());
    }

    /** One event set aside (dead-letter topic or dropped) for the given reason code, e.g. {@code invalid-json}. */
    public void deadLettered(String reasonCode) {
        deadLettered(reasonCode, 1);
    }

    public void deadLettered(String reasonCode, long events) {
        deadLetterCounter(reasonCode).increment(events);
    }

    // ---- read side, for the Dev UI and tests ----

    public long consumedCount() {
        return (long) consumed.count();
    }

    public long rowsWrittenCount() {
        return (long) rowsWritten.count();
    }

    public long deadLetteredCount() {
        return deadLettered.values().stream().mapToLong(c -> (long) c.count()).sum();
    }

    public Map<String, Long> deadLetteredByReason() {
        Map<String, Long> counts = new TreeMap<>();
        deadLettered.forEach((reason, counter) -> counts.put(reason, (long) counter.count()));
        return counts;
    }

    /** Events classified per tactic, then per technique, sorted. */
    public Map<String, Map<String, Long>> classifiedCounts() {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        classified.forEach((tactic, techniques) -> techniques.forEach((technique, counter) -> counts
                .computeIfAbsent(tactic, t -> new TreeMap<>()).put(technique, (long) counter.count())));
        return counts;
    }

    public Timer csvWriteTimer() {
        return csvWrite;
    }

    public Timer endToEndTimer() {
        return endToEnd;
    }

    private Counter classifiedCounter(String tactic, String technique) {
        String t = tactic == null ? "" : tactic;
        String q = technique == null ? "" : technique;
        Map<String, Counter> byTechnique = classified.get(t);
        Counter counter = byTechnique == null ? null : byTechnique.get(q);
        if (counter != null) {
            return counter;
        }
        return classified.computeIfAbsent(t, k -> new ConcurrentHashMap<>()).computeIfAbsent(q,
                k -> Counter.builder(CLASSIFIED).description("Events labelled, per ATT&CK tactic and technique")
                        .tag("tactic", t).tag("technique", q).register(registry));
    }

    private Counter deadLetterCounter(String reasonCode) {
        String reason = reasonCode == null ? "unknown" : reasonCode;
        return deadLettered.computeIfAbsent(reason, r -> Counter.builder(DEAD_LETTERED)
                .description("Events set aside instead of classified, per reason").tag("reason", r).register(registry));
    }
}
