package io.packetclassifier.view;

import java.util.Map;
import java.util.TreeMap;

/**
 * Detection counts over a window, read back from {@link CountHistory}'s keys: events written, events with at
 * least one match, events per technique id (exactly that id), per family (a technique with its sub-techniques:
 * an event counts once for it), and per rule id.
 */
record Counts(long events, long matched, Map<String, Long> techniques, Map<String, Long> families,
        Map<String, Long> rules) {

    static final String EVENTS = "events";
    static final String MATCHED = "matched";
    private static final String TECHNIQUE = "t:";
    private static final String FAMILY = "f:";
    private static final String RULE = "r:";

    static String technique(String id) {
        return TECHNIQUE + id;
    }

    static String family(String parentId) {
        return FAMILY + parentId;
    }

    static String rule(String id) {
        return RULE + id;
    }

    /** {@code T1059} for {@code T1059.001}. */
    static String parentOf(String techniqueId) {
        int dot = techniqueId.indexOf('.');
        return dot < 0 ? techniqueId : techniqueId.substring(0, dot);
    }

    /** The non-zero sums of {@code keys}' counters. */
    static Counts of(String[] keys, long[] sums) {
        long events = 0;
        long matched = 0;
        Map<String, Long> techniques = new TreeMap<>();
        Map<String, Long> families = new TreeMap<>();
        Map<String, Long> rules = new TreeMap<>();
        for (int i = 0; i < keys.length; i++) {
            long n = sums[i];
            String key = keys[i];
            if (n == 0) {
                continue;
            }
            if (key.equals(EVENTS)) {
                events = n;
            } else if (key.equals(MATCHED)) {
                matched = n;
            } else if (key.startsWith(TECHNIQUE)) {
                techniques.put(key.substring(TECHNIQUE.length()), n);
            } else if (key.startsWith(FAMILY)) {
                families.put(key.substring(FAMILY.length()), n);
            } else if (key.startsWith(RULE)) {
                rules.put(key.substring(RULE.length()), n);
            }
        }
        return new Counts(events, matched, techniques, families, rules);
    }
}
