package io.packetclassifier.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.packetclassifier.attack.AttackCatalog;
import io.packetclassifier.attack.Tactic;
import io.packetclassifier.attack.Technique;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The Enterprise matrix as the page draws it: the tactics as columns, their active techniques by name, each
 * with its active sub-techniques, and how many loaded rules can detect each (the coverage).
 */
@RegisterForReflection
public record AttackMatrix(String attackVersion, long rulesVersion, int rulesLoaded, List<Column> tactics) {

    /** A tactic and its techniques. */
    @RegisterForReflection
    public record Column(String id, String shortname, String name, List<Cell> techniques) {
    }

    /** A technique: {@code rules} counts a parent's sub-techniques' rules too. */
    @RegisterForReflection
    public record Cell(String id, String name, int rules, List<Cell> subtechniques) {
    }

    static AttackMatrix of(AttackCatalog catalog, RuleCoverage.Coverage coverage) {
        Map<String, List<Technique>> subtechniques = new TreeMap<>();
        List<Technique> techniques = new ArrayList<>();
        for (Technique technique : catalog.techniques()) {
            if (!"active".equals(technique.status())) {
                continue;
            }
            if (technique.subtechnique()) {
                subtechniques.computeIfAbsent(technique.parentId(), p -> new ArrayList<>()).add(technique);
            } else {
                techniques.add(technique);
            }
        }
        techniques.sort(Comparator.comparing(Technique::name));
        List<Column> columns = new ArrayList<>();
        for (Tactic tactic : catalog.tactics()) {
            List<Cell> cells = new ArrayList<>();
            for (Technique technique : techniques) {
                if (technique.tacticIds().contains(tactic.id())) {
                    List<Cell> subs = subtechniques.getOrDefault(technique.id(), List.of()).stream()
                            .sorted(Comparator.comparing(Technique::id))
                            .map(s -> new Cell(s.id(), s.name(), coverage.rulesFor(s.id(), false).size(), List.of()))
                            .toList();
                    cells.add(new Cell(technique.id(), technique.name(), coverage.rulesFor(technique.id(), true).size(),
                            subs));
                }
            }
            columns.add(new Column(tactic.id(), tactic.shortname(), tactic.name(), cells));
        }
        return new AttackMatrix(catalog.version().orElse(null), coverage.version(), coverage.rules(), columns);
    }
}
