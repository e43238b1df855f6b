package io.packetclassifier.sigma;

import java.util.List;
import java.util.Set;

import com.google.re2j.Pattern;

/** {@code re}: the regular expression is found somewhere in the field's value, in time linear in its length. */
record RegexValue(Pattern pattern, String literal) implements ValueMatcher {

    /** A Sigma {@code re} value with its {@code i}, {@code m} and {@code s} modifiers. */
    static RegexValue compile(String pcre, Set<Modifier> modifiers) throws UnsupportedRuleException {
        List<RegexToken> tokens = RegexToken.tokenize(pcre);
        return new RegexValue(PcreRegexCompiler.compile(tokens, modifiers),
                RegexLiteral.of(tokens, modifiers.contains(Modifier.IGNORE_CASE)));
    }

    @Override
    public boolean matches(EventView event, int field) {
        String value = event.raw(field);
        return value != null && pattern.matcher(value).find();
    }
}
