package io.antiphon.engine.roll;

import io.antiphon.engine.corpus.Split;
import io.antiphon.engine.network.BundleMetadata;
import io.antiphon.engine.network.ModelBundle;
import io.antiphon.engine.network.NetworkSpec;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several piano-roll LSTMs of the same depth as one network: member m's units are a block of every layer
 * (block-diagonal input-to-hidden and recurrent weights, so the members never see each other's state), and the output
 * layer averages the members' logits (pre-sigmoid), i.e. each key's odds are the geometric mean of the members' odds.
 * The result is an ordinary piano-roll LSTM with the summed width: it loads, steps and is scored like any other.
 */
public final class RollEnsemble {

    private RollEnsemble() {
    }

    /**
     * Merges piano-roll bundles trained on {@code corpus} into one bundle, scored on the corpus's validation split.
     *
     * @param names the members' names (e.g. file names), recorded in the metadata
     */
    public static ModelBundle merge(List<ModelBundle> members, List<String> names, PianoRollCorpus corpus) throws IOException {
        if (members.size() < 2) throw new IllegalArgumentException("an ensemble needs at least two members, not " + members.size());
        List<Map<String, Object>> recorded = new ArrayList<>();
        int hidden = 0;
        for (int m = 0; m < members.size(); m++) {
            BundleMetadata metadata = members.get(m).metadata();
            if (!corpus.name().equals(metadata.corpus()) || RollBundles.framesPerQuarter(metadata) != corpus.framesPerQuarter()) {
                throw new IllegalArgumentException(names.get(m) + " was trained on " + metadata.corpus() + ", not " + corpus.name() + ".");
            }
            hidden += metadata.spec().hidden();
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("name", names.get(m));
            member.put("shape", metadata.spec().layers() + "x" + metadata.spec().hidden());
            member.put("valid_nll", metadata.metrics().get("valid_nll"));
            recorded.add(member);
        }
        NetworkSpec first = members.get(0).metadata().spec();
        NetworkSpec spec = first.withShape(first.layers(), hidden);
        MultiLayerNetwork merged = merge(members.stream().map(ModelBundle::network).toList(), spec);
        double validNll = FrameNll.score(merged, corpus.pieces(Split.VALID)).mean();
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("ensemble_of", recorded);
        Map<String, Object> split = new LinkedHashMap<>(members.get(0).metadata().split());
        return new ModelBundle(merged, RollBundles.metadata(corpus, spec, split, training, Map.of("valid_nll", validNll)));
    }

    /**
     * @param members networks of {@link RollNetworkFactory}'s shape, all with the same number of LSTM layers
     * @param spec    the merged network's spec: the members' layer count, their summed hidden width, and the
     *                hyper-parameters to record (only the shape is used here)
     */
    public static MultiLayerNetwork merge(List<MultiLayerNetwork> members, NetworkSpec spec) {
        if (members.size() < 2) throw new IllegalArgumentException("an ensemble needs at least two members, not " + members.size());
        int layers = members.get(0).getnLayers() - 1;
        int total = 0;
        int[] widths = new int[members.size()];
        for (int m = 0; m < members.size(); m++) {
            MultiLayerNetwork member = members.get(m);
            if (member.getnLayers() - 1 != layers) {
                throw new IllegalArgumentException("every member needs " + layers + " LSTM layers; member " + (m + 1) + " has " + (member.getnLayers() - 1));
            }
            widths[m] = Math.toIntExact(member.getLayer(0).getParam("RW").size(0));
            for (int l = 1; l < layers; l++) {
                if (member.getLayer(l).getParam("RW").size(0) != widths[m]) {
                    throw new IllegalArgumentException("member " + (m + 1) + " has layers of different widths");
                }
            }
            total += widths[m];
        }
        if (spec.layers() != layers || spec.hidden() != total) {
            throw new IllegalArgumentException("the merged spec must be " + layers + "x" + total + ", not " + spec.layers() + "x" + spec.hidden());
        }
        MultiLayerNetwork merged = RollNetworkFactory.build(spec, 0, 0);
        for (int l = 0; l < layers; l++) {
            INDArray w = merged.getLayer(l).getParam("W");
            INDArray rw = merged.getLayer(l).getParam("RW");
            INDArray b = merged.getLayer(l).getParam("b");
            w.assign(0);
            rw.assign(0);
            int offset = 0;
            for (int m = 0; m < members.size(); m++) {
                int h = widths[m];
                INDArray mw = members.get(m).getLayer(l).getParam("W");
                INDArray mrw = members.get(m).getLayer(l).getParam("RW");
                INDArray mb = members.get(m).getLayer(l).getParam("b");
                for (int gate = 0; gate < 4; gate++) {
                    var to = NDArrayIndex.interval((long) gate * total + offset, (long) gate * total + offset + h);
                    var from = NDArrayIndex.interval((long) gate * h, (long) gate * h + h);
                    var inputRows = l == 0 ? NDArrayIndex.all() : NDArrayIndex.interval(offset, offset + h);
                    w.get(inputRows, to).assign(mw.get(NDArrayIndex.all(), from));
                    rw.get(NDArrayIndex.interval(offset, offset + h), to).assign(mrw.get(NDArrayIndex.all(), from));
                    b.get(NDArrayIndex.all(), to).assign(mb.get(NDArrayIndex.all(), from));
                }
                offset += h;
            }
        }
        int out = layers;
        INDArray w = merged.getLayer(out).getParam("W");
        INDArray b = merged.getLayer(out).getParam("b");
        b.assign(0);
        int offset = 0;
        for (int m = 0; m < members.size(); m++) {
            int h = widths[m];
            w.get(NDArrayIndex.interval(offset, offset + h), NDArrayIndex.all())
                    .assign(members.get(m).getLayer(out).getParam("W").div(members.size()));
            b.addi(members.get(m).getLayer(out).getParam("b").div(members.size()));
            offset += h;
        }
        return merged;
    }
}
