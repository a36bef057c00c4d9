package io.antiphon.engine.eval;

import io.antiphon.engine.corpus.Corpus;
import io.antiphon.engine.corpus.Piece;
import io.antiphon.engine.corpus.Split;
import io.antiphon.engine.corpus.Transposition;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores a trained LSTM on a corpus split next to the variable-order Markov baseline, on exactly the same tokens.
 * The baseline is trained on the same training split with the same augmentation the LSTM saw: every allowed
 * transposition (±6 semitones within 21..108) of every training piece.
 */
public final class CorpusEvaluation {

    /** Held-out sequences forward-passed at once by the LSTM. */
    static final int BATCH = 16;

    private CorpusEvaluation() {
    }

    /**
     * The evaluation's numbers.
     *
     * @param corpus     corpus name
     * @param split      split scored
     * @param lstm       the LSTM's metrics
     * @param markov     the baseline's metrics on the same tokens
     * @param markovName the baseline's description (scheme and order)
     * @param adaptive   the LSTM's metrics with the session's learning (each piece a session), or null when not scored
     */
    public record Result(String corpus, Split split, EvaluationMetrics lstm, EvaluationMetrics markov, String markovName,
                         EvaluationMetrics adaptive) {

        /** Relative NLL reduction of the LSTM against the baseline (0.25 = 25 % lower). */
        public double nllReductionVsMarkov() {
            return 1.0 - lstm.nll() / markov.nll();
        }

        /** The report, with the keys {@code antiphon eval --json} prints. */
        public Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("corpus", corpus);
            json.put("split", split.name().toLowerCase());
            json.put("tokens", lstm.tokens());
            json.put("note_on_tokens", lstm.noteOnTokens());
            json.put("nll", lstm.nll());
            json.put("accuracy", lstm.accuracy());
            json.put("pitch_accuracy", lstm.pitchAccuracy());
            json.put("markov_nll", markov.nll());
            json.put("markov_accuracy", markov.accuracy());
            json.put("markov_pitch_accuracy", markov.pitchAccuracy());
            json.put("markov_model", markovName);
            json.put("nll_reduction_vs_markov", nllReductionVsMarkov());
            if (adaptive != null) {
                json.put("adaptive_nll", adaptive.nll());
                json.put("adaptive_accuracy", adaptive.accuracy());
                json.put("adaptive_pitch_accuracy", adaptive.pitchAccuracy());
                json.put("adaptive_to_static_nll", adaptive.nll() / lstm.nll());
            }
            return json;
        }
    }

    public static Result run(MultiLayerNetwork net, Corpus corpus, Split split, int markovOrder) throws IOException {
        return run(net, corpus, split, markovOrder, false);
    }

    /**
     * @param adapt also score the LSTM with the session's learning ({@link AdaptiveSequenceModel} at {@code adapt} 1):
     *              each piece scored token by token while the mixture learns the tokens already seen, reset between
     *              pieces
     */
    public static Result run(MultiLayerNetwork net, Corpus corpus, Split split, int markovOrder, boolean adapt) throws IOException {
        List<int[]> held = Piece.tokens(corpus.pieces(split));
        if (held.isEmpty()) throw new IOException("corpus " + corpus.name() + " has no " + split.name().toLowerCase() + " pieces");
        MarkovBaseline markov = MarkovBaseline.train(augmentedTraining(corpus.pieces(Split.TRAIN)), markovOrder);
        EvaluationMetrics lstmMetrics = new LstmSequenceModel(net).evaluate(held, BATCH);
        EvaluationMetrics markovMetrics = EvaluationMetrics.evaluate(markov, held);
        EvaluationMetrics adaptive = adapt
                ? EvaluationMetrics.evaluate(new AdaptiveSequenceModel(new LstmSequenceModel(net), 1.0), held) : null;
        return new Result(corpus.name(), split, lstmMetrics, markovMetrics, markov.name(), adaptive);
    }

    /** Every allowed transposition of every training piece, encoded. */
    public static List<int[]> augmentedTraining(List<Piece> pieces) {
        List<int[]> sequences = new ArrayList<>();
        for (Piece piece : pieces) {
            for (int shift : Transposition.allowedShifts(piece)) {
                sequences.add(Transposition.transpose(piece, shift).tokens());
            }
        }
        return sequences;
    }

}
