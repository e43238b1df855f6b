package io.packetclassifier.sigma;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** One value of a Sigma field: how an event's field value is tested against it. */
interface ValueMatcher {

    boolean matches(EventView event, int field);

    /** A lower-case literal every matching value contains, for the prefilter; null if there is none. */
    default String literal() {
        return null;
    }

    /**
     * A Sigma wildcard pattern ({@code *}, {@code ?}, {@code \} escapes) compiled to literal pieces: the
     * common case (no {@code ?}) needs only startsWith/indexOf/endsWith, no regex.
     */
    final class Glob implements ValueMatcher {
        private final String[] parts;
        private final boolean leadingStar;
        private final boolean trailingStar;
        private final boolean cased;
        private final Pattern regex;

        Glob(String value, boolean prefixStar, boolean suffixStar, boolean cased) {
            this.cased = cased;
            // case-insensitive: compare lower-cased texts, '?' included, exactly as the prefilter does
            String sigmaValue = cased ? value : Text.lower(value);
            List<String> pieces = new ArrayList<>(); // the literal text between wildcards
            StringBuilder regexText = new StringBuilder(prefixStar ? ".*" : "");
            StringBuilder piece = new StringBuilder();
            boolean question = false;
            if (prefixStar) {
                pieces.add("");
            }
            for (int i = 0; i < sigmaValue.length(); i++) {
                char c = sigmaValue.charAt(i);
                if (c == '\\' && i + 1 < sigmaValue.length() && "*?\\".indexOf(sigmaValue.charAt(i + 1)) >= 0) {
                    c = sigmaValue.charAt(++i); // an escaped wildcard or backslash is literal
                } else if (c == '*' || c == '?') {
                    pieces.add(piece.toString());
                    piece.setLength(0);
                    regexText.append(c == '*' ? ".*" : ".");
                    question |= c == '?';
                    continue;
                }
                piece.append(c);
                regexText.append(Pattern.quote(String.valueOf(c)));
            }
            pieces.add(piece.toString());
            if (suffixStar) {
                pieces.add("");
                regexText.append(".*");
            }
            boolean wildcard = pieces.size() > 1;
            this.leadingStar = wildcard && pieces.get(0).isEmpty();
            this.trailingStar = wildcard && pieces.get(pieces.size() - 1).isEmpty();
            this.parts = pieces.stream().filter(p -> !p.isEmpty()).map(p -> cased ? p : Text.lower(p))
                    .toArray(String[]::new);
            this.regex = question ? Pattern.compile(regexText.toString(), Pattern.DOTALL) : null;
        }

        @Override
        public boolean matches(EventView event, int field) {
            String value = cased ? event.raw(field) : event.lower(field);
            if (value == null) {
                return false;
            }
            if (regex != null) {
                return regex.matcher(value).matches();
            }
            if (!leadingStar && !trailingStar && parts.length <= 1) {
                return value.equals(parts.length == 0 ? "" : parts[0]); // no wildcard: equality
            }
            int from = 0;
            for (int i = 0; i < parts.length; i++) {
                String part = parts[i];
                if (i == 0 && !leadingStar) {
                    if (!value.startsWith(part)) {
                        return false;
                    }
                    from = part.length();
                } else if (i == parts.length - 1 && !trailingStar) {
                    return value.length() - part.length() >= from && value.endsWith(part);
                } else {
                    int at = value.indexOf(part, from);
                    if (at < 0) {
                        return false;
                    }
                    from = at + part.length();
                }
            }
            return true;
        }

        @Override
        public String literal() {
            String longest = null; // parts never hold a wildcard, '?' included
            for (String part : parts) {
                if (longest == null || part.length() > longest.length()) {
                    longest = Text.lower(part);
                }
            }
            return longest;
        }
    }

    record Regex(Pattern pattern, String literal) implements ValueMatcher {

        static Regex of(Pattern pattern) {
            return new Regex(pattern, requiredLiteral(pattern));
        }

        @Override
        public boolean matches(EventView event, int field) {
            String value = event.raw(field);
            return value != null && pattern.matcher(value).find();
        }

