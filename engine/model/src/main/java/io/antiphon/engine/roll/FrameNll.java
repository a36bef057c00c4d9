package io.antiphon.engine.roll;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The polyphonic-music benchmark metric (Boulanger-Lewandowski et al. 2012; Bai et al. 2018, locuslab/TCN
 * {@code poly_music/music_test.py}): every frame t+1 of a piece is predicted from frames 0..t; its loss is the sum over
 * the 88 keys of the Bernoulli negative log-likelihood in nats; the score is the sum over all predicted frames of the
 * split (T-1 per piece) divided by their number, pooled over pieces. The first frame of a piece is not predicted.
 *
 * <p>The network's sigmoid is not taken from its output: each key's NLL is computed from the output layer's
 * pre-activation z as softplus(-z) when the key sounds and softplus(z) when it does not (equal to -log σ(z) and
 * -log(1-σ(z)), but finite where a float sigmoid would round to 0 or 1), summed in double precision.
 */
public final class FrameNll {

    /** Pieces forward-passed at once (sorted by length so little is padded). */
    static final int BATCH = 16;

    private FrameNll() {
    }

    /**
     * A summed score.
     *
     * @param sumNll total NLL over the predicted frames, in nats
     * @param frames predicted frames
     */
    public record Score(double sumNll, long frames) {

        /** NLL per predicted frame, in nats (NaN when nothing was predicted). */
        public double mean() {
            return frames == 0 ? Double.NaN : sumNll / frames;
        }
    }

    /** The network's score on {@code pieces}. */
    public static Score score(MultiLayerNetwork network, List<RollPiece> pieces) {
        List<RollPiece> sorted = new ArrayList<>(pieces.stream().filter(p -> p.length() > 1).toList());
        sorted.sort(Comparator.comparingInt(RollPiece::length));
        int outputLayer = network.getnLayers() - 1;
        INDArray weights = network.getLayer(outputLayer).getParam("W");
        INDArray bias = network.getLayer(outputLayer).getParam("b");
        double sum = 0;
        long frames = 0;
        for (int from = 0; from < sorted.size(); from += BATCH) {
            List<RollPiece> batch = sorted.subList(from, Math.min(sorted.size(), from + BATCH));
            int n = batch.size();
            int steps = batch.get(n - 1).length() - 1;
            float[] features = new float[n * RollPiece.KEYS * steps];
            for (int b = 0; b < n; b++) {
                RollPiece piece = batch.get(b);
                for (int t = 0; t + 1 < piece.length(); t++) {
                    for (int key : piece.keysView(t)) features[(b * RollPiece.KEYS + key) * steps + t] = 1f;
                }
            }
            INDArray input = Nd4j.create(features, new long[]{n, RollPiece.KEYS, steps}, 'c');
            // The recurrent layers are causal: padding after a piece's end cannot change its earlier outputs.
            List<INDArray> activations = network.feedForward(input, false);
            INDArray hidden = activations.get(outputLayer); // [n, H, steps], the last LSTM layer's output
            long units = hidden.size(1);
            INDArray rows = hidden.permute(0, 2, 1).dup('c').reshape('c', (long) n * steps, units);
            float[] logits = rows.mmul(weights).addiRowVector(bias).dup('c').data().asFloat();
            for (int b = 0; b < n; b++) {
                RollPiece piece = batch.get(b);
                for (int t = 0; t + 1 < piece.length(); t++) {
                    sum += frameNll(logits, (b * steps + t) * RollPiece.KEYS, piece.keysView(t + 1));
                    frames++;
                }
            }
        }
        return new Score(sum, frames);
    }

    /** Sum over the 88 keys of the Bernoulli NLL of a frame whose sounding keys are {@code on} (ascending), given logits. */
    static double frameNll(float[] logits, int offset, int[] on) {
        double sum = 0;
        int next = 0;
        for (int key = 0; key < RollPiece.KEYS; key++) {
            boolean sounds = next < on.length && on[next] == key;
            if (sounds) next++;
            sum += keyNll(logits[offset + key], sounds);
        }
        return sum;
    }

    /** -log σ(z) if the key sounds, -log(1 - σ(z)) if not, in nats. */
    static double keyNll(double logit, boolean sounds) {
        return softplus(sounds ? -logit : logit);
    }

    /** log(1 + e^x), without overflow. */
    static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }
}
