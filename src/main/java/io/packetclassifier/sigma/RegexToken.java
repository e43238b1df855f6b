package io.packetclassifier.sigma;

import java.util.ArrayList;
import java.util.List;

/**
 * One piece of a regular expression in PCRE syntax, as far as translating it and finding its literal need:
 * the tokenizer knows where escapes, classes, groups and quantifiers end, not what they mean.
 *
 * @param text the piece as written
 */
record RegexToken(Kind kind, String text) {

    enum Kind {
        /** One character matching itself: {@code a}, or escaped punctuation {@code \.} */
        LITERAL,
        /** A backslash and a letter or digit, with what belongs to it: {@code \d}, {@code \x{41}}, {@code \p{L}}, {@code \1} */
        ESCAPE,
        /** {@code \Q…\E}: text taken literally */
        QUOTED,
        /** {@code […]}, whole */
        CLASS,
        /** The opening of a group: {@code (}, {@code (?:}, {@code (?i:}, {@code (?<name>}, {@code (?=}, … */
        GROUP_OPEN,
        /** {@code (?i)}, {@code (?-m)}: flags for the rest of the enclosing group */
        FLAGS,
        GROUP_CLOSE,
        ALTERNATION,
        DOT,
        START,
        END,
        /** {@code *}, {@code +}, {@code ?}, {@code {n,m}}, with a lazy {@code ?} or possessive {@code +} after it */
        QUANTIFIER
    }

    /** The character a LITERAL token matches (two chars for a surrogate pair). */
    String literal() {
        return text.startsWith("\\") ? text.substring(1) : text;
    }

    /** Whether this QUANTIFIER allows zero repetitions. */
    boolean optional() {
        return text.startsWith("?") || text.startsWith("*") || text.startsWith("{0");
    }

    /** The tokens of a pattern; an unterminated class, group name or {@code \Q} runs to the end. */
    static List<RegexToken> tokenize(String pattern) {
        List<RegexToken> tokens = new ArrayList<>();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            int end;
            Kind kind;
            if (c == '\\') {
                end = escapeEnd(pattern, i);
                boolean letterOrDigit = i + 1 < pattern.length() && Character.isLetterOrDigit(pattern.charAt(i + 1));
                kind = pattern.startsWith("\\Q", i) ? Kind.QUOTED : letterOrDigit ? Kind.ESCAPE : Kind.LITERAL;
            } else if (c == '[') {
                end = classEnd(pattern, i);
                kind = Kind.CLASS;
            } else if (c == '(') {
                end = groupOpenEnd(pattern, i);
                boolean flags = pattern.charAt(end - 1) == ')' && end - i > 2 && pattern.startsWith("(?", i)
                        && "#(P".indexOf(pattern.charAt(i + 2)) < 0;
                kind = flags ? Kind.FLAGS : Kind.GROUP_OPEN;
            } else if (c == '{' && quantifierEnd(pattern, i) > i || c == '*' || c == '+' || c == '?') {
                end = quantifierEnd(pattern, i);
                kind = Kind.QUANTIFIER;
            } else {
                end = i + (Character.isHighSurrogate(c) && i + 1 < pattern.length() ? 2 : 1);
                kind = switch (c) {
                    case ')' -> Kind.GROUP_CLOSE;
                    case '|' -> Kind.ALTERNATION;
                    case '.' -> Kind.DOT;
                    case '^' -> Kind.START;
                    case '$' -> Kind.END;
                    default -> Kind.LITERAL;
                };
            }
            tokens.add(new RegexToken(kind, pattern.substring(i, end)));
            i = end;
        }
        return tokens;
    }

    private static int escapeEnd(String p, int at) {
        if (at + 1 >= p.length()) {
            return p.length();
        }
        char e = p.charAt(at + 1);
        int end = at + 2;
        if (e == 'Q') {
            int close = p.indexOf("\\E", end);
            return close < 0 ? p.length() : close + 2;
        }
        if ("pPxNgko".indexOf(e) >= 0 && end < p.length() && "{<'".indexOf(p.charAt(end)) >= 0) {
            char close = p.charAt(end) == '{' ? '}' : p.charAt(end) == '<' ? '>' : '\'';
            int found = p.indexOf(close, end);
            return found < 0 ? p.length() : found + 1;
        }
        int digits = e == 'x' ? 2 : e == 'c' || e == 'p' || e == 'P' ? 1 : Character.isDigit(e) ? 2 : 0;
        for (int i = 0; i < digits && end < p.length() && (e != 'x' || Character.digit(p.charAt(end), 16) >= 0)
                && (!Character.isDigit(e) || Character.isDigit(p.charAt(end))); i++) {
            end++;
        }
        return end;
    }

    private static int classEnd(String p, int at) {
        int i = at + 1;
        if (i < p.length() && p.charAt(i) == '^') {
            i++;
        }
        if (i < p.length() && p.charAt(i) == ']') {
            i++; // a ']' first in a class is literal
        }
        for (; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\\') {
                i = escapeEnd(p, i) - 1;
            } else if (c == '[' && i + 1 < p.length() && p.charAt(i + 1) == ':') {
                int close = p.indexOf(":]", i + 2);
                i = close < 0 ? i : close + 1;
            } else if (c == ']') {
                return i + 1;
            }
        }
        return p.length();
    }

    /** After {@code (}, {@code (?:}, {@code (?<name>}, {@code (?P=name)}, {@code (?i)}, {@code (?i-m:}, {@code (?=}, … */
    private static int groupOpenEnd(String p, int at) {
        if (!p.startsWith("(?", at)) {
            return p.startsWith("(*", at) ? at + 2 : at + 1;
        }
        int i = at + 2;
        if (p.startsWith("<=", i) || p.startsWith("<!", i)) {
            return i + 2;
        }
        if (i < p.length() && (p.charAt(i) == '<' || p.charAt(i) == '\'' || p.startsWith("P<", i) || p.startsWith("P=", i)
                || p.startsWith("P>", i))) {
            int close = p.indexOf(p.charAt(i) == '\'' ? '\'' : p.startsWith("P=", i) || p.startsWith("P>", i) ? ')' : '>',
                    i + (p.charAt(i) == 'P' ? 2 : 1));
            return close < 0 ? p.length() : close + 1;
        }
        while (i < p.length() && (Character.isLetter(p.charAt(i)) || p.charAt(i) == '-' || p.charAt(i) == '^')) {
            i++;
        }
        // (?flags) or (?flags: ; anything else (=, !, >, |, #, (, R, &, digits) is the group's kind: one character
        return i < p.length() && (p.charAt(i) == ')' || p.charAt(i) == ':') ? i + 1 : Math.min(i + 1, p.length());
    }

    private static int quantifierEnd(String p, int at) {
        int end;
        if (p.charAt(at) == '{') {
            int i = at + 1;
            int digits = 0;
            while (i < p.length() && Character.isDigit(p.charAt(i))) {
                i++;
                digits++;
            }
            if (i < p.length() && p.charAt(i) == ',') {
                i++;
                while (i < p.length() && Character.isDigit(p.charAt(i))) {
                    i++;
                }
            }
            if (digits == 0 || i >= p.length() || p.charAt(i) != '}') {
                return at; // not a count: a literal '{'
            }
            end = i + 1;
        } else {
            end = at + 1;
        }
        return end < p.length() && (p.charAt(end) == '?' || p.charAt(end) == '+') ? end + 1 : end;
    }
}
