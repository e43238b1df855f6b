package io.packetclassifier.sigma;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** A compiled rule condition. {@link #literals} is what the prefilter may rely on (null: nothing). */
interface Condition {

    boolean matches(EventView event);

    /** (field, literal) pairs of which at least one occurs in any event this condition matches; null if unknown. */
    Set<FieldLiteral> literals();

    /** A lower-case text that occurs in the value of one field. */
    record FieldLiteral(int field, String literal) {
    }

    record AllOf(List<Condition> children) implements Condition {
        @Override
        public boolean matches(EventView event) {
            for (Condition child : children) {
                if (!child.matches(event)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public Set<FieldLiteral> literals() {
            // Any one child's literals will do: take the most selective.
            return children.stream().map(Condition::literals).filter(Objects::nonNull)
                    .max(Comparator.comparingInt(Condition::selectivity)).orElse(null);
        }
    }

    record AnyOf(List<Condition> children) implements Condition {
        @Override
        public boolean matches(EventView event) {
            for (Condition child : children) {
                if (child.matches(event)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public Set<FieldLiteral> literals() {
            Set<FieldLiteral> all = new HashSet<>();
            for (Condition child : children) {
                Set<FieldLiteral> literals = child.literals();
                if (literals == null) {
                    return null;
                }
                all.addAll(literals);
            }
            return all;
        }
    }

    record Not(Condition child) implements Condition {
        @Override
        public boolean matches(EventView event) {
            return !child.matches(event);
        }

        @Override
        public Set<FieldLiteral> literals() {
            return null;
        }
    }

    record Constant(boolean value) implements Condition {
        @Override
        public boolean matches(EventView event) {
            return value;
        }

        @Override
        public Set<FieldLiteral> literals() {
            return value ? null : Set.of();
        }
    }

    /** One field with its values: any value matches (all of them with {@code |all}). */
    record FieldCondition(int field, List<ValueMatcher> values, boolean all) implements Condition {
        @Override
        public boolean matches(EventView event) {
            for (ValueMatcher value : values) {
                if (value.matches(event, field) != all) {
                    return !all;
                }
            }
            return all;
        }

        @Override
        public Set<FieldLiteral> literals() {
            if (all) {
                return values.stream().map(ValueMatcher::literal).filter(l -> l != null && !l.isEmpty())
                        .max(Comparator.comparingInt(String::length)).map(l -> Set.of(new FieldLiteral(field, l))).orElse(null);
            }
            Set<FieldLiteral> literals = new HashSet<>();
            for (ValueMatcher value : values) {
                String literal = value.literal();
                if (literal == null || literal.isEmpty()) {
                    return null;
                }
                literals.add(new FieldLiteral(field, literal));
            }
            return literals;
        }
    }

    /** Higher is better: the shortest literal's length, minus a little for many literals. */
    static int selectivity(Set<FieldLiteral> literals) {
        int shortest = literals.stream().mapToInt(n -> n.literal().length()).min().orElse(1000);
        return shortest * 64 - Math.min(literals.size(), 63);
    }

    static Condition allOf(List<Condition> conditions) {
        return conditions.size() == 1 ? conditions.get(0) : new AllOf(List.copyOf(conditions));
    }

    static Condition anyOf(List<Condition> conditions) {
        return conditions.size() == 1 ? conditions.get(0) : new AnyOf(List.copyOf(conditions));
    }
}
