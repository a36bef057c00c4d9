package io.antiphon.engine.realtime;

import io.antiphon.engine.kernel.LstmStepKernel;
import io.antiphon.engine.kernel.StepModel;
import io.antiphon.engine.network.NetworkFactory;
import io.antiphon.engine.network.NetworkSpec;
import io.antiphon.engine.perform.MidiOut;
import io.antiphon.engine.perform.Parameter;
import io.antiphon.engine.perform.Performer;
import io.antiphon.engine.perform.PerformerParameters;
import io.antiphon.engine.token.Vocabulary;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** Real performers on a real (untrained) 2x32 event LSTM, fast enough for tests: 240 BPM, answers of 1..8 beats. */
final class TinyPerformers {

    private static MultiLayerNetwork network;

    private TinyPerformers() {
    }

    /** A fresh step kernel on a shared 2x32 network (built once per test JVM). */
    static synchronized StepModel kernel() {
        if (network == null) network = NetworkFactory.build(NetworkSpec.defaults(Vocabulary.SIZE).withShape(2, 32).withSeed(7));
        return LstmStepKernel.from(network);
    }

    static PerformerParameters parameters() {
        PerformerParameters parameters = new PerformerParameters();
        parameters.set(Parameter.TEMPO_BPM, 240);
        parameters.set(Parameter.ANSWER_MIN_BEATS, 1);
        parameters.set(Parameter.ANSWER_MAX_BEATS, 8);
        return parameters;
    }

    static Performer performer(MidiOut out) {
        return new Performer(kernel(), parameters(), 11L, out);
    }
}
