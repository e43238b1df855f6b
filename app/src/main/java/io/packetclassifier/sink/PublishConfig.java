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
}
