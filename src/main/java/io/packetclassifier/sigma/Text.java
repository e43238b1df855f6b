package io.packetclassifier.sigma;

import java.util.Locale;

final class Text {

    private Text() {
    }

    /** Lower case, without allocating when the text is already lower-case ASCII (most event values). */
    static String lower(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z' || c > 127) {
                return s.toLowerCase(Locale.ROOT);
            }
        }
        return s;
    }
}
