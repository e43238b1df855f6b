package io.packetclassifier.domain;

import java.util.List;

/** The outcome of one polled batch of records, each list in partition order. */
public record ClassifiedBatch(List<ClassifiedEvent> events, List<RejectedRecord> rejected) {
}
