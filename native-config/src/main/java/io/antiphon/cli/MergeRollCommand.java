package io.antiphon.cli;

import io.antiphon.engine.network.BundleFile;
import io.antiphon.engine.network.ModelBundle;
import io.antiphon.engine.roll.PianoRollCorpus;
import io.antiphon.engine.roll.RollBundles;
import io.antiphon.engine.roll.RollEnsemble;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code antiphon merge-roll}: several piano-roll bundles of one corpus as one network that averages their logits. */
@Command(name = "merge-roll", mixinStandardHelpOptions = true,
        description = {"Merge piano-roll models trained on the same corpus (same depth) into one piano-roll bundle: one LSTM",
                "of their summed width whose blocks are the members and whose output averages their logits (an ensemble)."})
final class MergeRollCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "BUNDLE", description = "Model bundle file to write.")
    Path out;

    @Parameters(arity = "2..*", paramLabel = "MEMBER", description = "The piano-roll bundles to merge (two or more).")
    List<Path> members;

    @Override
    public Integer call() throws Exception {
        PathChecks.outputFile(out, "--out");
        for (Path member : members) PathChecks.inputFile(member, "MEMBER");
        List<ModelBundle> bundles = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path member : members) {
            bundles.add(RollBundles.read(member));
            names.add(member.getFileName().toString());
        }
        PianoRollCorpus corpus = PianoRollCorpus.open(bundles.get(0).metadata().corpus());
        ModelBundle merged = RollEnsemble.merge(bundles, names, corpus);
        BundleFile.write(merged, out);
        System.out.printf(Locale.ROOT, "wrote %s (%d members, %dx%d LSTM, validation NLL %.4f nats/frame)%n", out, bundles.size(),
                merged.metadata().spec().layers(), merged.metadata().spec().hidden(), merged.metadata().metrics().get("valid_nll"));
        return 0;
    }
}