        /**
         * The longest run of plain characters that every match contains (lower-cased, for the prefilter), or
         * null: read conservatively from the top level of the pattern (outside groups and classes), and
         * given up on at a top-level '|', and with Unicode case folding or comments, whose matches a
         * lower-cased substring test could miss (e.g. 'ſ' matches 's' under UNICODE_CASE).
         */
        static String requiredLiteral(Pattern pattern) {
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
            return longest.isEmpty() ? null : Text.lower(longest);
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

    /** Sigma {@code null}: the field is absent (or empty). */
    record Null() implements ValueMatcher {
        @Override
        public boolean matches(EventView event, int field) {
            String value = event.raw(field);
            return value == null || value.isEmpty();
        }
    }

    record Exists(boolean expected) implements ValueMatcher {
        @Override
        public boolean matches(EventView event, int field) {
            return (event.raw(field) != null) == expected;
        }
    }

    record Cidr(byte[] network, int prefixBits) implements ValueMatcher {
        static Cidr parse(String cidr) {
            int slash = cidr.indexOf('/');
            byte[] address = address(slash < 0 ? cidr : cidr.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("not a CIDR network: " + cidr);
            }
            try {
                int bits = slash < 0 ? address.length * 8 : Integer.parseInt(cidr.substring(slash + 1).trim());
                if (bits < 0 || bits > address.length * 8) {
                    throw new IllegalArgumentException("prefix length " + bits + " out of range in " + cidr);
                }
                return new Cidr(address, bits);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a CIDR network: " + cidr);
            }
        }

        /**
         * The bytes of an IP address literal: four decimal octets, or IPv6 (with a ':'); null for anything
         * else. Never a name lookup, and none of InetAddress's lenient IPv4 forms ("1.2.3", "0x7f.1").
         */
        static byte[] address(String text) {
            if (text.isEmpty()) {
                return null;
            }
            if (text.indexOf(':') < 0) {
                return ipv4(text);
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (!(c == ':' || c == '.' || Character.digit(c, 16) >= 0 && c < 128)) {
                    return null;
                }
            }
            try {
                return InetAddress.getByName(text).getAddress(); // a literal with ':' is never looked up
            } catch (java.net.UnknownHostException e) {
                return null;
            }
        }

        private static byte[] ipv4(String text) {
            byte[] address = new byte[4];
            int octet = 0;
            int value = 0;
            int digits = 0;
            for (int i = 0; i <= text.length(); i++) {
                char c = i < text.length() ? text.charAt(i) : '.';
                if (c >= '0' && c <= '9') {
                    value = value * 10 + (c - '0');
                    if (++digits > 3 || value > 255) {
                        return null;
                    }
                } else if (c == '.' && digits > 0 && octet < 4) {
                    address[octet++] = (byte) value;
                    value = 0;
                    digits = 0;
                } else {
                    return null;
                }
            }
            return octet == 4 ? address : null;
        }

        @Override
        public boolean matches(EventView event, int field) {
            String value = event.raw(field);
            byte[] address = value == null ? null : address(value);
            if (address == null || address.length != network.length) {
                return false;
            }
            int full = prefixBits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixBits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    record Compare(String operator, BigDecimal limit) implements ValueMatcher {
        @Override
        public boolean matches(EventView event, int field) {
            String value = event.raw(field);
            if (value == null) {
                return false;
            }
            BigDecimal number;
            try {
                String v = value.trim();
                number = v.startsWith("0x") || v.startsWith("0X") ? new BigDecimal(new BigInteger(v.substring(2), 16))
                        : new BigDecimal(v);
            } catch (NumberFormatException e) {
                return false;
            }
            int c = number.compareTo(limit);
            return switch (operator) {
                case "gt" -> c > 0;
                case "gte" -> c >= 0;
                case "lt" -> c < 0;
                default -> c <= 0;
            };
        }
    }

    /** {@code fieldref}: the value names another field whose value this one must equal (or contain, …). */
    record FieldRef(int other, String mode, boolean cased) implements ValueMatcher {
        @Override
        public boolean matches(EventView event, int field) {
            String value = cased ? event.raw(field) : event.lower(field);
            String reference = cased ? event.raw(other) : event.lower(other);
            if (value == null || reference == null) {
                return false;
            }
            return switch (mode) {
                case "contains" -> value.contains(reference);
                case "startswith" -> value.startsWith(reference);
                case "endswith" -> value.endsWith(reference);
                default -> value.equals(reference);
            };
        }
    }
}
