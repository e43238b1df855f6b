package io.packetclassifier.sigma;

import java.util.regex.Pattern;

/** {@code re}: the regular expression is found somewhere in the field's value. */
record RegexValue(Pattern pattern, String literal) implements ValueMatcher {

    static RegexValue of(Pattern pattern) {
        return new RegexValue(pattern, RegexLiteral.of(pattern));
    }

    @Override
    public boolean matches(EventView event, int field) {
        String value = event.raw(field);
        return value != null && pattern.matcher(value).find();
    }
}
