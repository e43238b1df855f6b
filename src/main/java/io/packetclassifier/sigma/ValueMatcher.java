package io.packetclassifier.sigma;

/** One value of a Sigma field: how an event's field value is tested against it. */
interface ValueMatcher {

    boolean matches(EventView event, int field);

    /** A lower-case literal every matching value contains, for the prefilter; null if there is none. */
    default String literal() {
        return null;
    }
}
