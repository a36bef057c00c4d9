package io.antiphon.engine.eval;

import io.antiphon.engine.token.Vocabulary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How often each token followed each context of 0..maxOrder tokens in a set of training sequences: a trie of
 * contexts read backwards from the newest token, frozen into flat arrays.
 *
 * <p>Level {@code k} holds the distinct contexts of {@code k} tokens. The children of a context (one older token
 * each) are contiguous on the next level and sorted by that token, so a lookup is a binary search. Each context
 * has a contiguous, token-sorted run of <em>entries</em>: the tokens seen after it, with their count and, below
 * the top level, their continuation count (the number of distinct one-token-older contexts, or the sequence start,
 * that the pair was seen with; Kneser-Ney's N1+(• w x)). Contexts never cross the start of a sequence.
 *
 * <p>Built without hashing: positions are radix-sorted by their reversed context, then one scan emits every node and
 * entry. About 9 bytes per context and 9 per entry; deterministic.
 */
final class ContextTrie {

    /** Largest supported order; bounded so a position's depth fits a byte. */
    static final int MAX_SUPPORTED_ORDER = 64;

    /** The one context of level 0 (no tokens). */
    static final int ROOT = 0;

    private static final int SIZE = Vocabulary.SIZE;
    /** Sort digit of a position that lies before the start of its sequence. */
    private static final int BEFORE_START = SIZE;

    private final int maxOrder;
    private final byte[][] nodeToken;
    private final int[][] firstChild;
    private final int[][] firstEntry;
    private final byte[][] entryToken;
    private final int[][] entryCount;
    private final int[][] entryContinuation;

    private ContextTrie(int maxOrder, byte[][] nodeToken, int[][] firstChild, int[][] firstEntry,
                        byte[][] entryToken, int[][] entryCount, int[][] entryContinuation) {
        this.maxOrder = maxOrder;
        this.nodeToken = nodeToken;
        this.firstChild = firstChild;
        this.firstEntry = firstEntry;
        this.entryToken = entryToken;
        this.entryCount = entryCount;
        this.entryContinuation = entryContinuation;
    }

    /**
     * Counts every context of 0..{@code maxOrder} tokens and what followed it.
     *
     * @throws IllegalArgumentException if a token lies outside the vocabulary, or the sequences hold no tokens or more
     *                                  than {@code Integer.MAX_VALUE - 8} in all
     */
    static ContextTrie build(List<int[]> sequences, int maxOrder) {
        if (maxOrder < 0 || maxOrder > MAX_SUPPORTED_ORDER) {
            throw new IllegalArgumentException("max order out of range 0.." + MAX_SUPPORTED_ORDER + ": " + maxOrder);
        }
        long total = 0;
        for (int[] sequence : sequences) total += sequence.length;
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("training data too large: " + total + " tokens (at most "
                    + (Integer.MAX_VALUE - 8) + ")");
        }
        if (total == 0) throw new IllegalArgumentException("no training tokens: " + sequences.size() + " empty sequences");
        int n = (int) total;
        int[] text = new int[n];
        byte[] depth = new byte[n];
        int at = 0;
        for (int s = 0; s < sequences.size(); s++) {
            int[] sequence = sequences.get(s);
            for (int j = 0; j < sequence.length; j++) {
                int token = sequence[j];
                if (token < 0 || token >= SIZE) {
                    throw new IllegalArgumentException("training sequence " + s + ", position " + j + ": token "
                            + token + " outside the vocabulary 0.." + (SIZE - 1));
                }
                text[at] = token;
                depth[at] = (byte) Math.min(j, maxOrder);
                at++;
            }
        }
        int[] sorted = sortByReversedContext(text, depth, maxOrder);
        return new Scan(text, depth, maxOrder).run(sorted);
    }

    /** LSD radix sort of all positions by their context digits 1..maxOrder (digit k = the token k steps back). */
    private static int[] sortByReversedContext(int[] text, byte[] depth, int maxOrder) {
        int n = text.length;
        int[] from = new int[n];
        for (int i = 0; i < n; i++) from[i] = i;
        int[] to = new int[n];
        int[] next = new int[SIZE + 1];
        for (int k = maxOrder; k >= 1; k--) {
            Arrays.fill(next, 0);
            for (int p = 0; p < n; p++) next[digit(text, depth, p, k)]++;
            int sum = 0;
            for (int d = 0; d <= SIZE; d++) {
                int c = next[d];
                next[d] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) {
                int p = from[i];
                to[next[digit(text, depth, p, k)]++] = p;
            }
            int[] swap = from;
            from = to;
            to = swap;
        }
        return from;
    }

    private static int digit(int[] text, byte[] depth, int position, int k) {
        return depth[position] >= k ? text[position - k] : BEFORE_START;
    }

    int maxOrder() {
        return maxOrder;
    }

    /** Number of distinct contexts of {@code level} tokens. */
    int contexts(int level) {
        return firstEntry[level].length - 1;
    }

    /** Number of distinct (context, next token) pairs on {@code level}. */
    int entries(int level) {
        return entryToken[level].length;
    }

    /** The context one token older than {@code node} (on {@code level}) whose oldest token is {@code token}, or -1. */
    int child(int level, int node, int token) {
        if (level >= maxOrder) return -1;
        byte[] tokens = nodeToken[level + 1];
        int lo = firstChild[level][node];
        int hi = firstChild[level][node + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int t = tokens[mid] & 0xFF;
            if (t < token) lo = mid + 1;
            else if (t > token) hi = mid - 1;
            else return mid;
        }
        return -1;
    }

    /**
     * Finds the longest known context at the end of {@code history[0..length)}: {@code nodes[k]} becomes the
     * context of the last {@code k} tokens, for k = 0..the returned order (at most maxOrder and length).
     */
    int match(int[] history, int length, int[] nodes) {
        nodes[0] = ROOT;
        int order = 0;
        int limit = Math.min(maxOrder, length);
        while (order < limit) {
            int next = child(order, nodes[order], history[length - 1 - order]);
            if (next < 0) break;
            nodes[++order] = next;
        }
        return order;
    }

    int entryStart(int level, int node) {
        return firstEntry[level][node];
    }

    int entryEnd(int level, int node) {
        return firstEntry[level][node + 1];
    }

    int entryToken(int level, int entry) {
        return entryToken[level][entry] & 0xFF;
    }

    int entryCount(int level, int entry) {
        return entryCount[level][entry];
    }

    /** Continuation count of an entry; defined below the top level only. */
    int entryContinuation(int level, int entry) {
        return entryContinuation[level][entry];
    }

    /** The single pass over sorted positions that opens and closes contexts depth-first and emits the arrays. */
    private static final class Scan {
        private final int[] text;
        private final byte[] depth;
        private final int maxOrder;
        private final Bytes[] nodeToken;
        private final Ints[] firstChild;
        private final Ints[] firstEntry;
        private final Bytes[] entryToken;
        private final Ints[] entryCount;
        private final Ints[] entryContinuation;
        /** Per open level: count and continuation count of each next token, tokens touched, seen at a start. */
        private final int[][] count;
        private final int[][] continuation;
        private final boolean[][] afterStart;
        private final int[][] touched;
        private final int[] touchedSize;

        Scan(int[] text, byte[] depth, int maxOrder) {
            this.text = text;
            this.depth = depth;
            this.maxOrder = maxOrder;
            int levels = maxOrder + 1;
            nodeToken = new Bytes[levels];
            firstChild = new Ints[levels];
            firstEntry = new Ints[levels];
            entryToken = new Bytes[levels];
            entryCount = new Ints[levels];
            entryContinuation = new Ints[levels];
            for (int k = 0; k < levels; k++) {
                nodeToken[k] = new Bytes();
                firstChild[k] = new Ints();
                firstEntry[k] = new Ints();
                entryToken[k] = new Bytes();
                entryCount[k] = new Ints();
                entryContinuation[k] = new Ints();
            }
            count = new int[levels][SIZE];
            continuation = new int[levels][SIZE];
            afterStart = new boolean[levels][SIZE];
            touched = new int[levels][SIZE];
            touchedSize = new int[levels];
        }

        ContextTrie run(int[] sorted) {
            open(0, 0);
            int deepestOpen = 0;
            int previous = -1;
            for (int position : sorted) {
                int d = depth[position];
                if (previous >= 0) {
                    int shared = 0;
                    int limit = Math.min(d, depth[previous]);
                    while (shared < limit && text[position - shared - 1] == text[previous - shared - 1]) shared++;
                    for (int k = deepestOpen; k > shared; k--) close(k);
                    deepestOpen = shared;
                }
                for (int k = deepestOpen + 1; k <= d; k++) open(k, text[position - k]);
                deepestOpen = d;
                int next = text[position];
                for (int k = 0; k <= d; k++) {
                    if (count[k][next]++ == 0) touched[k][touchedSize[k]++] = next;
                }
                if (d < maxOrder) afterStart[d][next] = true;
                previous = position;
            }
            for (int k = deepestOpen; k >= 0; k--) close(k);

            int levels = maxOrder + 1;
            byte[][] nodeTokens = new byte[levels][];
            int[][] firstChildren = new int[levels][];
            int[][] firstEntries = new int[levels][];
            byte[][] entryTokens = new byte[levels][];
            int[][] entryCounts = new int[levels][];
            int[][] entryContinuations = new int[levels][];
            for (int k = 0; k < levels; k++) {
                if (k < maxOrder) {
                    firstChild[k].add(nodeToken[k + 1].size());
                    firstChildren[k] = firstChild[k].toArray();
                    entryContinuations[k] = entryContinuation[k].toArray();
                }
                firstEntry[k].add(entryToken[k].size());
                nodeTokens[k] = nodeToken[k].toArray();
                firstEntries[k] = firstEntry[k].toArray();
                entryTokens[k] = entryToken[k].toArray();
                entryCounts[k] = entryCount[k].toArray();
            }
            return new ContextTrie(maxOrder, nodeTokens, firstChildren, firstEntries, entryTokens, entryCounts,
                    entryContinuations);
        }

        private void open(int level, int token) {
            nodeToken[level].add((byte) token);
            if (level < maxOrder) firstChild[level].add(nodeToken[level + 1].size());
            firstEntry[level].add(entryToken[level].size());
        }

        private void close(int level) {
            int[] tokens = touched[level];
            int size = touchedSize[level];
            Arrays.sort(tokens, 0, size);
            int[] counts = count[level];
            int[] continuations = continuation[level];
            boolean[] starts = afterStart[level];
            for (int i = 0; i < size; i++) {
                int token = tokens[i];
                entryToken[level].add((byte) token);
                entryCount[level].add(counts[token]);
                if (level < maxOrder) entryContinuation[level].add(continuations[token] + (starts[token] ? 1 : 0));
                if (level > 0) continuation[level - 1][token]++;
                counts[token] = 0;
                continuations[token] = 0;
                starts[token] = false;
            }
            touchedSize[level] = 0;
        }
    }

    /**
     * An append-only int list in chunks (growing to 1 Mi values each), so growing never copies and the build's peak
     * memory stays near the final size; {@link #toArray} concatenates once.
     */
    private static final class Ints {
        private final List<int[]> full = new ArrayList<>();
        private int[] current = new int[16];
        private int used;
        private int size;

        void add(int value) {
            if (used == current.length) {
                full.add(current);
                current = new int[Math.min(current.length * 2, CHUNK)];
                used = 0;
            }
            current[used++] = value;
            size = checkedIncrement(size);
        }

        int size() {
            return size;
        }

        int[] toArray() {
            int[] result = new int[size];
            int at = 0;
            for (int[] chunk : full) {
                System.arraycopy(chunk, 0, result, at, chunk.length);
                at += chunk.length;
            }
            System.arraycopy(current, 0, result, at, used);
            full.clear();
            current = null;
            return result;
        }
    }

    /** The byte twin of {@link Ints}. */
    private static final class Bytes {
        private final List<byte[]> full = new ArrayList<>();
        private byte[] current = new byte[16];
        private int used;
        private int size;

        void add(byte value) {
            if (used == current.length) {
                full.add(current);
                current = new byte[Math.min(current.length * 2, CHUNK)];
                used = 0;
            }
            current[used++] = value;
            size = checkedIncrement(size);
        }

        int size() {
            return size;
        }

        byte[] toArray() {
            byte[] result = new byte[size];
            int at = 0;
            for (byte[] chunk : full) {
                System.arraycopy(chunk, 0, result, at, chunk.length);
                at += chunk.length;
            }
            System.arraycopy(current, 0, result, at, used);
            full.clear();
            current = null;
            return result;
        }
    }

    private static final int CHUNK = 1 << 20;

    private static int checkedIncrement(int size) {
        if (size == Integer.MAX_VALUE - 8) throw new IllegalStateException("context trie level exceeds array limits");
        return size + 1;
    }
}
