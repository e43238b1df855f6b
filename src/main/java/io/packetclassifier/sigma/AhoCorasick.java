package io.packetclassifier.sigma;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/** Finds, in one pass over a text, which of many needles occur in it; each needle carries rule indexes. */
final class AhoCorasick {

    private final char[][] keys;
    private final int[][] next;
    private final int[] fail;
    private final int[][] outputs;
    private final int[] rootAscii = new int[128];

    AhoCorasick(Map<String, int[]> needles) {
        List<TreeMap<Character, Integer>> trie = new ArrayList<>();
        List<int[]> own = new ArrayList<>();
        trie.add(new TreeMap<>());
        own.add(null);
        for (Map.Entry<String, int[]> needle : needles.entrySet()) {
            int state = 0;
            for (char c : needle.getKey().toCharArray()) {
                Integer child = trie.get(state).get(c);
                if (child == null) {
                    child = trie.size();
                    trie.add(new TreeMap<>());
                    own.add(null);
                    trie.get(state).put(c, child);
                }
                state = child;
            }
            own.set(state, union(own.get(state), needle.getValue()));
        }
        int n = trie.size();
        keys = new char[n][];
        next = new int[n][];
        for (int s = 0; s < n; s++) {
            TreeMap<Character, Integer> edges = trie.get(s);
            keys[s] = new char[edges.size()];
            next[s] = new int[edges.size()];
            int i = 0;
            for (Map.Entry<Character, Integer> edge : edges.entrySet()) {
                keys[s][i] = edge.getKey();
                next[s][i++] = edge.getValue();
            }
        }
        fail = new int[n];
        outputs = new int[n][];
        outputs[0] = own.get(0);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int child : next[0]) {
            queue.add(child);
            outputs[child] = own.get(child);
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            for (int i = 0; i < keys[s].length; i++) {
                char c = keys[s][i];
                int child = next[s][i];
                int f = fail[s];
                while (f != 0 && step(f, c) < 0) {
                    f = fail[f];
                }
                int target = step(f, c);
                fail[child] = target >= 0 && target != child ? target : 0;
                outputs[child] = union(own.get(child), outputs[fail[child]]);
                queue.add(child);
            }
        }
        Arrays.fill(rootAscii, 0);
        for (int i = 0; i < keys[0].length; i++) {
            if (keys[0][i] < 128) {
                rootAscii[keys[0][i]] = next[0][i];
            }
        }
    }

    /** Sets the bit of every rule index whose needle occurs in {@code text}. */
    void scan(String text, long[] bits) {
        int state = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            while (true) {
                int to = state == 0 ? (c < 128 ? rootAscii[c] : Math.max(step(0, c), 0)) : step(state, c);
                if (to > 0 || state == 0) {
                    state = Math.max(to, 0);
                    break;
                }
                state = fail[state];
            }
            int[] out = outputs[state];
            if (out != null) {
                for (int rule : out) {
                    bits[rule >>> 6] |= 1L << rule;
                }
            }
        }
    }

    private int step(int state, char c) {
        char[] k = keys[state];
        if (k.length < 8) {
            for (int i = 0; i < k.length; i++) {
                if (k[i] == c) {
                    return next[state][i];
                }
            }
            return -1;
        }
        int i = Arrays.binarySearch(k, c);
        return i >= 0 ? next[state][i] : -1;
    }

    private static int[] union(int[] a, int[] b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return IntStream.concat(Arrays.stream(a), Arrays.stream(b)).distinct().sorted().toArray();
    }
}
