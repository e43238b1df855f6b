package io.packetclassifier.domain;

/**
 * A CDI event fired once a batch is written (its rows flushed to the file, its documents and dead letters
 * acknowledged by the broker) and before its offsets are committed, on the writing thread: observers learn of
 * every batch once, in order, and should be quick.
 *
 * @param writeNanos how long the attempt that wrote it took (failed attempts before it are not counted)
 */
public record WrittenBatch(ClassifiedBatch batch, long writeNanos) {
}
