package io.antiphon.engine.realtime;

import io.antiphon.engine.kernel.RandomWeights;
import io.antiphon.engine.kernel.StepModel;
import io.antiphon.engine.perform.MidiOut;
import io.antiphon.engine.perform.Parameter;
import io.antiphon.engine.perform.Performer;
import io.antiphon.engine.perform.PerformerParameters;
import io.antiphon.engine.token.Vocabulary;

/** Real performers on a real (untrained) 2x32 event LSTM, fast enough for tests: 240 BPM, answers of 1..8 beats. */
public final class TinyPerformers {

    private TinyPerformers() {
    }

    /** A fresh step kernel over the same 2x32 weights every time. */
    public static StepModel kernel() {
        return RandomWeights.eventKernel(Vocabulary.SIZE, 2, 32, 7L, 0);
    }

    public static PerformerParameters parameters() {
        PerformerParameters parameters = new PerformerParameters();
        parameters.set(Parameter.TEMPO_BPM, 240);
        parameters.set(Parameter.ANSWER_MIN_BEATS, 1);
        parameters.set(Parameter.ANSWER_MAX_BEATS, 8);
        return parameters;
    }

    public static Performer performer(MidiOut out) {
        return new Performer(kernel(), parameters(), 11L, out);
    }
}
