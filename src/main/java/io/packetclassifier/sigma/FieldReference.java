package io.packetclassifier.sigma;

/** {@code fieldref}: the value names another field whose value this one must equal (or contain, …). */
record FieldReference(int other, ValuePosition position, boolean cased) implements ValueMatcher {
    @Override
    public boolean matches(EventView event, int field) {
        String value = cased ? event.raw(field) : event.lower(field);
        String reference = cased ? event.raw(other) : event.lower(other);
        return value != null && reference != null && position.holds(value, reference);
    }
}
