package io.packetclassifier.sigma;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/** Compiles one detection item, {@code Field|modifier|…: value(s)}, into a {@link Condition.FieldCondition}. */
final class DetectionItemCompiler {

    private static final Set<Modifier> COMPARISONS = EnumSet.of(Modifier.GT, Modifier.GTE, Modifier.LT, Modifier.LTE);
    private static final Set<Modifier> UTF16 = EnumSet.of(Modifier.UTF16LE, Modifier.UTF16BE, Modifier.UTF16, Modifier.WIDE);

    private final Function<String, Integer> fieldIds;

    /** {@code fieldIds}: the id of the event field a Sigma field name maps to. */
    DetectionItemCompiler(Function<String, Integer> fieldIds) {
        this.fieldIds = fieldIds;
    }

    Condition compile(String spec, Object value) throws UnsupportedRuleException {
        String[] parts = spec.split("\\|");
        if (parts[0].isEmpty()) {
            throw new UnsupportedRuleException("keyword searches with modifiers are not supported: " + spec);
        }
        Set<Modifier> modifiers = EnumSet.noneOf(Modifier.class);
        for (int i = 1; i < parts.length; i++) {
            String name = parts[i];
            modifiers.add(Modifier.named(name).orElseThrow(() -> new UnsupportedRuleException(
                    "modifier '" + name.toLowerCase(Locale.ROOT) + "' is not supported (" + spec + ")")));
        }
        int field = fieldIds.apply(parts[0]);
        List<?> values = value instanceof List<?> list ? list : Collections.singletonList(value);
        List<ValueMatcher> matchers = new ArrayList<>();
        for (Object v : values) {
            matchers.addAll(values(spec, modifiers, v));
        }
        if (matchers.isEmpty()) {
            throw new UnsupportedRuleException(spec + ": no values");
        }
        boolean all = modifiers.contains(Modifier.ALL);
        if (all && (modifiers.contains(Modifier.WINDASH) || modifiers.contains(Modifier.BASE64OFFSET))) {
            // each value expanded into variants: all values, any variant of each
            List<Condition> perValue = new ArrayList<>();
            for (Object v : values) {
                perValue.add(new Condition.FieldCondition(field, values(spec, modifiers, v), false));
            }
            return Condition.allOf(perValue);
        }
        return new Condition.FieldCondition(field, matchers, all);
    }

    /** The matchers of one value: one, or one per variant that windash or base64offset make of it. */
    private List<ValueMatcher> values(String spec, Set<Modifier> modifiers, Object value) throws UnsupportedRuleException {
        if (modifiers.contains(Modifier.EXISTS)) {
            return List.of(new ExistsValue(Boolean.parseBoolean(String.valueOf(value))));
        }
        if (value == null) {
            return List.of(new NullValue());
        }
        String text = String.valueOf(value);
        if (modifiers.contains(Modifier.RE)) {
            return List.of(regex(spec, modifiers, text));
        }
        if (modifiers.contains(Modifier.CIDR)) {
            try {
                return List.of(CidrValue.parse(text));
            } catch (IllegalArgumentException e) {
                throw new UnsupportedRuleException(spec + ": " + e.getMessage());
            }
        }
        for (Modifier operator : COMPARISONS) {
            if (modifiers.contains(operator)) {
                try {
                    return List.of(new NumberComparison(operator, new BigDecimal(text.trim())));
                } catch (NumberFormatException e) {
                    throw new UnsupportedRuleException(spec + ": '" + text + "' is not a number");
                }
            }
        }
        ValuePosition position = ValuePosition.of(modifiers);
        boolean cased = modifiers.contains(Modifier.CASED);
        if (modifiers.contains(Modifier.FIELDREF)) {
            return List.of(new FieldReference(fieldIds.apply(text), position, cased));
        }
        List<String> variants = modifiers.contains(Modifier.WINDASH) ? ValueEncoding.windash(text) : List.of(text);
        boolean encoded = modifiers.contains(Modifier.BASE64) || modifiers.contains(Modifier.BASE64OFFSET);
        if (!encoded && !Collections.disjoint(modifiers, UTF16)) {
            throw new UnsupportedRuleException(spec + ": utf16/wide only make sense with base64 or base64offset");
        }
        if (encoded) {
            List<String> encodedVariants = new ArrayList<>();
            for (String variant : variants) {
                encodedVariants.addAll(ValueEncoding.base64(variant, modifiers));
            }
            variants = encodedVariants;
        }
        List<ValueMatcher> matchers = new ArrayList<>();
        for (String variant : variants) {
            matchers.add(new WildcardValue(variant, position, cased));
        }
        return matchers;
    }

    private static ValueMatcher regex(String spec, Set<Modifier> modifiers, String text) throws UnsupportedRuleException {
        try {
            return RegexValue.compile(text, modifiers);
        } catch (UnsupportedRuleException e) {
            throw new UnsupportedRuleException(spec + ": " + e.getMessage());
        }
    }
}
