package io.packetclassifier.tracing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "classifier.tracing")
public interface TracingConfig {

    /**
     * The share of events without a {@code traceparent} header whose spans are recorded (0 to 1), decided
     * per event from a hash of its id, at run time. Events with the header follow the producer's decision.
     * OpenTelemetry's {@code traceidratio} cannot do this for ids made from a UUID (see README, Traces).
     */
    @WithDefault("1.0")
    double sampleRatio();
}
