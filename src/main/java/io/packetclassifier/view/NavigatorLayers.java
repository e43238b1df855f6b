package io.packetclassifier.view;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.packetclassifier.attack.AttackCatalog;
import io.packetclassifier.rules.ActiveRules;
import io.packetclassifier.sigma.RuleMatch;
import io.packetclassifier.view.NavigatorLayer.LayerTechnique;
import io.packetclassifier.view.NavigatorLayer.Metadata;

/**
 * The two Navigator layers: detections (each technique scored by the events of a window that have at least
 * one match tagged with it) and coverage (each technique scored by the loaded rules tagged with it).
 * Technique ids the catalog does not know are left out: the Navigator could not place them.
 */
@Singleton
public class NavigatorLayers {

    private static final List<String> DETECTION_COLOURS = List.of("#fff7bc", "#fe9929", "#cc4c02");
    private static final List<String> COVERAGE_COLOURS = List.of("#edf8e9", "#74c476", "#006d2c");

    private final DetectionHistory history;
    private final RuleCoverage coverage;
    private final AttackCatalog catalog;

    @Inject
    NavigatorLayers(DetectionHistory history, RuleCoverage coverage, ActiveRules rules) {
        this(history, coverage, rules.catalog());
    }

    NavigatorLayers(DetectionHistory history, RuleCoverage coverage, AttackCatalog catalog) {
        this.history = history;
        this.coverage = coverage;
        this.catalog = catalog;
    }

    /** {@code window}: null for since start; at most {@link DetectionHistory#history()}. */
    public NavigatorLayer detections(Duration window) {
        Counts counts = history.counts(window);
        String span = window == null ? "since start" : "last " + window;
        List<LayerTechnique> techniques = new ArrayList<>();
        Map<String, Set<String>> rulesByTechnique = new TreeMap<>();
        for (String ruleId : counts.rules().keySet()) {
            ViewEvent.Match rule = history.firedRule(ruleId);
            if (rule != null) {
                for (String technique : rule.techniques()) {
                    rulesByTechnique.computeIfAbsent(technique.toUpperCase(Locale.ROOT),
                            t -> new LinkedHashSet<>()).add(rule.title());
                }
            }
        }
        long max = 1;
        for (Map.Entry<String, Long> count : counts.techniques().entrySet()) {
            if (catalog.technique(count.getKey()).isEmpty()) {
                continue;
            }
            Set<String> titles = rulesByTechnique.getOrDefault(count.getKey(), Set.of());
            techniques.add(technique(count.getKey(), count.getValue(), String.format(Locale.ROOT,
                    "%d event(s) %s; rules: %s", count.getValue(), span, String.join("; ", titles)), titles));
            max = Math.max(max, count.getValue());
        }
        String description = String.format(Locale.ROOT,
                "packet-classifier: events written %s with at least one rule match tagged with each technique "
                        + "(every match, not only the CSV's primary label): %d events, %d with a match.",
                window == null ? "since " + Instant.ofEpochMilli(history.startedAt()) : "in the " + span
                        + " (whole buckets of " + CountHistory.BUCKET.toSeconds() + " s)",
                counts.events(), counts.matched());
        return layer("packet-classifier detections, " + span, description, techniques,
                new NavigatorLayer.Gradient(DETECTION_COLOURS, 0, max), List.of(
                        new Metadata("window", window == null ? "since start" : window.toString()),
                        new Metadata("events", Long.toString(counts.events())),
                        new Metadata("generated", Instant.now().toString())));
    }

    /** Scores only: the titles of rules that never fired are in neither the CSV nor classified-events. */
    public NavigatorLayer coverage() {
        RuleCoverage.Coverage current = coverage.current();
        List<LayerTechnique> techniques = new ArrayList<>();
        long max = 1;
        for (Map.Entry<String, List<RuleMatch>> entry : current.byTechnique().entrySet()) {
            if (catalog.technique(entry.getKey()).isEmpty()) {
                continue;
            }
            int rules = entry.getValue().size();
            techniques.add(technique(entry.getKey(), rules, rules + " loaded rule(s) can detect it", Set.of()));
            max = Math.max(max, rules);
        }
        techniques.sort(Comparator.comparing(LayerTechnique::techniqueID));
        return layer("packet-classifier rule coverage", String.format(Locale.ROOT,
                "packet-classifier: the %d loaded rules by the techniques they are tagged with; unscored techniques "
                        + "have no rule.", current.rules()),
                techniques, new NavigatorLayer.Gradient(COVERAGE_COLOURS, 0, max), List.of(
                        new Metadata("rules loaded", Integer.toString(current.rules())),
                        new Metadata("generated", Instant.now().toString())));
    }

    private LayerTechnique technique(String id, long score, String comment, Set<String> ruleTitles) {
        List<Metadata> metadata = new ArrayList<>(ruleTitles.size());
        ruleTitles.forEach(title -> metadata.add(new Metadata("rule", title)));
        return new LayerTechnique(id, score, comment, true, metadata.isEmpty() ? null : metadata);
    }

    private NavigatorLayer layer(String name, String description, List<LayerTechnique> techniques,
            NavigatorLayer.Gradient gradient, List<Metadata> metadata) {
        return new NavigatorLayer(name,
                new NavigatorLayer.Versions(catalog.version().orElse(null), NavigatorLayer.NAVIGATOR,
                        NavigatorLayer.FORMAT),
                NavigatorLayer.DOMAIN, description, 3,
                new NavigatorLayer.Layout("side", true, true, true, false, "max", "annotated"), false, techniques,
                gradient, List.of(), metadata);
    }
}
