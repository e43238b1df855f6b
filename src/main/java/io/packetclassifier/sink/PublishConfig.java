package io.packetclassifier.sink;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "classifier.publish")
public interface PublishConfig {

    /** Publish every classified event, with all its rule matches, as JSON to {@link #topic()}. */
    @WithDefault("true")
    boolean enabled();

    @WithDefault("classified-events")
    String topic();

    /**
     * Kafka's {@code compression.type} for {@link #topic()}: {@code lz4} by default (the documents shrink about
     * fourfold, and the broker on the same cores does less; +10 to +22% under load, BENCHMARKS.md), {@code none}
     * for consumers without an LZ4 codec (kafka-python without its {@code lz4} package).
     */
    @WithDefault("lz4")
    String compression();
}
