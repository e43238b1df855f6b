package io.packetclassifier.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How many events of a batch got one label. */
public record LabelCount(String tactic, String technique, int events) {

    /** The labels of {@code events} with their counts, grouped by tactic, each in the order first seen. */
    public static List<LabelCount> of(List<ClassifiedEvent> events) {
        Map<String, Map<String, int[]>> byTactic = new LinkedHashMap<>();
        for (ClassifiedEvent event : events) {
            byTactic.computeIfAbsent(event.tactic(), tactic -> new LinkedHashMap<>())
                    .computeIfAbsent(event.technique(), technique -> new int[1])[0]++;
        }
        List<LabelCount> labels = new ArrayList<>();
        byTactic.forEach((tactic, techniques) -> techniques
                .forEach((technique, count) -> labels.add(new LabelCount(tactic, technique, count[0]))));
        return labels;
    }
}
