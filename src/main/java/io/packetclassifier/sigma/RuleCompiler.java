package io.packetclassifier.sigma;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Compiles one parsed Sigma rule (a YAML map) into a {@link CompiledRule}, or says why it can't. */
final class RuleCompiler {

    static final class UnsupportedException extends Exception {
        UnsupportedException(String message) {
            super(message, null, false, false);
        }
    }

    record CompiledRule(String id, String title, int level, String levelName, String category, Node condition,
            List<String> tags) {
    }

    private static final Set<String> KNOWN_MODIFIERS = Set.of("contains", "startswith", "endswith", "all", "re", "i",
            "m", "s", "windash", "base64", "base64offset", "utf16le", "utf16be", "utf16", "wide", "cased", "fieldref",
            "exists", "cidr", "gt", "gte", "lt", "lte");
    private static final char[] DASHES = { '-', '/', '\u2013', '\u2014', '\u2015' };

    private final Function<String, Integer> fieldIds;
    private final Function<String, String> fieldMapping;

    RuleCompiler(Function<String, String> fieldMapping, Function<String, Integer> fieldIds) {
        this.fieldMapping = fieldMapping;
        this.fieldIds = fieldIds;
    }

    CompiledRule compile(Map<?, ?> rule) throws UnsupportedException {
        String title = text(rule.get("title"));
        String id = text(rule.get("id"));
        if (title == null || !(rule.get("detection") instanceof Map<?, ?> detection)) {
            throw new UnsupportedException("not a Sigma rule: it needs a title and a detection");
        }
        String levelName = rule.get("level") == null ? "medium" : text(rule.get("level")).trim().toLowerCase(Locale.ROOT);
        int level = switch (levelName) {
            case "critical" -> 5;
            case "high" -> 4;
            case "medium" -> 3;
            case "low" -> 2;
            case "informational" -> 1;
            default -> throw new UnsupportedException("unknown level '" + levelName + "'");
        };
        String category = rule.get("logsource") instanceof Map<?, ?> logsource ? text(logsource.get("category")) : null;
        Map<String, Node> searches = new LinkedHashMap<>();
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
            throw new UnsupportedException("timeframe (correlation) is not supported on a stream of single events");
        }
        if (condition instanceof List<?> list && list.size() == 1) {
            condition = list.get(0);
        }
        if (!(condition instanceof String conditionText)) {
            throw new UnsupportedException("the condition must be one string");
        }
        Node node = new ConditionParser(conditionText, searches).parse();
        List<String> tags = new ArrayList<>();
        if (rule.get("tags") instanceof List<?> list) {
            list.forEach(t -> tags.add(String.valueOf(t).trim().toLowerCase(Locale.ROOT)));
        }
        return new CompiledRule(id == null ? title : id, title, level, levelName, category, node, tags);
    }

    private Node search(String name, Object definition) throws UnsupportedException {
        if (definition instanceof Map<?, ?> map) {
            return fields(map);
        }
        if (definition instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(Map.class::isInstance)) {
            List<Node> alternatives = new ArrayList<>();
            for (Object item : list) {
                alternatives.add(fields((Map<?, ?>) item));
            }
            return Node.or(alternatives);
        }
        throw new UnsupportedException("search '" + name + "': keyword (full-text) searches are not supported");
    }

    /** A map of field conditions, all of which must hold. */
    private Node fields(Map<?, ?> map) throws UnsupportedException {
        List<Node> nodes = new ArrayList<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            nodes.add(field(String.valueOf(entry.getKey()), entry.getValue()));
        }
        return nodes.isEmpty() ? new Node.Constant(true) : Node.and(nodes);
    }

    private Node field(String spec, Object value) throws UnsupportedException {
        String[] parts = spec.split("\\|");
        String sigmaField = parts[0];
        if (sigmaField.isEmpty()) {
            throw new UnsupportedException("keyword searches with modifiers are not supported: " + spec);
        }
        Set<String> modifiers = new LinkedHashSet<>();
        for (int i = 1; i < parts.length; i++) {
            String modifier = parts[i].toLowerCase(Locale.ROOT);
            if (!KNOWN_MODIFIERS.contains(modifier)) {
                throw new UnsupportedException("modifier '" + modifier + "' is not supported (" + spec + ")");
            }
            modifiers.add(modifier);
        }
        int field = fieldIds.apply(fieldMapping.apply(sigmaField));
        List<?> values = value instanceof List<?> list ? list : java.util.Collections.singletonList(value);
        List<ValueMatcher> matchers = new ArrayList<>();
        for (Object v : values) {
            matchers.addAll(values(spec, modifiers, v));
        }
        if (matchers.isEmpty()) {
            throw new UnsupportedException(spec + ": no values");
        }
        boolean all = modifiers.contains("all");
        if (all && (modifiers.contains("windash") || modifiers.contains("base64offset"))) {
            // each value expanded into variants: all values, any variant of each
            List<Node> perValue = new ArrayList<>();
            for (Object v : values) {
                perValue.add(new Node.Field(field, values(spec, modifiers, v), false));
            }
            return Node.and(perValue);
        }
        return new Node.Field(field, matchers, all);
    }

    private List<ValueMatcher> values(String spec, Set<String> modifiers, Object value) throws UnsupportedException {
        boolean cased = modifiers.contains("cased");
        if (modifiers.contains("exists")) {
            return List.of(new ValueMatcher.Exists(Boolean.parseBoolean(String.valueOf(value))));
        }
        if (value == null) {
            return List.of(new ValueMatcher.Null());
        }
        String text = String.valueOf(value);
        if (modifiers.contains("re")) {
            int flags = (modifiers.contains("i") ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0)
                    | (modifiers.contains("m") ? Pattern.MULTILINE : 0) | (modifiers.contains("s") ? Pattern.DOTALL : 0);
            try {
                return List.of(ValueMatcher.Regex.of(Pattern.compile(text, flags)));
            } catch (PatternSyntaxException e) {
                throw new UnsupportedException(spec + ": regular expression not valid in Java: " + e.getDescription());
            }
        }
        if (modifiers.contains("cidr")) {
            try {
                return List.of(ValueMatcher.Cidr.parse(text));
            } catch (IllegalArgumentException e) {
                throw new UnsupportedException(spec + ": " + e.getMessage());
            }
        }
        for (String operator : List.of("gt", "gte", "lt", "lte")) {
            if (modifiers.contains(operator)) {
                try {
                    return List.of(new ValueMatcher.Compare(operator, new BigDecimal(text.trim())));
                } catch (NumberFormatException e) {
                    throw new UnsupportedException(spec + ": '" + text + "' is not a number");
                }
            }
        }
        String mode = modifiers.contains("contains") ? "contains" : modifiers.contains("startswith") ? "startswith"
                : modifiers.contains("endswith") ? "endswith" : "equals";
        if (modifiers.contains("fieldref")) {
            return List.of(new ValueMatcher.FieldRef(fieldIds.apply(fieldMapping.apply(text)), mode, cased));
        }
        List<String> variants = modifiers.contains("windash") ? windash(text) : List.of(text);
        boolean encoded = modifiers.contains("base64") || modifiers.contains("base64offset");
        if (!encoded && (modifiers.contains("utf16le") || modifiers.contains("utf16be") || modifiers.contains("utf16")
                || modifiers.contains("wide"))) {
            throw new UnsupportedException(spec + ": utf16/wide only make sense with base64 or base64offset");
        }
        if (encoded) {
            List<String> encodedVariants = new ArrayList<>();
            for (String variant : variants) {
                byte[] bytes = bytes(variant, modifiers);
                if (modifiers.contains("base64offset")) {
                    encodedVariants.addAll(base64Offsets(bytes));
                } else {
                    encodedVariants.add(escape(Base64.getEncoder().encodeToString(bytes)));
                }
            }
            variants = encodedVariants;
        }
        List<ValueMatcher> matchers = new ArrayList<>();
        for (String variant : variants) {
            matchers.add(new ValueMatcher.Glob(variant, mode.equals("contains") || mode.equals("endswith"),
                    mode.equals("contains") || mode.equals("startswith"), cased));
        }
        return matchers;
    }

    /** {@code windash}: every parameter dash ({@code -} or {@code /} starting a word) in each of its forms. */
    static List<String> windash(String value) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean startsWord = i + 1 < value.length() && isWord(value.charAt(i + 1));
            boolean afterNonWord = i == 0 || !isWord(value.charAt(i - 1));
            if ((c == '-' || c == '/') && startsWord && afterNonWord) {
                positions.add(i);
            }
        }
        List<String> variants = new ArrayList<>();
        variants.add(value);
        for (int position : positions) {
            List<String> expanded = new ArrayList<>();
            for (String variant : variants) {
                for (char dash : DASHES) {
                    char[] chars = variant.toCharArray();
                    chars[position] = dash;
                    expanded.add(new String(chars));
                }
            }
            variants = expanded;
            if (variants.size() > 3125) {
                break;
            }
        }
        return new ArrayList<>(new LinkedHashSet<>(variants));
    }

    private static boolean isWord(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static byte[] bytes(String value, Set<String> modifiers) {
        String plain = unescape(value);
        if (modifiers.contains("utf16le") || modifiers.contains("wide")) {
            return plain.getBytes(StandardCharsets.UTF_16LE);
        }
        if (modifiers.contains("utf16be")) {
            return plain.getBytes(StandardCharsets.UTF_16BE);
        }
        if (modifiers.contains("utf16")) {
            byte[] le = plain.getBytes(StandardCharsets.UTF_16LE);
            byte[] withBom = new byte[le.length + 2];
            withBom[0] = (byte) 0xFF;
            withBom[1] = (byte) 0xFE;
            System.arraycopy(le, 0, withBom, 2, le.length);
            return withBom;
        }
        return plain.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The three base64 forms a value takes inside a longer encoded text, depending on its byte offset
     * modulo 3: encode it after 0, 1 or 2 filler bytes and keep only the characters that depend on it alone.
     */
    static List<String> base64Offsets(byte[] value) {
        int[] start = { 0, 2, 3 };
        List<String> variants = new ArrayList<>();
        for (int shift = 0; shift < 3; shift++) {
            byte[] shifted = new byte[value.length + shift];
            java.util.Arrays.fill(shifted, 0, shift, (byte) ' ');
            System.arraycopy(value, 0, shifted, shift, value.length);
            String encoded = Base64.getEncoder().encodeToString(shifted);
            int endTrim = switch ((value.length + shift) % 3) {
                case 1 -> 3;
                case 2 -> 2;
                default -> 0;
            };
            variants.add(escape(encoded.substring(start[shift], encoded.length() - endTrim)));
        }
        return variants;
    }

    /** Sigma escapes → plain text (for values that get encoded, where wildcards mean nothing). */
    private static String unescape(String value) {
        StringBuilder plain = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length() && "*?\\".indexOf(value.charAt(i + 1)) >= 0) {
                c = value.charAt(++i);
            }
            plain.append(c);
        }
        return plain.toString();
    }

    /** Plain text → a Sigma value matching it literally. */
    private static String escape(String plain) {
        return plain.replace("\\", "\\\\").replace("*", "\\*").replace("?", "\\?");
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
