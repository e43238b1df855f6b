package io.packetclassifier.sigma;

import java.util.Arrays;

/**
 * The fields rules look at, read from the event at most once each and lower-cased at most once each. One
 * per thread and rule set; {@link #reset} starts the next event without clearing arrays.
 */
final class EventView {

    private final String[] names;
    private final String[] raw;
    private final String[] lower;
    private final int[] rawStamp;
    private final int[] lowerStamp;
    private int generation;
    private FieldSource source;

    EventView(String[] names) {
        this.names = names;
        this.raw = new String[names.length];
        this.lower = new String[names.length];
        this.rawStamp = new int[names.length];
        this.lowerStamp = new int[names.length];
    }

    void reset(FieldSource event) {
        source = event;
        if (++generation == 0) {
            Arrays.fill(rawStamp, 0);
            Arrays.fill(lowerStamp, 0);
            generation = 1;
        }
    }

    String raw(int field) {
        if (rawStamp[field] != generation) {
            raw[field] = source.get(names[field]);
            rawStamp[field] = generation;
        }
        return raw[field];
    }

    String lower(int field) {
        if (lowerStamp[field] != generation) {
            String value = raw(field);
            lower[field] = value == null ? null : CaseFolding.lower(value);
            lowerStamp[field] = generation;
        }
        return lower[field];
    }
}
