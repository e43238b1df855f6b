package io.packetclassifier.output.publish;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The {@code classified-events} output: every classified event as a JSON document. */
@ConfigMapping(prefix = "classifier.publish")
public interface PublishConfig {

    /** Publish every classified event, with all its rule matches, as JSON to {@link #topic()}. */
    @WithDefault("true")
    boolean enabled();

    /** The topic the documents are published to. */
    @WithDefault("classified-events")
    String topic();

    /**
     * Kafka's {@code compression.type} for {@link #topic()}: {@code lz4} by default (the documents compress well,
     * so the broker, often on the same machine, has less to write), {@code none} for consumers without an LZ4
     * codec (kafka-python without its {@code lz4} package).
     */
    @WithDefault("lz4")
    String compression();
}
