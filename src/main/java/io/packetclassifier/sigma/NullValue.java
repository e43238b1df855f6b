package io.packetclassifier.sigma;

/** Sigma {@code null}: the field is absent (or empty). */
record NullValue() implements ValueMatcher {
    @Override
    public boolean matches(EventView event, int field) {
        String value = event.raw(field);
        return value == null || value.isEmpty();
    }
}
