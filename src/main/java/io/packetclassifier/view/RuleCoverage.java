package io.packetclassifier.view;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.packetclassifier.rules.ActiveRules;
import io.packetclassifier.sigma.RuleMatch;
import io.packetclassifier.sigma.SigmaRuleSet;

/**
 * Which loaded rules can detect each technique, computed again only when the rules in force change (they
 * can be reloaded without a restart).
 */
@Singleton
public class RuleCoverage {

    /**
     * The rules of one rule set by technique id (exactly that id) and by family (a technique and its
     * sub-techniques); {@code version} changes with the rule set.
     */
    public record Coverage(long version, int rules, Map<String, List<RuleMatch>> byTechnique,
            Map<String, List<RuleMatch>> byFamily) {

        public List<RuleMatch> rulesFor(String techniqueId, boolean family) {
            return (family ? byFamily : byTechnique).getOrDefault(techniqueId.toUpperCase(Locale.ROOT), List.of());
        }
    }

    private final Supplier<SigmaRuleSet> ruleSet;
    private SigmaRuleSet seen;
    private Coverage coverage;

    @Inject
    RuleCoverage(ActiveRules activeRules) {
        this(activeRules::current);
    }

    RuleCoverage(Supplier<SigmaRuleSet> ruleSet) {
        this.ruleSet = ruleSet;
    }

    public synchronized Coverage current() {
        SigmaRuleSet set = ruleSet.get();
        if (set != seen) {
            coverage = of(set.rules(), coverage == null ? 1 : coverage.version() + 1);
            seen = set;
        }
        return coverage;
    }

    static Coverage of(List<RuleMatch> rules, long version) {
        Map<String, List<RuleMatch>> byTechnique = new LinkedHashMap<>();
        Map<String, List<RuleMatch>> byFamily = new HashMap<>();
        for (RuleMatch rule : rules) {
            for (RuleMatch.TechniqueRef technique : rule.techniques()) {
                String id = technique.id().toUpperCase(Locale.ROOT);
                addOnce(byTechnique, id, rule);
                addOnce(byFamily, Counts.parentOf(id), rule);
            }
        }
        return new Coverage(version, rules.size(), byTechnique, byFamily);
    }

    private static void addOnce(Map<String, List<RuleMatch>> map, String key, RuleMatch rule) {
        List<RuleMatch> list = map.computeIfAbsent(key, k -> new ArrayList<>());
        if (list.isEmpty() || list.get(list.size() - 1) != rule) { // a rule's tags are visited one after another
            list.add(rule);
        }
    }
}
