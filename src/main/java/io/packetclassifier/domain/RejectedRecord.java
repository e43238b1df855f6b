package io.packetclassifier.domain;

import io.opentelemetry.api.trace.SpanContext;

/**
 * A record that is not a valid event: it goes to the dead-letter topic with the reason. {@code trace} is its
 * {@code consume_event} span, for the trace ids of the line that reports it.
 */
public record RejectedRecord(String topic, int partition, long offset, byte[] key, byte[] value, String reason,
        String message, SpanContext trace) {
}
