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

    record Regex(Pattern pattern) implements ValueMatcher {
        @Override
        public boolean matches(EventView event, int field) {
            String value = event.raw(field);
            return value != null && pattern.matcher(value).find();
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
