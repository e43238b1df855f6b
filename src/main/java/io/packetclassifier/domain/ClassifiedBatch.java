package io.packetclassifier.domain;

import java.util.List;

/**
 * One polled batch of {@code raw-events} records, classified: its events and its rejected records, each list in
 * partition order, and what the metrics report of it.
 *
 * @param oldestTimestamp the Kafka timestamp of its oldest record, in ms since the epoch; 0 when none has one
 * @param labels how many of its events got each label
 * @param classifyNanos how long parsing and classifying it took
 */
public record ClassifiedBatch(List<ClassifiedEvent> events, List<RejectedRecord> rejected, long oldestTimestamp,
        List<LabelCount> labels, long classifyNanos) {

    /** The in-memory channel that takes classified batches from the classifier to the writer. */
    public static final String CHANNEL = "classified";

    /** The records polled: every one became an event or a rejected record. */
    public int records() {
        return events.size() + rejected.size();
    }
}
