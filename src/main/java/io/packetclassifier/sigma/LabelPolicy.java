package io.packetclassifier.sigma;

import java.util.ArrayList;
import java.util.List;

/**
 * Which match gives an event its primary label (the CSV's tactic and technique), deterministically: among
 * matching rules other than the seed rules that name a technique, the one of highest level (critical,
 * high, medium, low, informational), the earlier one on a tie (rule files are loaded in path order); else
 * the first matching seed rule; else TA0000 / T0000.
 */
final class LabelPolicy {

    private LabelPolicy() {
    }

    /** {@code matched}: the matching rules in rule order. */
    static Classification classify(List<LoadedRule> matched) {
        LoadedRule primary = null;
        LoadedRule seed = null;
        List<RuleMatch> matches = new ArrayList<>(matched.size());
        for (LoadedRule rule : matched) {
            matches.add(rule.match());
            if (rule.seed()) {
                if (seed == null) {
                    seed = rule;
                }
            } else if (rule.primaryTechnique() != null
                    && (primary == null || rule.compiled().level() > primary.compiled().level())) {
                primary = rule;
            }
        }
        LoadedRule chosen = primary != null ? primary : seed;
        if (chosen == null || chosen.primaryTechnique() == null) {
            return new Classification(Classification.NO_TACTIC, Classification.NO_TECHNIQUE, matches);
        }
        return new Classification(chosen.primaryTactic(), chosen.primaryTechnique(), matches);
    }
}
