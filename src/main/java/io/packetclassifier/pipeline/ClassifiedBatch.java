package io.packetclassifier.pipeline;

import java.util.List;

/** The classified events of one polled batch of records, in partition order. */
public record ClassifiedBatch(List<ClassifiedEvent> events) {
}
