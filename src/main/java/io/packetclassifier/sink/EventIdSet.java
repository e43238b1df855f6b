package io.packetclassifier.sink;

/**
 * A compact set of UUID event ids (two longs each, open addressing): the rows at the end of the CSV file,
 * checked for every event replayed after a restart. A few hundred thousand ids fit in a few MiB.
 */
final class EventIdSet {

    static final EventIdSet EMPTY = new EventIdSet(0);

    private long[] slots; // pairs: most, least significant bits; (0, 0) marks a free slot
    private int mask;
    private int size;

    EventIdSet(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected * 2) - 1) << 1;
        slots = new long[capacity * 2];
        mask = capacity - 1;
    }

    EventIdSet() {
        this(1024);
    }

    /** Adds a UUID in 8-4-4-4-12 form; anything else is ignored (it cannot be an event id). */
    void add(CharSequence id) {
        if (!isUuid(id)) {
            return;
        }
        long hi = hi(id);
        long lo = lo(id);
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

    boolean contains(String id) {
        if (size == 0 || !isUuid(id)) {
            return false;
        }
        long hi = hi(id);
        long lo = lo(id);
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

    private int index(long hi, long lo) {
        long h = (hi * 0x9E3779B97F4A7C15L) ^ lo;
        return (int) (h ^ (h >>> 29)) & mask;
    }

    static boolean isUuid(CharSequence s) {
        if (s.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : Character.digit(c, 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static long hi(CharSequence id) {
        return hex(id, 0, 8) << 32 | hex(id, 9, 13) << 16 | hex(id, 14, 18);
    }

    private static long lo(CharSequence id) {
        return hex(id, 19, 23) << 48 | hex(id, 24, 36);
    }

    private static long hex(CharSequence s, int from, int to) {
        long value = 0;
        for (int i = from; i < to; i++) {
            value = value << 4 | Character.digit(s.charAt(i), 16);
        }
        return value;
    }
}
