package io.packetclassifier.pipeline;

/** A record that is not a valid event: it goes to the dead-letter topic with the reason. */
public record RejectedRecord(String topic, int partition, long offset, byte[] key, byte[] value, String reason,
        String message) {
}
