package io.packetclassifier.generator;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "classifier.generator")
public interface GeneratorConfig {

    /** Publish sample events at start-up (on in dev mode, off otherwise). */
    @WithDefault("false")
    boolean enabled();

    /** Events per second. */
    @WithDefault("5")
    double rate();

    @WithDefault("raw-events")
    String topic();
}
