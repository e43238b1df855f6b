package io.packetclassifier.view;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.packetclassifier.attack.AttackCatalog;
import io.packetclassifier.attack.Technique;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One technique as the page's side panel shows it: its events in the window, the rules that fired for it
 * there, how many loaded rules can detect it (their number only: a rule that never fired is in neither the
 * CSV nor classified-events), and its last events. A technique (no dot) includes its sub-techniques; a
 * sub-technique is only itself.
 */
@RegisterForReflection
public record TechniqueDetail(String id, String name, List<String> tactics, boolean withSubtechniques,
        String window, long events, List<FiredRule> fired, int loadedRules, List<ViewEvent> lastEvents) {

    /** A rule that fired in the window: the events it matched there. */
    @RegisterForReflection
    public record FiredRule(String id, String title, String level, List<String> techniques, long events) {
    }

    static TechniqueDetail of(Technique technique, AttackCatalog catalog, DetectionHistory history,
            RuleCoverage.Coverage coverage, Duration window) {
        String upper = technique.id();
        boolean family = !upper.contains(".");
        Counts counts = history.counts(window);
        List<FiredRule> fired = new ArrayList<>();
        for (Map.Entry<String, Long> rule : counts.rules().entrySet()) {
            ViewEvent.Match match = history.firedRule(rule.getKey());
            if (match != null && names(match.techniques(), upper, family)) {
                fired.add(new FiredRule(match.id(), match.title(), match.level(), match.techniques(), rule.getValue()));
            }
        }
        fired.sort(Comparator.comparingLong(FiredRule::events).reversed());
        List<String> tactics = new ArrayList<>();
        for (String tacticId : catalog.tacticsOf(upper)) {
            catalog.tacticById(tacticId).ifPresent(t -> tactics.add(t.name()));
        }
        long events = (family ? counts.families() : counts.techniques()).getOrDefault(upper, 0L);
        return new TechniqueDetail(upper, technique.name(), tactics, family,
                window == null ? "all" : window.toString(), events, fired, coverage.rulesFor(upper, family).size(),
                history.lastEvents(upper, family));
    }

    private static boolean names(List<String> techniques, String id, boolean family) {
        for (String technique : techniques) {
            String upper = technique.toUpperCase(Locale.ROOT);
            if (upper.equals(id) || (family && Counts.parentOf(upper).equals(id))) {
                return true;
            }
        }
        return false;
    }
}
