package io.packetclassifier.sigma;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Compiles one parsed Sigma rule (a YAML map) into a {@link CompiledRule}, or says why it can't. */
final class RuleCompiler {

    private final DetectionItemCompiler items;

    /** {@code fieldIds}: the id of the event field a Sigma field name maps to. */
    RuleCompiler(Function<String, Integer> fieldIds) {
        this.items = new DetectionItemCompiler(fieldIds);
    }

    CompiledRule compile(Map<?, ?> rule) throws UnsupportedRuleException {
        String title = text(rule.get("title"));
        String id = text(rule.get("id"));
        if (title == null || !(rule.get("detection") instanceof Map<?, ?> detection)) {
            throw new UnsupportedRuleException("not a Sigma rule: it needs a title and a detection");
        }
        String levelName = rule.get("level") == null ? "medium" : text(rule.get("level")).trim().toLowerCase(Locale.ROOT);
        int level = switch (levelName) {
            case "critical" -> 5;
            case "high" -> 4;
            case "medium" -> 3;
            case "low" -> 2;
            case "informational" -> 1;
            default -> throw new UnsupportedRuleException("unknown level '" + levelName + "'");
        };
        String category = rule.get("logsource") instanceof Map<?, ?> logsource ? text(logsource.get("category")) : null;
        Map<String, Condition> searches = new LinkedHashMap<>();
        Object condition = null;
        for (Map.Entry<?, ?> entry : detection.entrySet()) {
            String name = String.valueOf(entry.getKey());
            if (name.equals("condition")) {
                condition = entry.getValue();
            } else if (!name.equals("timeframe")) {
                searches.put(name, search(name, entry.getValue()));
            }
        }
        if (detection.containsKey("timeframe")) {
            throw new UnsupportedRuleException("timeframe (correlation) is not supported on a stream of single events");
        }
        if (condition instanceof List<?> list && list.size() == 1) {
            condition = list.get(0);
        }
        if (!(condition instanceof String conditionText)) {
            throw new UnsupportedRuleException("the condition must be one string");
        }
        Condition parsed = new ConditionParser(conditionText, searches).parse();
        List<String> tags = new ArrayList<>();
        if (rule.get("tags") instanceof List<?> list) {
            list.forEach(t -> tags.add(String.valueOf(t).trim().toLowerCase(Locale.ROOT)));
        }
        return new CompiledRule(id == null ? title : id, title, level, levelName, category, parsed, tags);
    }

    private Condition search(String name, Object definition) throws UnsupportedRuleException {
        if (definition instanceof Map<?, ?> map) {
            return fields(map);
        }
        if (definition instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(Map.class::isInstance)) {
            List<Condition> alternatives = new ArrayList<>();
            for (Object item : list) {
                alternatives.add(fields((Map<?, ?>) item));
            }
            return Condition.anyOf(alternatives);
        }
        throw new UnsupportedRuleException("search '" + name + "': keyword (full-text) searches are not supported");
    }

    /** A map of detection items, all of which must hold. */
    private Condition fields(Map<?, ?> map) throws UnsupportedRuleException {
        List<Condition> conditions = new ArrayList<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            conditions.add(items.compile(String.valueOf(entry.getKey()), entry.getValue()));
        }
        return conditions.isEmpty() ? new Condition.Constant(true) : Condition.allOf(conditions);
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
