package io.packetclassifier.sigma;

/** Lower-casing for case-insensitive matching and for the prefilter, which must agree. */
final class CaseFolding {

    private CaseFolding() {
    }

    /**
     * Lower case, character by character, without allocating when the text is already lower-case ASCII (most
     * event values). Unlike {@link String#toLowerCase} it never looks at context (a word-final capital sigma)
     * nor changes the length (capital I with dot), so a value contained in a text stays contained once both
     * are lower-cased: what case-insensitive matching and the prefilter rely on.
     */
    static String lower(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z' || c > 127) {
                return lower(s, i);
            }
        }
        return s;
    }

    private static String lower(String s, int from) {
        char[] out = s.toCharArray();
        for (int i = from; i < out.length; i++) {
            char c = out[i];
            if (c < 128) {
                if (c >= 'A' && c <= 'Z') {
                    out[i] = (char) (c + ('a' - 'A'));
                }
            } else if (Character.isHighSurrogate(c) && i + 1 < out.length && Character.isLowSurrogate(out[i + 1])) {
                int lower = Character.toLowerCase(Character.toCodePoint(c, out[i + 1]));
                if (Character.charCount(lower) == 2) {
                    out[i] = Character.highSurrogate(lower);
                    out[i + 1] = Character.lowSurrogate(lower);
                }
                i++;
            } else {
                out[i] = Character.toLowerCase(c);
            }
        }
        return new String(out);
    }
}
