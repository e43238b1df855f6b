package io.packetclassifier.sigma;

import java.math.BigDecimal;
import java.math.BigInteger;

/** {@code gt}, {@code gte}, {@code lt}, {@code lte}: the field's number (decimal, or hex after 0x) against a limit. */
record NumberComparison(Modifier operator, BigDecimal limit) implements ValueMatcher {
    @Override
    public boolean matches(EventView event, int field) {
        String value = event.raw(field);
        if (value == null) {
            return false;
        }
        BigDecimal number;
        try {
            String v = value.trim();
            number = v.startsWith("0x") || v.startsWith("0X") ? new BigDecimal(new BigInteger(v.substring(2), 16))
                    : new BigDecimal(v);
        } catch (NumberFormatException e) {
            return false;
        }
        int c = number.compareTo(limit);
        return switch (operator) {
            case GT -> c > 0;
            case GTE -> c >= 0;
            case LT -> c < 0;
            case LTE -> c <= 0;
            default -> throw new IllegalStateException("not a comparison: " + operator);
        };
    }
}
