package io.packetclassifier.view;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.packetclassifier.domain.ClassifiedEvent;
import io.packetclassifier.sigma.RuleMatch;

/**
 * The detections of one written batch. Per event it costs one look-up: events are grouped by the rules they
 * matched (by identity: a rule set hands the same {@link RuleMatch} objects to all its events), and only each
 * group, once per batch, is turned into techniques and rules. An event counts once for a technique however
 * many of its rules name it.
 */
final class BatchTally {

    /** The last events of each group kept as samples: the page shows a technique's last few. */
    static final int SAMPLES_PER_GROUP = 5;

    /** Events that matched the same rules, and the positions of the last few in the batch. */
    static final class Group {
        final List<RuleMatch> rules;
        /** The group's distinct technique ids (upper case, as the tag mapping makes them), in rule order. */
        final Set<String> techniques;
        long events;
        final int[] last = new int[SAMPLES_PER_GROUP];

        Group(List<RuleMatch> rules) {
            this.rules = rules;
            this.techniques = new LinkedHashSet<>();
            for (RuleMatch rule : rules) {
                for (RuleMatch.TechniqueRef technique : rule.techniques()) {
                    techniques.add(technique.id());
                }
            }
        }

        void add(int index) {
            last[(int) (events % SAMPLES_PER_GROUP)] = index;
            events++;
        }

        /** The positions of the last few events, in no particular order. */
        int[] lastIndexes() {
            return Arrays.copyOf(last, (int) Math.min(events, SAMPLES_PER_GROUP));
        }
    }

    /** A list of rules compared by the identity of its elements: no record equals or hashCode per event. */
    private record SameRules(List<RuleMatch> rules) {

        @Override
        public boolean equals(Object other) {
            if (!(other instanceof SameRules that) || that.rules.size() != rules.size()) {
                return false;
            }
            for (int i = 0; i < rules.size(); i++) {
                if (rules.get(i) != that.rules.get(i)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            int hash = 1;
            for (RuleMatch rule : rules) {
                hash = 31 * hash + System.identityHashCode(rule);
            }
            return hash;
        }
    }

    private final List<ClassifiedEvent> events;
    private final List<Group> groups = new ArrayList<>();

    private BatchTally(List<ClassifiedEvent> events) {
        this.events = events;
    }

    static BatchTally of(List<ClassifiedEvent> events) {
        BatchTally tally = new BatchTally(events);
        Map<RuleMatch, Group> single = new IdentityHashMap<>();
        Map<SameRules, Group> several = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            List<RuleMatch> matches = events.get(i).classification().matches();
            if (matches.isEmpty()) {
                continue;
            }
            Group group = matches.size() == 1 ? single.get(matches.get(0)) : several.get(new SameRules(matches));
            if (group == null) {
                group = new Group(matches);
                tally.groups.add(group);
                if (matches.size() == 1) {
                    single.put(matches.get(0), group);
                } else {
                    several.put(new SameRules(matches), group);
                }
            }
            group.add(i);
        }
        return tally;
    }

    List<ClassifiedEvent> events() {
        return events;
    }

    List<Group> groups() {
        return groups;
    }

    /** Events with at least one match. */
    long matched() {
        long matched = 0;
        for (Group group : groups) {
            matched += group.events;
        }
        return matched;
    }

    /**
     * The counts of this batch under {@link Counts} keys: events, matched events, events per technique, per
     * technique with its sub-techniques (its family), per rule.
     */
    Map<String, Long> counts() {
        Map<String, Long> counts = new HashMap<>();
        counts.put(Counts.EVENTS, (long) events.size());
        counts.put(Counts.MATCHED, matched());
        for (Group group : groups) {
            Set<String> techniques = group.techniques;
            Set<String> families = new TreeSet<>();
            for (String technique : techniques) {
                counts.merge(Counts.technique(technique), group.events, Long::sum);
                families.add(Counts.parentOf(technique));
            }
            for (String family : families) {
                counts.merge(Counts.family(family), group.events, Long::sum);
            }
            Set<String> ruleIds = new LinkedHashSet<>();
            for (RuleMatch rule : group.rules) {
                if (ruleIds.add(rule.id())) {
                    counts.merge(Counts.rule(rule.id()), group.events, Long::sum);
                }
            }
        }
        return counts;
    }
}
