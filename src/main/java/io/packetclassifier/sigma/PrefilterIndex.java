package io.packetclassifier.sigma;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which rules an event can match: the rules of the logsource category its {@code event_type} maps to (with
 * the category-less ones), and of those only the rules one of whose literals occurs in the event (one
 * Aho–Corasick pass per field) or that have no such literal. Turned off, every rule of the category is a
 * candidate.
 */
final class PrefilterIndex {

    private final Map<String, String> categories;
    private final Map<String, Group> groups = new HashMap<>();
    private final Group uncategorised;

    /**
     * The candidate rules of one category, in rule order, and their prefilter.
     *
     * @param alwaysCandidates bit i set: rule i has no literal and is evaluated on every event
     * @param filteredFields the fields that have an automaton, by field id
     */
    record Group(LoadedRule[] rules, long[] alwaysCandidates, int[] filteredFields, AhoCorasick[] automata) {

        /** Bit i set: rule i may match the event. */
        long[] candidates(EventView view) {
            long[] bits = alwaysCandidates.clone();
            for (int f = 0; f < filteredFields.length; f++) {
                String value = view.lower(filteredFields[f]);
                if (value != null) {
                    automata[f].scan(value, bits);
                }
            }
            return bits;
        }
    }

    /** {@code categories}: event_type → logsource category. */
    PrefilterIndex(List<LoadedRule> rules, Map<String, String> categories, boolean enabled) {
        this.categories = Map.copyOf(categories);
        Map<String, List<LoadedRule>> byCategory = new LinkedHashMap<>();
        List<LoadedRule> everywhere = new ArrayList<>();
        for (LoadedRule rule : rules) {
            String category = rule.compiled().category();
            if (category == null) {
                everywhere.add(rule);
            } else {
                byCategory.computeIfAbsent(category, c -> new ArrayList<>()).add(rule);
            }
        }
        byCategory.forEach((category, list) -> {
            List<LoadedRule> merged = new ArrayList<>(list);
            merged.addAll(everywhere);
            merged.sort(Comparator.comparingInt(LoadedRule::index));
            groups.put(category, group(merged, enabled));
        });
        this.uncategorised = group(everywhere, enabled);
    }

    /** The rules an event of this type can match; null: only the category-less ones. */
    Group group(String eventType) {
        String category = eventType == null ? null : categories.get(eventType); // Map.copyOf: get(null) throws
        return category == null ? uncategorised : groups.getOrDefault(category, uncategorised);
    }

    private static Group group(List<LoadedRule> rules, boolean enabled) {
        LoadedRule[] array = rules.toArray(LoadedRule[]::new);
        long[] always = new long[(array.length + 63) / 64];
        Map<Integer, Map<String, Set<Integer>>> literalsByField = new TreeMap<>();
        for (int i = 0; i < array.length; i++) {
            Set<Condition.FieldLiteral> literals = enabled ? array[i].compiled().condition().literals() : null;
            if (literals == null) {
                always[i >>> 6] |= 1L << i;
                continue;
            }
            for (Condition.FieldLiteral literal : literals) {
                literalsByField.computeIfAbsent(literal.field(), f -> new HashMap<>())
                        .computeIfAbsent(literal.literal(), l -> new LinkedHashSet<>()).add(i);
            }
        }
        int[] fields = new int[literalsByField.size()];
        AhoCorasick[] automata = new AhoCorasick[literalsByField.size()];
        int k = 0;
        for (Map.Entry<Integer, Map<String, Set<Integer>>> entry : literalsByField.entrySet()) {
            Map<String, int[]> needles = new HashMap<>();
            entry.getValue().forEach((literal, ruleIndexes) ->
                    needles.put(literal, ruleIndexes.stream().mapToInt(Integer::intValue).toArray()));
            fields[k] = entry.getKey();
            automata[k++] = new AhoCorasick(needles);
        }
        return new Group(array, always, fields, automata);
    }
}
