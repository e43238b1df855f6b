package io.packetclassifier.view;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The live ATT&CK page at {@code /} and the Navigator layers under {@code /attack}. */
@ConfigMapping(prefix = "classifier.view")
public interface ViewConfig {

    /**
     * Serve the page, its JSON and event stream and both layers, and count detections for them; false answers
     * 404 for all of them and counts nothing.
     */
    @WithDefault("true")
    boolean enabled();

    /** How often the page's event stream sends the figures (at least 200 ms: a few updates per second at most). */
    @WithDefault("PT0.5S")
    Duration updateInterval();

    /** {@link #updateInterval()}, raised to 200 ms if set lower. */
    default Duration streamInterval() {
        Duration floor = Duration.ofMillis(200);
        return updateInterval().compareTo(floor) < 0 ? floor : updateInterval();
    }

    /**
     * How far back the windowed counts reach (in buckets of ten seconds): the longest {@code window} a layer
     * may ask for. Memory grows with it, not with the events.
     */
    @WithDefault("PT1H")
    Duration history();
}
