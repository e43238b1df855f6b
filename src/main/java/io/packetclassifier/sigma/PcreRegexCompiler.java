package io.packetclassifier.sigma;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * Compiles a Sigma {@code re} value, PCRE-flavoured, for RE2/J, which runs in time linear in the text and so
 * cannot be made to backtrack by what an attacker writes. Where RE2 reads PCRE syntax differently, the
 * pattern is rewritten to PCRE's meaning: {@code $} without {@code m} also matches before a final line feed,
 * {@code \s} includes the vertical tab, {@code \v} and {@code \h} are PCRE's classes, {@code \Z} and
 * {@code \e} exist. Constructs that need backtracking (back-references, look-around, atomic groups,
 * possessive quantifiers, recursion, conditionals) are refused with their name.
 */
final class PcreRegexCompiler {

    private static final String SPACE = "[:space:]"; // \t \n \x0B \f \r and space: PCRE's \s
    private static final String VERTICAL = "\\n\\x0B\\f\\r\\x{85}\\x{2028}\\x{2029}";
    private static final String HORIZONTAL = "\\t \\x{A0}\\x{1680}\\x{180E}\\x{2000}-\\x{200A}\\x{202F}\\x{205F}\\x{3000}";
    /** Without {@code m}: at the end, or before a line feed that ends the text. */
    private static final String END = "(?:\\n?\\z)";

    private static final Map<String, String> ESCAPES = Map.of("\\s", "[" + SPACE + "]", "\\S", "[[:^space:]]",
            "\\v", "[" + VERTICAL + "]", "\\V", "[^" + VERTICAL + "]", "\\h", "[" + HORIZONTAL + "]",
            "\\H", "[^" + HORIZONTAL + "]", "\\R", "(?:\\r\\n|[" + VERTICAL + "])", "\\e", "\\x1B");
    private static final Map<String, String> IN_CLASS = Map.of("\\s", SPACE, "\\S", "[:^space:]", "\\v", VERTICAL,
            "\\h", HORIZONTAL, "\\e", "\\x1B");

    /** Group openers and escapes that only a backtracking engine can run, by what they are called. */
    private static final Map<String, String> NON_LINEAR = Map.of("(?=", "look-ahead", "(?!", "negative look-ahead",
            "(?<=", "look-behind", "(?<!", "negative look-behind", "(?>", "atomic group", "(?(", "conditional group",
            "(?&", "subroutine call", "(?P>", "subroutine call", "(*", "backtracking control verb");
    private static final Map<String, String> BACK_REFERENCES = Map.of("(?P=", "back-reference", "\\k",
            "back-reference", "\\g", "back-reference");
    /** Linear, but RE2 has no such thing. */
    private static final Map<String, String> UNSUPPORTED = Map.of("(?|", "branch reset group", "(?#", "comment group",
            "\\K", "match start reset", "\\G", "anchor at the previous match");

    private PcreRegexCompiler() {
    }

    static Pattern compile(List<RegexToken> pcre, Set<Modifier> modifiers) throws UnsupportedRuleException {
        int flags = (modifiers.contains(Modifier.IGNORE_CASE) ? Pattern.CASE_INSENSITIVE : 0)
                | (modifiers.contains(Modifier.MULTILINE) ? Pattern.MULTILINE : 0)
                | (modifiers.contains(Modifier.DOTALL) ? Pattern.DOTALL : 0);
        String re2 = translate(pcre, modifiers.contains(Modifier.MULTILINE));
        try {
            return Pattern.compile(re2, flags);
        } catch (PatternSyntaxException e) {
            throw new UnsupportedRuleException("regular expression not valid: " + e.getMessage());
        }
    }

