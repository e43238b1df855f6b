package io.packetclassifier.event;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** UUIDs as event ids: checked and turned into their 128 bits in one pass. */
public final class Uuid {

    private Uuid() {
    }

    private static final byte[] HEX_VALUE = new byte[128];
    static {
        Arrays.fill(HEX_VALUE, (byte) -1);
        for (int c = '0'; c <= '9'; c++) {
            HEX_VALUE[c] = (byte) (c - '0');
        }
        for (int c = 'a'; c <= 'f'; c++) {
            HEX_VALUE[c] = (byte) (c - 'a' + 10);
            HEX_VALUE[c - 'a' + 'A'] = (byte) (c - 'a' + 10);
        }
    }

    /**
     * Parses a UUID in 8-4-4-4-12 form (hex digits in any case) into {@code bits[0]} (first 64 bits) and
     * {@code bits[1]}; false, with {@code bits} unspecified, for anything else. One pass over a byte copy:
     * per-character String access made the id check cost more than the set look-up.
     */
    public static boolean parse(CharSequence id, long[] bits) {
        if (id.length() != 36) {
            return false;
        }
        byte[] chars = id.toString().getBytes(StandardCharsets.ISO_8859_1);
        if (chars[8] != '-' || chars[13] != '-' || chars[18] != '-' || chars[23] != '-') {
            return false;
        }
        long hi = 0;
        long lo = 0;
        int bad = 0;
        for (int i = 0; i < 18; i++) {
            int v = HEX_VALUE[chars[i] & 0x7F] | (chars[i] >> 7); // negative for non-hex and non-ASCII
            bad |= i == 8 || i == 13 ? 0 : v;
            hi = i == 8 || i == 13 ? hi : hi << 4 | (v & 0xF);
        }
        for (int i = 19; i < 36; i++) {
            int v = HEX_VALUE[chars[i] & 0x7F] | (chars[i] >> 7);
            bad |= i == 23 ? 0 : v;
            lo = i == 23 ? lo : lo << 4 | (v & 0xF);
        }
        bits[0] = hi;
        bits[1] = lo;
        return bad >= 0;
    }

    /** The id's bits as {@code {hi, lo}}; {@code {0, 0}} when it is not a UUID. */
    static long[] bits(CharSequence id) {
        long[] bits = new long[2];
        if (id == null || !parse(id, bits)) {
            bits[0] = 0;
            bits[1] = 0;
        }
        return bits;
    }
}
