package io.antiphon.cli;

import io.antiphon.engine.corpus.Corpora;
import io.antiphon.engine.corpus.Split;
import io.antiphon.engine.eval.CorpusEvaluation;
import io.antiphon.engine.eval.MarkovBaseline;
import io.antiphon.engine.harness.AnswerStudy;
import io.antiphon.engine.kernel.StepEngine;
import io.antiphon.engine.perform.ClockSource;
import io.antiphon.engine.perform.Parameter;
import io.antiphon.engine.token.TimedNote;
import io.antiphon.engine.network.ModelBundle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code antiphon eval}: scores a model bundle on a held-out split against the variable-order Markov baseline. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Score a model on a corpus split: per-token NLL (nats), top-1 accuracy and note-on pitch accuracy,",
                "beside a variable-order Markov baseline trained on the same (augmented) training split, on the same tokens."})
final class EvalCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "An event model: " + ModelSource.ACCEPTS + ".")
    String model;

    @Option(names = "--corpus", required = true, description = {"jsb, nottingham, or a folder of .mid files (split as train splits it:",
            "a folder of fewer than 50 files inside each piece, the last 10%% of every piece being its test part)."})
    String corpus;

    @Option(names = "--split", defaultValue = "test", description = "train, valid or test (default ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--markov-order", defaultValue = "" + MarkovBaseline.DEFAULT_MAX_ORDER, description = "Baseline's maximum context order (default ${DEFAULT-VALUE}).")
    int markovOrder;

    @Option(names = "--adapt", description = {"Also score the model as it plays with the session's learning (adapt 1):",
            "each piece scored token by token while it learns the tokens already seen, reset between pieces (adaptive_nll)."})
    boolean adapt;

    @Option(names = "--answers", paramLabel = "N", defaultValue = "0", description = {"Instead of the token scores, the musical measure: the openings (first "
            + AnswerStudy.CALL_BEATS + " beats) of the split's first N pieces played as calls into the preset,",
            "the share of the answers' interval 3- and 4-grams found in the call and of their notes in the call's key, adapted against static."})
    int answers;

    @Option(names = "--seeds", defaultValue = "3", description = "Seeds per call for --answers (default ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Split which = Splits.parse(split);
        if (answers < 0 || seeds < 1) throw new IllegalArgumentException("--answers takes 0 or more calls and --seeds 1 or more: " + answers + ", " + seeds);
        if (answers > 0) return answerStudy(which);
        ModelBundle bundle = ModelSource.load(model);
        CorpusEvaluation.Result result = CorpusEvaluation.run(bundle.network(), Corpora.open(corpus), which, markovOrder, adapt);
        Map<String, Object> report = result.toJson();
        if (json) {
            System.out.println(Json.pretty(report));
        } else {
            System.out.printf("%s %s split, %d tokens (%d note-ons)%n", result.corpus(), split, result.lstm().tokens(), result.lstm().noteOnTokens());
            System.out.printf("  LSTM    NLL %.4f nats/token  accuracy %.4f  pitch accuracy %.4f%n",
                    result.lstm().nll(), result.lstm().accuracy(), result.lstm().pitchAccuracy());
            System.out.printf("  Markov  NLL %.4f nats/token  accuracy %.4f  pitch accuracy %.4f  (%s)%n",
                    result.markov().nll(), result.markov().accuracy(), result.markov().pitchAccuracy(), result.markovName());
            if (result.adaptive() != null) {
                System.out.printf("  LSTM learning the session  NLL %.4f nats/token  accuracy %.4f  pitch accuracy %.4f  (%.3f x the LSTM's NLL)%n",
                        result.adaptive().nll(), result.adaptive().accuracy(), result.adaptive().pitchAccuracy(),
                        result.adaptive().nll() / result.lstm().nll());
            }
            System.out.println("  LSTM NLL is " + comparison(result));
        }
        return 0;
    }

    /** The musical measure alone (see --answers). */
    private int answerStudy(Split which) throws Exception {
        LoadedPreset loaded = LoadedPreset.load(model, StepEngine.KERNEL);
        // as the demo and play answer: on the tempo and beat heard from the call, the answer's time on the player's grid
        loaded.parameters().set(Parameter.CLOCK, ClockSource.PLAYER.ordinal());
        List<List<TimedNote>> calls = AnswerStudy.openings(Corpora.open(corpus).pieces(which), answers);
        Map<String, Object> report = AnswerStudy.run(loaded::model, loaded.parameters(), calls, seeds, 1.0).toMap();
        if (json) {
            System.out.println(Json.pretty(report));
        } else {
            System.out.printf("answers to %s calls x %s seeds, adapted against static:%n", report.get("calls"), report.get("seeds"));
            for (String measure : List.of("motif3_share", "motif4_share", "key_share", "answer_notes")) {
                System.out.printf("  %-13s %.3f  %.3f%n", measure, report.get(measure + "_adapted"), report.get(measure + "_static"));
            }
        }
        return 0;
    }

    /** The LSTM's NLL against the baseline's, in words: "23.4% below the baseline's" or "12.0% above the baseline's (worse)". */
    static String comparison(CorpusEvaluation.Result result) {
        double reduction = result.nllReductionVsMarkov();
        return reduction >= 0 ? String.format(java.util.Locale.ROOT, "%.1f%% below the baseline's", 100 * reduction)
                : String.format(java.util.Locale.ROOT, "%.1f%% above the baseline's: worse than the baseline", -100 * reduction);
    }
}
