package io.antiphon.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContextTrieTest {

    /** Two sequences; the second starts with the token the first ends with. */
    private static final List<int[]> CORPUS = List.of(new int[] {0, 1, 0, 1, 0, 2}, new int[] {2, 3});

    /** A context's entries as "token:count/continuation" (continuation omitted on the top level). */
    private static List<String> entries(ContextTrie trie, int level, int node) {
        List<String> result = new ArrayList<>();
        for (int e = trie.entryStart(level, node); e < trie.entryEnd(level, node); e++) {
            String entry = trie.entryToken(level, e) + ":" + trie.entryCount(level, e);
            if (level < trie.maxOrder()) entry += "/" + trie.entryContinuation(level, e);
            result.add(entry);
        }
        return result;
    }

    @Test
    void orderZeroCountsEveryTokenAndItsDistinctPredecessorsIncludingTheSequenceStart() {
        ContextTrie trie = ContextTrie.build(CORPUS, 2);
        assertThat(trie.contexts(0)).isEqualTo(1);
        // 0 follows the start and 1; 1 follows 0; 2 follows 0 and the start of sequence 2; 3 follows 2.
        assertThat(entries(trie, 0, ContextTrie.ROOT)).containsExactly("0:3/2", "1:2/1", "2:2/2", "3:1/1");
    }

    @Test
    void contextsOfOneAndTwoTokensCountWhatFollowedThem() {
        ContextTrie trie = ContextTrie.build(CORPUS, 2);
        int after0 = trie.child(0, ContextTrie.ROOT, 0);
        int after1 = trie.child(0, ContextTrie.ROOT, 1);
        int after2 = trie.child(0, ContextTrie.ROOT, 2);
        assertThat(trie.contexts(1)).isEqualTo(3);
        assertThat(entries(trie, 1, after0)).containsExactly("1:2/2", "2:1/1");
        assertThat(entries(trie, 1, after1)).containsExactly("0:2/1");
        // The 2 that ends sequence 1 is no context for the 2 that starts sequence 2.
        assertThat(entries(trie, 1, after2)).containsExactly("3:1/1");

        assertThat(trie.contexts(2)).isEqualTo(2);
        int after1then0 = trie.child(1, after0, 1);
        int after0then1 = trie.child(1, after1, 0);
        assertThat(entries(trie, 2, after1then0)).containsExactly("1:1", "2:1");
        assertThat(entries(trie, 2, after0then1)).containsExactly("0:2");
        assertThat(trie.child(1, after0, 0)).isEqualTo(-1);
        assertThat(trie.child(1, after2, 2)).isEqualTo(-1);
        assertThat(trie.child(0, ContextTrie.ROOT, 239)).isEqualTo(-1);
        assertThat(trie.child(2, after1then0, 0)).isEqualTo(-1);
    }

    @Test
    void matchFindsTheLongestKnownContextAtTheEndOfAHistory() {
        ContextTrie trie = ContextTrie.build(CORPUS, 2);
        int[] nodes = new int[3];
        assertThat(trie.match(new int[] {7, 1, 0}, 3, nodes)).isEqualTo(2);
        assertThat(nodes[1]).isEqualTo(trie.child(0, ContextTrie.ROOT, 0));
        assertThat(nodes[2]).isEqualTo(trie.child(1, nodes[1], 1));
        assertThat(trie.match(new int[] {7, 1, 0}, 2, nodes)).isEqualTo(1);
        assertThat(trie.match(new int[] {0, 0}, 2, nodes)).isEqualTo(1);
        assertThat(trie.match(new int[] {9}, 1, nodes)).isZero();
        assertThat(trie.match(new int[0], 0, nodes)).isZero();
    }

    @Test
    void orderZeroKeepsOnlyTheUnigramCounts() {
        ContextTrie trie = ContextTrie.build(CORPUS, 0);
        assertThat(trie.contexts(0)).isEqualTo(1);
        assertThat(entries(trie, 0, ContextTrie.ROOT)).containsExactly("0:3", "1:2", "2:2", "3:1");
        assertThat(trie.child(0, ContextTrie.ROOT, 0)).isEqualTo(-1);
    }

    @Test
    void badInputIsRejectedWithItsPlace() {
        assertThatThrownBy(() -> ContextTrie.build(List.of(new int[] {1}, new int[] {0, 5, 240}), 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("training sequence 1, position 2: token 240 outside the vocabulary 0..239");
        assertThatThrownBy(() -> ContextTrie.build(List.of(new int[] {-1}), 3))
                .hasMessageContaining("token -1 outside the vocabulary");
        assertThatThrownBy(() -> ContextTrie.build(List.of(new int[0], new int[0]), 3))
                .hasMessage("no training tokens: 2 empty sequences");
        assertThatThrownBy(() -> ContextTrie.build(CORPUS, 65))
                .hasMessage("max order out of range 0..64: 65");
        assertThatThrownBy(() -> ContextTrie.build(CORPUS, -1))
                .hasMessage("max order out of range 0..64: -1");
    }
}
