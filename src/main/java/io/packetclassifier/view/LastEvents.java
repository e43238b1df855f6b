package io.packetclassifier.view;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.packetclassifier.domain.ClassifiedEvent;

/**
 * The last events written, and the last few of each technique family, newest first. Bounded: {@value #RECENT}
 * events, and {@value #PER_FAMILY} per family (the families are those the rules name). The writing thread only
 * keeps references; they become {@link ViewEvent}s when read. Not thread-safe: {@link DetectionHistory} guards it.
 */
final class LastEvents {

    static final int RECENT = 50;
    static final int PER_FAMILY = 10;

    private record Written(ClassifiedEvent event, long at) {

        ViewEvent view() {
            return ViewEvent.of(event, at);
        }
    }

    private final ArrayDeque<Written> recent = new ArrayDeque<>(RECENT);
    private final Map<String, ArrayDeque<Written>> byFamily = new HashMap<>();

    void add(BatchTally tally, long writtenAt) {
        List<ClassifiedEvent> events = tally.events();
        for (int i = Math.max(0, events.size() - RECENT); i < events.size(); i++) {
            push(recent, new Written(events.get(i), writtenAt), RECENT);
        }
        // per family, the last sampled events of the groups that name it
        Map<String, TreeSet<Integer>> samples = new HashMap<>();
        for (BatchTally.Group group : tally.groups()) {
            int[] last = group.lastIndexes();
            for (String technique : group.techniques) {
                TreeSet<Integer> indexes = samples.computeIfAbsent(Counts.parentOf(technique), f -> new TreeSet<>());
                for (int index : last) {
                    indexes.add(index);
                }
            }
        }
        samples.forEach((family, indexes) -> {
            ArrayDeque<Written> kept = byFamily.computeIfAbsent(family, f -> new ArrayDeque<>(PER_FAMILY));
            Iterator<Integer> newest = indexes.descendingIterator();
            List<Integer> chosen = new ArrayList<>(PER_FAMILY);
            while (newest.hasNext() && chosen.size() < PER_FAMILY) {
                chosen.add(newest.next());
            }
            for (int i = chosen.size() - 1; i >= 0; i--) {
                push(kept, new Written(events.get(chosen.get(i)), writtenAt), PER_FAMILY);
            }
        });
    }

    private static void push(ArrayDeque<Written> deque, Written event, int capacity) {
        if (deque.size() == capacity) {
            deque.removeLast();
        }
        deque.addFirst(event);
    }

    List<ViewEvent> recent() {
        return recent.stream().map(Written::view).toList();
    }

    /** The last events of a technique: for a family id its own and its sub-techniques'. */
    List<ViewEvent> of(String techniqueId, boolean family) {
        ArrayDeque<Written> kept = byFamily.get(Counts.parentOf(techniqueId));
        if (kept == null) {
            return List.of();
        }
        return kept.stream().map(Written::view).filter(e -> e.tagged(techniqueId, family)).toList();
    }
}