    /** The pattern in RE2 syntax with PCRE's meaning; {@code multiline}: the {@code m} modifier. */
    private static String translate(List<RegexToken> tokens, boolean multiline) throws UnsupportedRuleException {
        StringBuilder re2 = new StringBuilder();
        Deque<Boolean> enclosing = new ArrayDeque<>(); // whether m was on outside each open group
        boolean m = multiline;
        for (RegexToken token : tokens) {
            String text = token.text();
            switch (token.kind()) {
                case ESCAPE -> re2.append(escape(text));
                case CLASS -> re2.append(inClass(text));
                case GROUP_OPEN -> {
                    refuse(text);
                    enclosing.push(m);
                    if (text.startsWith("(?'")) {
                        text = "(?P<" + text.substring(3, text.length() - 1) + ">";
                    } else if (text.endsWith(":") && text.length() > 3) {
                        m = flags(text.substring(2, text.length() - 1), m);
                    }
                    re2.append(text);
                }
                case FLAGS -> {
                    m = flags(text.substring(2, text.length() - 1), m);
                    re2.append(text);
                }
                case GROUP_CLOSE -> {
                    m = enclosing.isEmpty() ? m : enclosing.pop();
                    re2.append(text);
                }
                case END -> re2.append(m ? "$" : END);
                case QUANTIFIER -> {
                    if (text.length() > 1 && text.endsWith("+")) {
                        throw new UnsupportedRuleException(refusal("possessive quantifier", text));
                    }
                    re2.append(text);
                }
                default -> re2.append(text);
            }
        }
        return re2.toString();
    }

    private static String escape(String text) throws UnsupportedRuleException {
        refuse(text);
        if (text.length() >= 2 && text.charAt(1) >= '1' && text.charAt(1) <= '9') {
            throw new UnsupportedRuleException(refusal("back-reference", text));
        }
        if (text.equals("\\Z")) {
            return END;
        }
        if (text.length() == 3 && text.charAt(1) == 'c') {
            return String.format("\\x{%X}", Character.toUpperCase(text.charAt(2)) ^ 0x40); // a control character
        }
        return ESCAPES.getOrDefault(text, text);
    }

    /** A class with PCRE's {@code \s}, {@code \v}, {@code \h} and {@code \e} spelled out for RE2. */
    private static String inClass(String text) throws UnsupportedRuleException {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                String escape = text.substring(i, i + 2);
                if (escape.equals("\\V") || escape.equals("\\H")) {
                    throw new UnsupportedRuleException(unsupported("a negated class escape inside a class", escape));
                }
                out.append(IN_CLASS.getOrDefault(escape, escape));
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The m flag after {@code (?flags)}; flags RE2 does not have are refused by name. */
    private static boolean flags(String letters, boolean m) throws UnsupportedRuleException {
        boolean on = true;
        for (char c : letters.toCharArray()) {
            switch (c) {
                case '-' -> on = false;
                case 'm' -> m = on;
                case 'i', 's', 'U' -> {
                }
                case 'x' -> throw new UnsupportedRuleException(unsupported("extended mode", "(?x)"));
                case 'R' -> throw new UnsupportedRuleException(refusal("recursion", "(?R)"));
                default -> throw new UnsupportedRuleException(unsupported("the inline flag " + c, "(?" + letters + ")"));
            }
        }
        return m;
    }

    private static void refuse(String text) throws UnsupportedRuleException {
        String nonLinear = named(NON_LINEAR, text);
        if (nonLinear == null && text.length() > 2 && text.startsWith("(?")
                && (Character.isDigit(text.charAt(2)) || text.charAt(2) == '+' || text.charAt(2) == '-')) {
            nonLinear = "subroutine call";
        }
        if (nonLinear == null) {
            nonLinear = named(BACK_REFERENCES, text);
        }
        if (nonLinear != null) {
            throw new UnsupportedRuleException(refusal(nonLinear, text));
        }
        String unsupported = named(UNSUPPORTED, text);
        if (unsupported != null) {
            throw new UnsupportedRuleException(unsupported(unsupported, text));
        }
    }

    private static String named(Map<String, String> constructs, String text) {
        for (Map.Entry<String, String> construct : constructs.entrySet()) {
            if (text.startsWith(construct.getKey())) {
                return construct.getValue();
            }
        }
        return null;
    }

    private static String refusal(String construct, String text) {
        return "regular expression uses " + construct + " '" + text
                + "': it needs a backtracking engine, and regular expressions run in linear time here";
    }

    private static String unsupported(String construct, String text) {
        return "regular expression uses " + construct + " '" + text + "', which is not supported";
    }
}
