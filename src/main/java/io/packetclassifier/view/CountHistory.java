package io.packetclassifier.view;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counters by key in fixed time buckets (a ring covering {@code history}), plus totals since start. Memory
 * grows with the number of distinct keys (techniques and rules, bounded by the rule sets loaded), never with
 * the events. Not thread-safe: {@link DetectionHistory} guards it.
 */
final class CountHistory {

    static final Duration BUCKET = Duration.ofSeconds(10);

    private final long bucketMillis;
    private final long[] bucketNumber; // which bucket (time / width) each slot holds now
    private final long[][] slots;
    private long[] total = new long[16];
    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> keys = new ArrayList<>();

    CountHistory(Duration history) {
        this.bucketMillis = BUCKET.toMillis();
        int buckets = (int) Math.max(1, (history.toMillis() + bucketMillis - 1) / bucketMillis);
        this.bucketNumber = new long[buckets];
        Arrays.fill(bucketNumber, -1);
        this.slots = new long[buckets][];
    }

    /** The longest window {@link #sum} answers. */
    Duration history() {
        return BUCKET.multipliedBy(slots.length);
    }

    void add(long nowMillis, Map<String, Long> counts) {
        long bucket = nowMillis / bucketMillis;
        int slot = (int) (bucket % slots.length);
        if (bucketNumber[slot] != bucket) {
            bucketNumber[slot] = bucket;
            if (slots[slot] != null) {
                Arrays.fill(slots[slot], 0);
            }
        }
        for (Map.Entry<String, Long> count : counts.entrySet()) {
            int i = index(count.getKey());
            if (slots[slot] == null || slots[slot].length <= i) {
                slots[slot] = Arrays.copyOf(slots[slot] == null ? new long[0] : slots[slot], keys.size() + 16);
            }
            slots[slot][i] += count.getValue();
            total[i] += count.getValue();
        }
    }

    /**
     * The counts of the last {@code window}, in whole buckets (the current one included, so up to a bucket
     * less than asked); null for since start. The window must not exceed {@link #history()}.
     */
    Counts sum(long nowMillis, Duration window) {
        String[] names = keys.toArray(String[]::new);
        if (window == null) {
            return Counts.of(names, Arrays.copyOf(total, names.length));
        }
        long buckets = buckets(window);
        if (buckets > slots.length) {
            throw new IllegalArgumentException("window " + window + " is longer than the history kept, " + history());
        }
        long current = nowMillis / bucketMillis;
        long[] sums = new long[names.length];
        for (int slot = 0; slot < slots.length; slot++) {
            long age = current - bucketNumber[slot];
            if (slots[slot] != null && age >= 0 && age < buckets) {
                long[] counts = slots[slot];
                for (int i = 0; i < Math.min(counts.length, sums.length); i++) {
                    sums[i] += counts[i];
                }
            }
        }
        return Counts.of(names, sums);
    }

    /** Buckets a window spans, rounded up. */
    static long buckets(Duration window) {
        long millis = window.toMillis();
        long width = BUCKET.toMillis();
        return (millis + width - 1) / width;
    }

    private int index(String key) {
        Integer i = index.get(key);
        if (i == null) {
            i = keys.size();
            keys.add(key);
            index.put(key, i);
            if (total.length <= i) {
                total = Arrays.copyOf(total, i * 2);
            }
        }
        return i;
    }
}
