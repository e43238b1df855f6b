package io.packetclassifier.sigma;

import java.util.List;

/**
 * The longest run of plain characters that every match of a regular expression contains, lower-cased for
 * the prefilter, or null: read conservatively from the top level of the pattern (outside groups and
 * classes), and given up on at a top-level '|'. Under case-insensitive matching a character counts only if
 * every character it matches lower-cases to the same as it does: not 's', which also matches 'ſ' (long s),
 * nor any non-ASCII letter.
 */
final class RegexLiteral {

    private RegexLiteral() {
    }

    static String of(List<RegexToken> tokens, boolean ignoreCase) {
        String longest = "";
        StringBuilder run = new StringBuilder();
        int depth = 0;
        boolean caseless = ignoreCase;
        for (int i = 0; i < tokens.size(); i++) {
            RegexToken token = tokens.get(i);
            boolean topLevel = depth == 0;
            depth += token.kind() == RegexToken.Kind.GROUP_OPEN ? 1 : token.kind() == RegexToken.Kind.GROUP_CLOSE ? -1 : 0;
            if (!topLevel) {
                continue;
            }
            if (token.kind() == RegexToken.Kind.ALTERNATION) {
                return null;
            }
            if (token.kind() == RegexToken.Kind.FLAGS) {
                caseless = caseless(token.text(), caseless);
            }
            if (token.kind() == RegexToken.Kind.LITERAL && (!caseless || foldsToItself(token.literal()))) {
                RegexToken next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
                boolean quantified = next != null && next.kind() == RegexToken.Kind.QUANTIFIER;
                if (!quantified) {
                    run.append(token.literal());
                    continue; // the run goes on
                }
                if (!next.optional()) {
                    run.append(token.literal()); // once at least, and the run ends
                }
            }
            if (run.length() > longest.length()) {
                longest = run.toString();
            }
            run.setLength(0);
        }
        if (run.length() > longest.length()) {
            longest = run.toString();
        }
        return longest.isEmpty() ? null : CaseFolding.lower(longest);
    }

    /** Whether every character a case-insensitive match of {@code c} accepts lower-cases to what {@code c} does. */
    private static boolean foldsToItself(String c) {
        return c.length() == 1 && c.charAt(0) < 128 && c.charAt(0) != 's' && c.charAt(0) != 'S';
    }

    /** Whether {@code i} is on after inline flags such as {@code (?i)} or {@code (?-i)}. */
    private static boolean caseless(String flags, boolean caseless) {
        boolean on = true;
        for (char c : flags.toCharArray()) {
            if (c == '-') {
                on = false;
            } else if (c == 'i') {
                caseless = on;
            }
        }
        return caseless;
    }
}
