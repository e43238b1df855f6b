package io.packetclassifier.sigma;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A compiled condition. {@link #needles} is what the prefilter may rely on (null: nothing). */
interface Node {

    boolean matches(EventView event);

    /** (field, literal) pairs of which at least one occurs in any event this node matches; null if unknown. */
    Set<Needle> needles();

    record Needle(int field, String literal) {
    }

    record And(List<Node> children) implements Node {
        @Override
        public boolean matches(EventView event) {
            for (Node child : children) {
                if (!child.matches(event)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public Set<Needle> needles() {
            // Any one child's needles will do: take the most selective.
            return children.stream().map(Node::needles).filter(n -> n != null)
                    .max(Comparator.comparingInt(Node::selectivity)).orElse(null);
        }
    }

    record Or(List<Node> children) implements Node {
        @Override
        public boolean matches(EventView event) {
            for (Node child : children) {
                if (child.matches(event)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public Set<Needle> needles() {
            Set<Needle> all = new HashSet<>();
            for (Node child : children) {
                Set<Needle> needles = child.needles();
                if (needles == null) {
                    return null;
                }
                all.addAll(needles);
            }
            return all;
        }
    }

    record Not(Node child) implements Node {
        @Override
        public boolean matches(EventView event) {
            return !child.matches(event);
        }

        @Override
        public Set<Needle> needles() {
            return null;
        }
    }

    record Constant(boolean value) implements Node {
        @Override
        public boolean matches(EventView event) {
            return value;
        }

        @Override
        public Set<Needle> needles() {
            return value ? null : Set.of();
        }
    }

    /** One field with its values: any value matches (all of them with {@code |all}). */
    record Field(int field, List<ValueMatcher> values, boolean all) implements Node {
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
        public Set<Needle> needles() {
            if (all) {
                return values.stream().map(ValueMatcher::literal).filter(l -> l != null && !l.isEmpty())
                        .max(Comparator.comparingInt(String::length)).map(l -> Set.of(new Needle(field, l))).orElse(null);
            }
            Set<Needle> needles = new HashSet<>();
            for (ValueMatcher value : values) {
                String literal = value.literal();
                if (literal == null || literal.isEmpty()) {
                    return null;
                }
                needles.add(new Needle(field, literal));
            }
            return needles;
        }
    }

    /** Higher is better: the shortest needle's length, minus a little for many needles. */
    static int selectivity(Set<Needle> needles) {
        int shortest = needles.stream().mapToInt(n -> n.literal().length()).min().orElse(1000);
        return shortest * 64 - Math.min(needles.size(), 63);
    }

    static Node and(List<Node> nodes) {
        return nodes.size() == 1 ? nodes.get(0) : new And(List.copyOf(nodes));
    }

    static Node or(List<Node> nodes) {
        return nodes.size() == 1 ? nodes.get(0) : new Or(List.copyOf(new ArrayList<>(nodes)));
    }
}
