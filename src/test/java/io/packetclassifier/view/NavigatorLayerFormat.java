package io.packetclassifier.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.packetclassifier.attack.AttackCatalog;

/**
 * Checks a layer against the ATT&CK Navigator layer format 4.5 (mitre-attack/attack-navigator,
 * layers/spec/v4.5/layerformat.md): required fields, the type of every field it defines, the allowed values,
 * and technique ids the catalog knows ({@code T1234}, sub-techniques {@code T1234.001}). Written from the spec's
 * tables, independently of the code that makes the layers.
 */
final class NavigatorLayerFormat {

    static final Pattern TECHNIQUE_ID = Pattern.compile("T\\d{4}(\\.\\d{3})?");
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final Set<String> DOMAINS = Set.of("enterprise-attack", "mobile-attack", "ics-attack");

    private final List<String> problems = new ArrayList<>();

    private NavigatorLayerFormat() {
    }

    /** Every way {@code layer} breaks the format; empty when it is a valid 4.5 layer. */
    static List<String> problems(JsonNode layer, AttackCatalog catalog) {
        NavigatorLayerFormat check = new NavigatorLayerFormat();
        check.layer(layer, catalog);
        return check.problems;
    }

    private void layer(JsonNode layer, AttackCatalog catalog) {
        if (!layer.isObject()) {
            problems.add("a layer is a JSON object");
            return;
        }
        requiredText(layer, "name");
        requiredText(layer, "domain");
        if (layer.has("domain") && !DOMAINS.contains(layer.get("domain").asText())) {
            problems.add("domain must be one of " + DOMAINS + ", was " + layer.get("domain"));
        }
        JsonNode versions = layer.get("versions");
        if (versions != null) {
            object(versions, "versions");
            optionalText(versions, "attack");
            requiredText(versions, "navigator");
            requiredText(versions, "layer");
            if (!"4.5".equals(versions.path("layer").asText())) {
                problems.add("versions.layer must be \"4.5\", was " + versions.get("layer"));
            }
            if (versions.path("navigator").isTextual() && compareVersions(versions.get("navigator").asText(), "4.9.0") < 0) {
                problems.add("versions.navigator must be at least 4.9.0, was " + versions.get("navigator"));
            }
        }
        optionalText(layer, "description");
        optionalText(layer, "customDataURL");
        if (layer.has("sorting") && !(layer.get("sorting").isInt() && layer.get("sorting").asInt() >= 0
                && layer.get("sorting").asInt() <= 3)) {
            problems.add("sorting must be 0, 1, 2 or 3, was " + layer.get("sorting"));
        }
        for (String flag : List.of("hideDisabled", "showTacticRowBackground", "selectTechniquesAcrossTactics",
                "selectSubtechniquesWithParent", "selectVisibleTechniques")) {
            optionalBoolean(layer, flag);
        }
        optionalText(layer, "tacticRowBackground");
        layout(layer.get("layout"));
        gradient(layer.get("gradient"));
        JsonNode legend = layer.get("legendItems");
        if (legend != null && array(legend, "legendItems")) {
            legend.forEach(item -> {
                requiredText(item, "label");
                requiredText(item, "color");
            });
        }
        metadata(layer.get("metadata"), "metadata");
        JsonNode techniques = layer.get("techniques");
        if (techniques != null && array(techniques, "techniques")) {
            techniques.forEach(t -> technique(t, catalog));
        }
    }

