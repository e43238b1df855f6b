package io.packetclassifier.sigma;

import java.util.Set;

/** Where a string value must lie in the field's value: {@code contains}, {@code startswith}, {@code endswith} or all of it. */
enum ValuePosition {
    WHOLE, ANYWHERE, START, END;

    static ValuePosition of(Set<Modifier> modifiers) {
        return modifiers.contains(Modifier.CONTAINS) ? ANYWHERE : modifiers.contains(Modifier.STARTSWITH) ? START
                : modifiers.contains(Modifier.ENDSWITH) ? END : WHOLE;
    }

    /** Whether anything may come before the value. */
    boolean openStart() {
        return this == ANYWHERE || this == END;
    }

    /** Whether anything may come after the value. */
    boolean openEnd() {
        return this == ANYWHERE || this == START;
    }

    boolean holds(String value, String part) {
        return switch (this) {
            case ANYWHERE -> value.contains(part);
            case START -> value.startsWith(part);
            case END -> value.endsWith(part);
            case WHOLE -> value.equals(part);
        };
    }
}
