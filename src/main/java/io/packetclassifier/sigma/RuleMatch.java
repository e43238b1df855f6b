package io.packetclassifier.sigma;

import java.util.List;

/**
 * A rule as reported when it matches: id, title, level, where it came from, its ATT&CK tactics (TA ids, or
 * the tag's name when the catalog does not know it) and techniques (with names; null for unknown ids).
 */
public record RuleMatch(String id, String title, String level, String source, List<String> tactics,
        List<TechniqueRef> techniques) {

    public record TechniqueRef(String id, String name) {
    }
}
