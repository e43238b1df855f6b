package io.packetclassifier.sigma;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The string transformations of Sigma's value modifiers: {@code windash}, {@code base64}, {@code base64offset}, UTF-16. */
final class ValueEncoding {

    private static final char[] DASHES = { '-', '/', '\u2013', '\u2014', '\u2015' };
    /** More variants than this stop the windash expansion: a value with dozens of parameters. */
    private static final int MAX_WINDASH_VARIANTS = 3125;

    private ValueEncoding() {
    }

    /** {@code windash}: every parameter dash ({@code -} or {@code /} starting a word) in each of its forms. */
    static List<String> windash(String value) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean startsWord = i + 1 < value.length() && isWord(value.charAt(i + 1));
            boolean afterNonWord = i == 0 || !isWord(value.charAt(i - 1));
            if ((c == '-' || c == '/') && startsWord && afterNonWord) {
                positions.add(i);
            }
        }
        List<String> variants = new ArrayList<>();
        variants.add(value);
        for (int position : positions) {
            List<String> expanded = new ArrayList<>();
            for (String variant : variants) {
                for (char dash : DASHES) {
                    char[] chars = variant.toCharArray();
                    chars[position] = dash;
                    expanded.add(new String(chars));
                }
            }
            variants = expanded;
            if (variants.size() > MAX_WINDASH_VARIANTS) {
                break;
            }
        }
        return new ArrayList<>(new LinkedHashSet<>(variants));
    }

    private static boolean isWord(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** The base64 forms of a Sigma value under {@code base64} or {@code base64offset}, each a Sigma value again. */
    static List<String> base64(String value, Set<Modifier> modifiers) {
        byte[] bytes = bytes(unescape(value), modifiers);
        return modifiers.contains(Modifier.BASE64OFFSET) ? base64Offsets(bytes)
                : List.of(escape(Base64.getEncoder().encodeToString(bytes)));
    }

    /** The bytes that get encoded: UTF-8, or UTF-16 as the modifiers say. */
    private static byte[] bytes(String plain, Set<Modifier> modifiers) {
        if (modifiers.contains(Modifier.UTF16LE) || modifiers.contains(Modifier.WIDE)) {
            return plain.getBytes(StandardCharsets.UTF_16LE);
        }
        if (modifiers.contains(Modifier.UTF16BE)) {
            return plain.getBytes(StandardCharsets.UTF_16BE);
        }
        if (modifiers.contains(Modifier.UTF16)) {
            byte[] le = plain.getBytes(StandardCharsets.UTF_16LE);
            byte[] withBom = new byte[le.length + 2];
            withBom[0] = (byte) 0xFF;
            withBom[1] = (byte) 0xFE;
            System.arraycopy(le, 0, withBom, 2, le.length);
            return withBom;
        }
        return plain.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The three base64 forms a value takes inside a longer encoded text, depending on its byte offset
     * modulo 3: encode it after 0, 1 or 2 filler bytes and keep only the characters that depend on it alone.
     */
    static List<String> base64Offsets(byte[] value) {
        int[] start = { 0, 2, 3 };
        List<String> variants = new ArrayList<>();
        for (int shift = 0; shift < 3; shift++) {
            byte[] shifted = new byte[value.length + shift];
            Arrays.fill(shifted, 0, shift, (byte) ' ');
            System.arraycopy(value, 0, shifted, shift, value.length);
            String encoded = Base64.getEncoder().encodeToString(shifted);
            int endTrim = switch ((value.length + shift) % 3) {
                case 1 -> 3;
                case 2 -> 2;
                default -> 0;
            };
            variants.add(escape(encoded.substring(start[shift], encoded.length() - endTrim)));
        }
        return variants;
    }

    /** Sigma escapes → plain text (for values that get encoded, where wildcards mean nothing). */
    private static String unescape(String value) {
        StringBuilder plain = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length() && "*?\\".indexOf(value.charAt(i + 1)) >= 0) {
                c = value.charAt(++i);
            }
            plain.append(c);
        }
        return plain.toString();
    }

    /** Plain text → a Sigma value matching it literally. */
    private static String escape(String plain) {
        return plain.replace("\\", "\\\\").replace("*", "\\*").replace("?", "\\?");
    }
}
