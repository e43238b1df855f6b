package io.packetclassifier.sigma;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.packetclassifier.attack.AttackCatalog;
import io.packetclassifier.attack.Tactic;
import io.packetclassifier.attack.Technique;

/**
 * A rule's {@code attack.*} tags → the tactics and techniques a match reports, and the label the rule gives:
 * the technique is its first technique tag; the tactic is its first tactic tag that the technique belongs
 * to in the catalog, else its first known tactic tag, else the technique's first tactic in the catalog.
 * Ids and tactic names the catalog does not know are kept as they are and collected.
 */
final class AttackTagMapping {

    private static final Pattern TECHNIQUE = Pattern.compile("t\\d{4}(\\.\\d{3})?");
    /** Groups, software and tactic ids: tags that name neither a technique nor a tactic by name. */
    private static final Pattern OTHER_ATTACK_ID = Pattern.compile("[gs]\\d{4}|ta\\d{4}");
    private static final Pattern ANY_ID = Pattern.compile("[a-z]\\d+");

    private final AttackCatalog catalog;
    private final Set<String> unknownIds = new LinkedHashSet<>();

    AttackTagMapping(AttackCatalog catalog) {
        this.catalog = catalog;
    }

    LoadedRule label(int index, CompiledRule compiled, boolean seed, String source) {
        List<String> tactics = new ArrayList<>();
        List<String> knownTactics = new ArrayList<>();
        List<RuleMatch.TechniqueRef> techniques = new ArrayList<>();
        for (String tag : compiled.tags()) {
            if (!tag.startsWith("attack.")) {
                continue;
            }
            String name = tag.substring("attack.".length());
            if (TECHNIQUE.matcher(name).matches()) {
                String id = name.toUpperCase(Locale.ROOT);
                String techniqueName = catalog.technique(id).map(Technique::name).orElse(null);
                if (techniqueName == null) {
                    unknownIds.add(id);
                }
                techniques.add(new RuleMatch.TechniqueRef(id, techniqueName));
            } else if (!OTHER_ATTACK_ID.matcher(name).matches()) {
                String tactic = catalog.tacticByShortname(name).map(Tactic::id).orElse(null);
                if (tactic != null) {
                    tactics.add(tactic);
                    knownTactics.add(tactic);
                } else if (!ANY_ID.matcher(name).matches()) {
                    tactics.add(name);
                    unknownIds.add(name);
                }
            }
        }
        String technique = techniques.isEmpty() ? null : techniques.get(0).id();
        String tactic = technique == null ? null : tactic(technique, knownTactics);
        RuleMatch match = new RuleMatch(compiled.id(), compiled.title(), compiled.levelName(), source,
                List.copyOf(tactics), List.copyOf(techniques));
        return new LoadedRule(index, compiled, seed, match, tactic, technique);
    }

    private String tactic(String technique, List<String> knownTactics) {
        List<String> ofTechnique = catalog.tacticsOf(technique);
        return knownTactics.stream().filter(ofTechnique::contains).findFirst()
                .orElse(knownTactics.isEmpty() ? (ofTechnique.isEmpty() ? Classification.NO_TACTIC : ofTechnique.get(0))
                        : knownTactics.get(0));
    }

    /** ATT&CK ids and tactic names used by the rules labelled so far that the catalog does not know. */
    Set<String> unknownIds() {
        return unknownIds;
    }
}