    private void technique(JsonNode technique, AttackCatalog catalog) {
        if (!object(technique, "a technique")) {
            return;
        }
        requiredText(technique, "techniqueID");
        String id = technique.path("techniqueID").asText();
        if (!TECHNIQUE_ID.matcher(id).matches()) {
            problems.add("techniqueID must be T#### or T####.### (sub-technique), was " + technique.get("techniqueID"));
        } else if (catalog.technique(id).isEmpty()) {
            problems.add("techniqueID " + id + " is not in the ATT&CK catalog");
        } else if (catalog.technique(id).get().subtechnique() != id.contains(".")) {
            problems.add(id + ": a sub-technique's id must be its parent's and a suffix, and only a sub-technique's");
        }
        optionalText(technique, "tactic");
        if (technique.has("tactic") && catalog.tacticByShortname(technique.get("tactic").asText()).isEmpty()) {
            problems.add("tactic must be a tactic's shortname, was " + technique.get("tactic"));
        }
        optionalText(technique, "comment");
        optionalText(technique, "color");
        optionalBoolean(technique, "enabled");
        optionalBoolean(technique, "showSubtechniques");
        if (technique.has("score") && !technique.get("score").isNumber()) {
            problems.add(id + ": score must be a number, was " + technique.get("score"));
        }
        metadata(technique.get("metadata"), id + ".metadata");
    }

    private void layout(JsonNode layout) {
        if (layout == null || !object(layout, "layout")) {
            return;
        }
        if (layout.has("layout") && !Set.of("side", "flat", "mini").contains(layout.get("layout").asText())) {
            problems.add("layout.layout must be side, flat or mini, was " + layout.get("layout"));
        }
        for (String flag : List.of("showID", "showName", "showAggregateScores", "countUnscored")) {
            optionalBoolean(layout, flag);
        }
        if (layout.has("aggregateFunction")
                && !Set.of("average", "min", "max", "sum").contains(layout.get("aggregateFunction").asText())) {
            problems.add("layout.aggregateFunction must be average, min, max or sum, was " + layout.get("aggregateFunction"));
        }
        if (layout.has("expandedSubtechniques")
                && !Set.of("none", "all", "annotated").contains(layout.get("expandedSubtechniques").asText())) {
            problems.add("layout.expandedSubtechniques must be none, all or annotated, was "
                    + layout.get("expandedSubtechniques"));
        }
    }

    private void gradient(JsonNode gradient) {
        if (gradient == null || !object(gradient, "gradient")) {
            return;
        }
        JsonNode colours = gradient.get("colors");
        if (colours == null || !colours.isArray() || colours.size() < 2) {
            problems.add("gradient.colors must be an array of at least two colours");
        } else {
            colours.forEach(c -> {
                if (!c.isTextual() || !COLOUR.matcher(c.asText()).matches()) {
                    problems.add("gradient colour must be #rrggbb, was " + c);
                }
            });
        }
        if (!gradient.path("minValue").isNumber() || !gradient.path("maxValue").isNumber()) {
            problems.add("gradient.minValue and maxValue are required numbers");
        } else if (gradient.get("maxValue").asDouble() <= gradient.get("minValue").asDouble()) {
            problems.add("gradient.maxValue must be greater than minValue");
        }
    }

    private void metadata(JsonNode metadata, String where) {
        if (metadata == null || !array(metadata, where)) {
            return;
        }
        for (JsonNode item : metadata) {
            if (item.has("divider")) {
                optionalBoolean(item, "divider");
            } else {
                requiredText(item, "name");
                requiredText(item, "value");
            }
        }
    }

    private boolean object(JsonNode node, String what) {
        if (!node.isObject()) {
            problems.add(what + " must be an object, was " + node);
        }
        return node.isObject();
    }

    private boolean array(JsonNode node, String what) {
        if (!node.isArray()) {
            problems.add(what + " must be an array, was " + node);
        }
        return node.isArray();
    }

    private void requiredText(JsonNode node, String field) {
        if (!node.path(field).isTextual()) {
            problems.add(field + " is a required string, was " + node.get(field));
        }
    }

    private void optionalText(JsonNode node, String field) {
        if (node.has(field) && !node.get(field).isTextual()) {
            problems.add(field + " must be a string, was " + node.get(field));
        }
    }

    private void optionalBoolean(JsonNode node, String field) {
        if (node.has(field) && !node.get(field).isBoolean()) {
            problems.add(field + " must be a boolean, was " + node.get(field));
        }
    }

    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int p = i < x.length ? Integer.parseInt(x[i]) : 0;
            int q = i < y.length ? Integer.parseInt(y[i]) : 0;
            if (p != q) {
                return Integer.compare(p, q);
            }
        }
        return 0;
    }
}
