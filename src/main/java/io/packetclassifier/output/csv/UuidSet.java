package io.packetclassifier.output.csv;

import java.util.Arrays;

import io.packetclassifier.event.Uuid;

/**
 * A compact set of UUIDs, each kept as its 128 bits (two longs, open addressing): a few hundred thousand fit in
 * a few MiB, and a look-up makes no object.
 */
final class UuidSet {

    static final UuidSet EMPTY = new UuidSet(0);

    private long[] slots; // pairs: most, least significant bits; (0, 0) marks a free slot
    private int mask;
    private int size;

    UuidSet(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected * 2) - 1) << 1;
        slots = new long[capacity * 2];
        mask = capacity - 1;
    }

    UuidSet() {
        this(1024);
    }

    /** Adds a UUID in 8-4-4-4-12 form; anything else is ignored (it cannot be an event id). */
    void add(CharSequence id) {
        long[] bits = new long[2];
        if (Uuid.parse(id, bits)) {
            add(bits[0], bits[1]);
        }
    }

    /** Adds the id whose 128 bits are {@code hi}, {@code lo} (see {@link Uuid#parse}). */
    void add(long hi, long lo) {
        if ((hi | lo) == 0) {
            return; // the all-zero id marks free slots; no event has it
        }
        int slot = index(hi, lo);
        while (slots[slot * 2] != 0 || slots[slot * 2 + 1] != 0) {
            if (slots[slot * 2] == hi && slots[slot * 2 + 1] == lo) {
                return;
            }
            slot = (slot + 1) & mask;
        }
        slots[slot * 2] = hi;
        slots[slot * 2 + 1] = lo;
        if (++size * 2 > mask + 1) {
            grow();
        }
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        mask = mask * 2 + 1;
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != 0 || old[i + 1] != 0) {
                int slot = index(old[i], old[i + 1]);
                while (slots[slot * 2] != 0 || slots[slot * 2 + 1] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot * 2] = old[i];
                slots[slot * 2 + 1] = old[i + 1];
            }
        }
    }

    boolean contains(long hi, long lo) {
        if (size == 0) {
            return false;
        }
        int slot = index(hi, lo);
        while (slots[slot * 2] != 0 || slots[slot * 2 + 1] != 0) {
            if (slots[slot * 2] == hi && slots[slot * 2 + 1] == lo) {
                return true;
            }
            slot = (slot + 1) & mask;
        }
        return false;
    }

    int size() {
        return size;
    }

    /** Empties the set, keeping its capacity. */
    void clear() {
        Arrays.fill(slots, 0L);
        size = 0;
    }

    private int index(long hi, long lo) {
        long h = (hi * 0x9E3779B97F4A7C15L) ^ lo;
        return (int) (h ^ (h >>> 29)) & mask;
    }
}
