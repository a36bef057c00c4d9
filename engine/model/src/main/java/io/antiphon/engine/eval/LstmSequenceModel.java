package io.antiphon.engine.eval;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A trained event LSTM run over whole token sequences (one full forward pass from a fresh state, as in
 * training): for evaluation and validation, not for the live path.
 */
public final class LstmSequenceModel implements SequenceModel {

    private final MultiLayerNetwork net;
    private final int vocabularySize;

    public LstmSequenceModel(MultiLayerNetwork net) {
        this.net = net;
        this.vocabularySize = (int) net.layerInputSize(0);
    }

    @Override
    public String name() {
        return "lstm";
    }

    @Override
    public float[][] predict(int[] tokens) {
        int steps = tokens.length;
        if (steps == 0) return new float[0][];
        float[] flat = forward(tokens).dup('c').data().asFloat(); // [1, V, T] in c order: index v * T + t
        float[][] rows = new float[steps][vocabularySize];
        for (int v = 0; v < vocabularySize; v++) {
            int base = v * steps;
            for (int t = 0; t < steps; t++) rows[t][v] = flat[base + t];
        }
        return rows;
    }

    /**
     * Sum over every sequence of −ln p(token t | tokens before t), t = 1..T-1, in nats: sequences are run in padded,
     * masked minibatches of {@code batchSize}, many times faster than one by one.
     */
    public double sumNegativeLogLikelihood(List<int[]> sequences, int batchSize) {
        double[] sum = {0};
        forEachBatch(sequences, batchSize, (batch, p, steps) -> {
            for (int b = 0; b < batch.size(); b++) {
                int[] tokens = batch.get(b);
                for (int t = 0; t + 1 < tokens.length; t++) {
                    sum[0] -= Math.log(Math.max(p[(b * vocabularySize + tokens[t + 1]) * steps + t], 1e-30f));
                }
            }
        });
        return sum[0];
    }

    /**
     * The same metrics as {@link EvaluationMetrics#evaluate} with this model (every token after the first of each
     * sequence predicted from those before it), computed in padded, masked minibatches.
     */
    public EvaluationMetrics evaluate(List<int[]> sequences, int batchSize) {
        MetricsAccumulator accumulator = new MetricsAccumulator();
        float[] row = new float[vocabularySize];
        forEachBatch(sequences, batchSize, (batch, p, steps) -> {
            for (int b = 0; b < batch.size(); b++) {
                int[] tokens = batch.get(b);
                for (int t = 0; t + 1 < tokens.length; t++) {
                    for (int v = 0; v < vocabularySize; v++) row[v] = p[(b * vocabularySize + v) * steps + t];
                    accumulator.add(row, tokens[t + 1]);
                }
            }
        });
        return accumulator.metrics();
    }

    /** Receives one forward-passed minibatch: its sequences and the output probabilities [n, V, steps] in c order. */
    private interface BatchVisitor {
        void visit(List<int[]> batch, float[] probabilities, int steps);
    }

    private void forEachBatch(List<int[]> sequences, int batchSize, BatchVisitor visitor) {
        List<int[]> sorted = new ArrayList<>(sequences);
        sorted.removeIf(s -> s.length < 2);
        sorted.sort(Comparator.comparingInt(s -> s.length));
        for (int from = 0; from < sorted.size(); from += batchSize) {
            List<int[]> batch = sorted.subList(from, Math.min(sorted.size(), from + batchSize));
            int n = batch.size();
            int steps = batch.get(n - 1).length - 1;
            float[] oneHot = new float[n * vocabularySize * steps];
            float[] mask = new float[n * steps];
            for (int b = 0; b < n; b++) {
                int[] tokens = batch.get(b);
                for (int t = 0; t + 1 < tokens.length; t++) {
                    oneHot[(b * vocabularySize + checked(tokens[t], t)) * steps + t] = 1f;
                    checked(tokens[t + 1], t + 1);
                    mask[b * steps + t] = 1f;
                }
            }
            INDArray maskArray = Nd4j.create(mask, new long[]{n, steps}, 'c');
            net.rnnClearPreviousState();
            INDArray out = net.output(Nd4j.create(oneHot, new long[]{n, vocabularySize, steps}, 'c'), false, maskArray, maskArray);
            visitor.visit(batch, out.dup('c').data().asFloat(), steps);
        }
    }

    private int checked(int token, int position) {
        if (token < 0 || token >= vocabularySize) {
            throw new IllegalArgumentException("token " + token + " at position " + position + " is outside the vocabulary 0.." + (vocabularySize - 1));
        }
        return token;
    }

    private INDArray forward(int[] tokens) {
        int steps = tokens.length;
        float[] oneHot = new float[vocabularySize * steps];
        for (int t = 0; t < steps; t++) {
            oneHot[checked(tokens[t], t) * steps + t] = 1f;
        }
        net.rnnClearPreviousState();
        return net.output(Nd4j.create(oneHot, new long[]{1, vocabularySize, steps}, 'c'), false);
    }
}
