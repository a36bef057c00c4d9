package io.antiphon.engine.adapt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The token ring between the performer and the learner: latest tokens, overwritten ones never read, the marks. */
class SessionTokensTest {

    private final SessionTokens tokens = new SessionTokens(8);

    @Test
    void theLatestTokensComeBackOldestFirst() {
        for (int t = 1; t <= 5; t++) tokens.write(t);
        int[] into = new int[3];

        int copied = tokens.copyLatest(tokens.written(), into);

        assertThat(copied).isEqualTo(3);
        assertThat(into).containsExactly(3, 4, 5);
    }

    @Test
    void tokensTheWriterOverwroteAreNeverRead() {
        for (int t = 1; t <= 20; t++) tokens.write(t);
        int[] into = new int[16];

        int copied = tokens.copyLatest(tokens.written(), into);

        assertThat(tokens.capacity()).isEqualTo(8);
        assertThat(copied).isEqualTo(8);
        assertThat(java.util.Arrays.copyOf(into, copied)).containsExactly(13, 14, 15, 16, 17, 18, 19, 20);
    }

    @Test
    void aPhraseEndMarksWhereTheLearnerReadsTo() {
        for (int t = 1; t <= 4; t++) tokens.write(t);
        tokens.endPhrase();
        tokens.write(9);
        int[] into = new int[8];

        int copied = tokens.copyLatest(tokens.latestPhraseEnd(), into);

        assertThat(tokens.phrasesEnded()).isEqualTo(1);
        assertThat(java.util.Arrays.copyOf(into, copied)).containsExactly(1, 2, 3, 4);
    }

    @Test
    void nothingBeforeAClearIsRead() {
        for (int t = 1; t <= 4; t++) tokens.write(t);
        tokens.clear();
        tokens.write(7);
        int[] into = new int[8];

        int copied = tokens.copyLatest(tokens.written(), into);

        assertThat(java.util.Arrays.copyOf(into, copied)).containsExactly(7);
    }
}
