package io.antiphon.engine.perform;

import static io.antiphon.engine.perform.PerformanceDriver.MS;
import static io.antiphon.engine.perform.PerformanceDriver.TICK;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.antiphon.engine.token.TimedNote;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The answer is decided as of the moment the phrase ended, not the moment the thread happened to look: a performer
 * that first looks 45 ms (two ticks and more) after the phrase ended answers with the same notes as one that looked
 * every millisecond. So a late real-time thread (a loaded machine) cannot change the music, and a seeded demo repeats.
 */
class PerformerAnswerDecisionTest {

    private static final long SEED = 1234L;
    private static final long LATE = 45 * MS;

    @ParameterizedTest(name = "answer_start {0}, clock {1}")
    @CsvSource({"now, internal", "beat, internal", "now, player", "bar, player"})
    void aLateLookAtTheEndedPhraseChangesNothingInTheAnswer(String answerStart, String clock) {
        Run punctual = new Run(answerStart, clock);
        long decided = punctual.playCallAndRunUntilAnswered(-1, 0);
        punctual.runToTheAnswersEnd(decided);

        Run late = new Run(answerStart, clock);
        long lookedAt = late.playCallAndRunUntilAnswered(decided, decided + LATE);
        assertThat(lookedAt).as("it had not answered before it looked").isEqualTo(decided + LATE);
        late.runToTheAnswersEnd(lookedAt);

        List<TimedNote> expected = punctual.out.notes(TICK);
        List<TimedNote> answer = late.out.notes(TICK);
        assertThat(expected).isNotEmpty();
        assertThat(answer).extracting(TimedNote::pitch, TimedNote::velocity)
                .containsExactlyElementsOf(expected.stream()
                        .map(n -> org.assertj.core.groups.Tuple.tuple(n.pitch(), n.velocity())).toList());
        // notes due after the late look sound when they were planned, on the same ticks
        long lookedTick = lookedAt / TICK + 1;
        assertThat(answer.stream().filter(n -> n.startTick() > lookedTick).toList())
                .isEqualTo(expected.stream().filter(n -> n.startTick() > lookedTick).toList());
    }

    @Test
    void theAnswerNowControllerStillAnswersWhenItCame() {
        Run run = new Run("now", "internal");
        run.play(0, 900 * MS);
        run.performer.onMidi(1_000 * MS, 0xB0, 80, 127);
        run.performer.advance(1_030 * MS);

        assertThat(run.status().answers()).isEqualTo(1);
        run.runToTheAnswersEnd(1_030 * MS);
        assertThat(run.out.notes(TICK)).isNotEmpty();
        assertThat(run.out.notes(TICK).get(0).startTick()).as("the answer starts at the controller's tick, not before")
                .isGreaterThanOrEqualTo(1_000 * MS / TICK);
    }

    /** A performer (thru off, so that only the machine's notes are recorded) and what it sent. */
    private static final class Run {
        final RecordingMidiOut out = new RecordingMidiOut(1 << 16);
        final Performer performer;

        Run(String answerStart, String clock) {
            PerformerParameters parameters = PerformanceDriver.parameters();
            parameters.set(Parameter.THRU, 0);
            parameters.set(Parameter.ANSWER_START, List.of("now", "beat", "bar").indexOf(answerStart));
            parameters.set(Parameter.CLOCK, List.of("internal", "follow", "master", "player").indexOf(clock));
            performer = new Performer(TestModels.kernel(), parameters, SEED, out);
            performer.advance(0);
        }

        /** The call, eight notes a beat (480 ms) apart, 400 ms long, from 0; the performer advanced every ms to {@code toNanos}. */
        void play(long fromNanos, long toNanos) {
            int[] melody = {60, 62, 64, 65, 67, 65, 64, 62};
            for (long t = fromNanos; t <= toNanos; t += MS) {
                for (int i = 0; i < melody.length; i++) {
                    if (t == i * 480 * MS) performer.onMidi(t, 0x90, melody[i], 60 + 5 * i);
                    if (t == (i * 480 + 400) * MS) performer.onMidi(t, 0x80, melody[i], 0);
                }
                performer.advance(t);
            }
        }

        /**
         * Plays the call and advances every ms until the performer answers, except that at {@code skipFrom} (if not
         * negative) it skips to {@code lookAt}. Returns the time of the advance that found the answer decided.
         */
        long playCallAndRunUntilAnswered(long skipFrom, long lookAt) {
            long t = 8 * 480 * MS;
            play(0, t);
            while (status().answers() == 0) {
                t += MS;
                if (t == skipFrom) t = lookAt;
                performer.advance(t);
                if (t > 20_000 * MS) throw new AssertionError("no answer");
            }
            return t;
        }

        void runToTheAnswersEnd(long from) {
            long t = from;
            while (status().phase() != PerformerPhase.LISTENING) {
                t += MS;
                performer.advance(t);
                if (t > from + 30_000 * MS) throw new AssertionError("the answer did not end");
            }
        }

        PerformerStatus status() {
            PerformerStatus status = new PerformerStatus();
            performer.readStatus(status);
            return status;
        }
    }
}
