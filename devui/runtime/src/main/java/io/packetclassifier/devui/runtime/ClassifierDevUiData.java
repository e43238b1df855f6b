package io.packetclassifier.devui.runtime;

import java.util.List;

/**
 * What the classifier's Dev UI card shows, provided by the service as one CDI bean implementing this interface.
 * The values are returned to the browser as JSON (records of the service), so the card needs no copy of the
 * service's types; calls are plain reads and cheap enough to poll every second or two.
 */
public interface ClassifierDevUiData {

    /**
     * Counts since start-up: consumed, written, dead-lettered (and per reason), per tactic and per technique;
     * rules loaded and unsupported; the generator. The dashboard page reads {@code consumed}, {@code written},
     * {@code deadLettered}, {@code deadLetteredByReason}, {@code rulesLoaded}, {@code rulesUnsupported},
     * {@code perTactic}, {@code perTechnique} and {@code generator.running}/{@code .rate} from its JSON; the
     * badge uses {@link #written()} and {@link #deadLettered()} instead, two counter reads.
     */
    Object summary();

    /** The last events written, newest first, with their labels. */
    List<?> recentEvents();

    /** Starts the sample-event generator at {@code rate} events/s (its current rate when not positive), or stops it. */
    Object generator(boolean on, double rate);

    /** Events written since start-up, for the card's badge. */
    long written();

    /** Events dead-lettered since start-up, for the card's badge. */
    long deadLettered();
}
