package io.packetclassifier.sigma;

/** {@code exists}: the field is present ({@code true}) or absent ({@code false}). */
record ExistsValue(boolean expected) implements ValueMatcher {
    @Override
    public boolean matches(EventView event, int field) {
        return (event.raw(field) != null) == expected;
    }
}
