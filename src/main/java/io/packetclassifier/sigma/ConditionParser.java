package io.packetclassifier.sigma;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Sigma condition: {@code and}, {@code or}, {@code not}, parentheses, {@code 1 of x*}, {@code all of x*},
 * {@code 1 of them}, {@code all of them} over the rule's search identifiers.
 */
final class ConditionParser {

    private static final Pattern TOKEN = Pattern.compile("\\s*(\\(|\\)|[^\\s()]+)");

    private final List<String> tokens = new ArrayList<>();
    private final Map<String, Condition> searches;
    private int position;

    ConditionParser(String condition, Map<String, Condition> searches) throws UnsupportedRuleException {
        this.searches = searches;
        Matcher m = TOKEN.matcher(condition);
        int end = 0;
        while (m.lookingAt()) {
            tokens.add(m.group(1));
            end = m.end();
            m.region(end, condition.length());
        }
        if (!condition.substring(end).isBlank()) {
            throw new UnsupportedRuleException("cannot read the condition at '" + condition.substring(end) + "'");
        }
        if (condition.contains("|")) {
            throw new UnsupportedRuleException("aggregations in conditions ('|') are not supported");
        }
    }

    Condition parse() throws UnsupportedRuleException {
        Condition condition = or();
        if (position != tokens.size()) {
            throw error("unexpected '" + tokens.get(position) + "'");
        }
        return condition;
    }

    private Condition or() throws UnsupportedRuleException {
        List<Condition> nodes = new ArrayList<>(List.of(and()));
        while (accept("or")) {
            nodes.add(and());
        }
        return Condition.anyOf(nodes);
    }

    private Condition and() throws UnsupportedRuleException {
        List<Condition> nodes = new ArrayList<>(List.of(unary()));
        while (accept("and")) {
            nodes.add(unary());
        }
        return Condition.allOf(nodes);
    }

    private Condition unary() throws UnsupportedRuleException {
        if (accept("not")) {
            return new Condition.Not(unary());
        }
        if (accept("(")) {
            Condition inner = or();
            if (!accept(")")) {
                throw error("missing ')'");
            }
            return inner;
        }
        String token = next();
        if ((token.equals("1") || token.equalsIgnoreCase("any") || token.equalsIgnoreCase("all")) && accept("of")) {
            return quantifier(!token.equalsIgnoreCase("all"), next());
        }
        Condition search = searches.get(token);
        if (search == null) {
            throw error("no search identifier '" + token + "'");
        }
        return search;
    }

    /** {@code 1 of x*} is true if any matches, false over no identifier; {@code all of} needs at least one. */
    private Condition quantifier(boolean any, String target) throws UnsupportedRuleException {
        List<Condition> selected = new ArrayList<>();
        Pattern pattern = target.equals("them") ? null
                : Pattern.compile(Pattern.quote(target).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q"));
        for (Map.Entry<String, Condition> search : searches.entrySet()) {
            boolean chosen = pattern == null ? !search.getKey().startsWith("_") : pattern.matcher(search.getKey()).matches();
            if (chosen) {
                selected.add(search.getValue());
            }
        }
        if (selected.isEmpty()) {
            if (any) {
                return new Condition.Constant(false);
            }
            throw error("'all of " + target + "' names no search identifier");
        }
        return any ? Condition.anyOf(selected) : Condition.allOf(selected);
    }

    private boolean accept(String word) {
        if (position < tokens.size() && tokens.get(position).equalsIgnoreCase(word)) {
            position++;
            return true;
        }
        return false;
    }

    private String next() throws UnsupportedRuleException {
        if (position >= tokens.size()) {
            throw error("the condition ends too early");
        }
        return tokens.get(position++);
    }

    private UnsupportedRuleException error(String message) {
        return new UnsupportedRuleException("condition: " + message);
    }
}
