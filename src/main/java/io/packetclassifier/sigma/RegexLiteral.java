package io.packetclassifier.sigma;

import java.util.regex.Pattern;

/** The literal text a regular expression's every match contains, for the prefilter. */
final class RegexLiteral {

    private RegexLiteral() {
    }

    /**
     * The longest run of plain characters that every match contains (lower-cased, for the prefilter), or
     * null: read conservatively from the top level of the pattern (outside groups and classes), and
     * given up on at a top-level '|', and with Unicode case folding or comments, whose matches a
     * lower-cased substring test could miss (e.g. 'ſ' matches 's' under UNICODE_CASE).
     */
    static String of(Pattern pattern) {
        String regex = pattern.pattern();
        if ((pattern.flags() & (Pattern.UNICODE_CASE | Pattern.COMMENTS | Pattern.LITERAL | Pattern.CANON_EQ)) != 0
                || regex.contains("\\Q") || INLINE_UNICODE_OR_COMMENTS.matcher(regex).find()) {
            return null;
        }
        String longest = "";
        StringBuilder run = new StringBuilder();
        int i = 0;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            int atomEnd;
            Character literal = null;
            if (c == '\\') {
                if (i + 1 >= regex.length()) {
                    return null;
                }
                char e = regex.charAt(i + 1);
                if (Character.isLetterOrDigit(e)) {
                    atomEnd = skipEscape(regex, i);
                } else {
                    literal = e;
                    atomEnd = i + 2;
                }
            } else if (c == '(') {
                atomEnd = skipGroup(regex, i);
            } else if (c == '[') {
                atomEnd = skipClass(regex, i);
            } else if (c == '|') {
                return null;
            } else if (c == ')') {
                return null; // unbalanced: Pattern would not have compiled it; be safe anyway
            } else if (".^$".indexOf(c) >= 0) {
                atomEnd = i + 1;
            } else if ("*+?{".indexOf(c) >= 0) {
                return null; // a quantifier without an atom: not expected in a compiled pattern
            } else {
                literal = c;
                atomEnd = i + 1;
            }
            if (atomEnd < 0) {
                return null;
            }
            int quantifierEnd = skipQuantifier(regex, atomEnd);
            boolean optional = quantifierEnd > atomEnd && (regex.charAt(atomEnd) == '?' || regex.charAt(atomEnd) == '*'
                    || regex.startsWith("{0", atomEnd) || regex.startsWith("{,", atomEnd));
            if (literal != null && !optional) {
                run.append(literal.charValue());
            }
            if (literal == null || quantifierEnd > atomEnd) {
                if (run.length() > longest.length()) {
                    longest = run.toString();
                }
                run.setLength(0);
            }
            i = quantifierEnd;
        }
        if (run.length() > longest.length()) {
            longest = run.toString();
        }
        return longest.isEmpty() ? null : CaseFolding.lower(longest);
    }

    private static final Pattern INLINE_UNICODE_OR_COMMENTS = Pattern.compile("\\(\\?[a-zA-Z-]*[uUx]");

    /** After an escape with a letter or digit: {@code \d, \p{L}, \x41, \k<name>, \0101}. */
    private static int skipEscape(String regex, int at) {
        char e = regex.charAt(at + 1);
        int end = at + 2;
        if ((e == 'p' || e == 'P' || e == 'x' || e == 'N') && end < regex.length() && regex.charAt(end) == '{'
                || e == 'k' && end < regex.length() && regex.charAt(end) == '<') {
            int close = regex.indexOf(e == 'k' ? '>' : '}', end);
            return close < 0 ? -1 : close + 1;
        }
        if (e == 'p' || e == 'P' || e == 'c') {
            return Math.min(end + 1, regex.length());
        }
        if (e == 'x') {
            return Math.min(end + 2, regex.length());
        }
        if (e == 'u') {
            return Math.min(end + 4, regex.length());
        }
        while (e == '0' && end < regex.length() && end < at + 5 && regex.charAt(end) >= '0' && regex.charAt(end) <= '7') {
            end++;
        }
        return end;
    }

    private static int skipGroup(String regex, int at) {
        int depth = 0;
        for (int i = at; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = skipClass(regex, i) - 1;
                if (i < 0) {
                    return -1;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i + 1;
            }
        }
        return -1;
    }

    private static int skipClass(String regex, int at) {
        int depth = 0;
        for (int i = at; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                depth++;
                if (i + 1 < regex.length() && regex.charAt(i + 1) == '^') {
                    i++;
                }
                if (i + 1 < regex.length() && regex.charAt(i + 1) == ']') {
                    i++; // a ']' first in a class is literal
                }
            } else if (c == ']' && --depth == 0) {
                return i + 1;
            }
        }
        return -1;
    }

    private static int skipQuantifier(String regex, int at) {
        if (at >= regex.length()) {
            return at;
        }
        char c = regex.charAt(at);
        int end;
        if (c == '*' || c == '+' || c == '?') {
            end = at + 1;
        } else if (c == '{' && at + 1 < regex.length() && (Character.isDigit(regex.charAt(at + 1)) || regex.charAt(at + 1) == ',')) {
            int close = regex.indexOf('}', at);
            end = close < 0 ? regex.length() : close + 1;
        } else {
            return at;
        }
        if (end < regex.length() && (regex.charAt(end) == '?' || regex.charAt(end) == '+')) {
            end++; // lazy or possessive
        }
        return end;
    }
}
