package io.packetclassifier.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class AhoCorasickTest {

    /** The needles found in the text: each needle carries its own index as its "rule". */
    private static List<String> found(List<String> needles, String text) {
        Map<String, int[]> map = new LinkedHashMap<>();
        for (int i = 0; i < needles.size(); i++) {
            map.put(needles.get(i), new int[] { i });
        }
        long[] bits = new long[(needles.size() + 63) / 64 + 1];
        new AhoCorasick(map).scan(text, bits);
        List<String> found = new ArrayList<>();
        for (int i = 0; i < needles.size(); i++) {
            if ((bits[i >>> 6] & 1L << i) != 0) {
                found.add(needles.get(i));
            }
        }
        return found;
    }

    @Test
    void overlappingNeedles() {
        List<String> needles = List.of("abc", "bcd", "cde", "abcdef", "xyz");
        assertThat(found(needles, "zabcdez")).containsExactly("abc", "bcd", "cde");
        assertThat(found(needles, "abcdef")).containsExactly("abc", "bcd", "cde", "abcdef");
        assertThat(found(List.of("aa", "aaa"), "aaaa")).containsExactly("aa", "aaa");
        assertThat(found(List.of("aaa"), "aa")).isEmpty();
    }

    @Test
    void needlesThatAreSuffixesOfOthers() {
        List<String> needles = List.of("powershell", "shell", "ell", "l");
        assertThat(found(needles, "powershell")).containsExactly("powershell", "shell", "ell", "l");
        assertThat(found(needles, "bash -l")).containsExactly("l");
        assertThat(found(needles, "cmd")).isEmpty();
        // a failure link must carry the suffix's output even when the longer needle does not complete
        assertThat(found(List.of("abcx", "bc"), "abcy")).containsExactly("bc");
        assertThat(found(List.of("he", "she", "his", "hers"), "ushers")).containsExactly("he", "she", "hers");
    }

    @Test
    void nonAscii() {
        List<String> needles = List.of("ärger", "straße", "οδοσ", "日本", "\uD83D\uDE00", "e\u0301");
        assertThat(found(needles, "kein ärger auf der straße")).containsExactly("ärger", "straße");
        assertThat(found(needles, "οδοσημανση 日本語")).containsExactly("οδοσ", "日本");
        assertThat(found(needles, "smile \uD83D\uDE00 cafe\u0301")).containsExactly("\uD83D\uDE00", "e\u0301");
        assertThat(found(needles, "arger strasse")).isEmpty();
    }

    @Test
    void emptyText() {
        assertThat(found(List.of("a", "abc"), "")).isEmpty();
    }

    @Test
    void aNeedleSharedByManyRulesSetsEveryBit() {
        long[] bits = new long[3];
        new AhoCorasick(Map.of("cmd", new int[] { 0, 63, 64, 130 }, "exe", new int[] { 5 })).scan("cmd.exe", bits);
        assertThat(bits).containsExactly(1L | 1L << 5 | 1L << 63, 1L, 1L << 2);
    }

    @Test
    void foundSetEqualsBruteForceContainsOverRandomCases() {
        SplittableRandom random = new SplittableRandom(20260801);
        // small alphabets make overlaps, shared prefixes and suffixes frequent; a few non-ASCII characters
        String[] alphabets = { "ab", "abc", "abcd-/\\ ", "aé日\uD83D\uDE00b", "abcdefghijklmnopqrstuvwxyz0123456789" };
        for (int round = 0; round < 2000; round++) {
            String alphabet = alphabets[random.nextInt(alphabets.length)];
            TreeSet<String> set = new TreeSet<>();
            int count = 1 + random.nextInt(40);
            for (int i = 0; i < count; i++) {
                set.add(randomText(random, alphabet, 1 + random.nextInt(6)));
            }
            List<String> needles = new ArrayList<>(set);
            String text = randomText(random, alphabet, random.nextInt(60));
            if (random.nextBoolean()) { // plant some needles so that longer ones are found too
                StringBuilder planted = new StringBuilder(text);
                for (int p = random.nextInt(4); p > 0; p--) {
                    planted.insert(random.nextInt(planted.length() + 1), needles.get(random.nextInt(needles.size())));
                }
                text = planted.toString();
            }
            String t = text;
            List<String> expected = needles.stream().filter(t::contains).toList();
            assertThat(found(needles, text)).as("needles %s in '%s'", needles, text).isEqualTo(expected);
        }
    }

    private static String randomText(SplittableRandom random, String alphabet, int length) {
        int[] codePoints = alphabet.codePoints().toArray();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
        }
        return text.toString();
    }
}
