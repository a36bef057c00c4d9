package io.antiphon.engine.finetune;

import io.antiphon.engine.eval.LstmSequenceModel;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

import java.util.List;

/**
 * Dynamic evaluation (Krause et al. 2018) of an event LSTM: a copy of the trained network takes a few plain SGD steps on
 * the tokens it has just heard, so that it predicts what recurs in them (the player's motifs, a tune's repeated
 * section) better, and is pulled back a little towards the trained weights after each pass so that it does not drift
 * from them. The trained network is never changed. Owned by one thread.
 */
public final class DynamicEvaluation {

    private final MultiLayerNetwork tuned;
    private final INDArray trainedParameters;
    private final int vocabulary;
    private final double decay;
    private long passes;

    /** A copy of {@code trained} to fine-tune with SGD at {@code learningRate}, {@code decay} back after each pass. */
    public DynamicEvaluation(MultiLayerNetwork trained, double learningRate, double decay) {
        this(trained, new Sgd(learningRate), decay);
    }

    DynamicEvaluation(MultiLayerNetwork trained, org.nd4j.linalg.learning.config.IUpdater updater, double decay) {
        MultiLayerConfiguration conf = trained.getLayerWiseConfigurations().clone();
        for (int i = 0; i < conf.getConfs().size(); i++) {
            if (conf.getConf(i).getLayer() instanceof BaseLayer layer) {
                layer.setIUpdater(updater.clone());
                layer.setBiasUpdater(null);
            }
        }
        this.trainedParameters = trained.params().dup();
        this.tuned = new MultiLayerNetwork(conf);
        tuned.init(trainedParameters.dup(), false);
        this.vocabulary = (int) trained.layerInputSize(0);
        this.decay = decay;
    }

    /** The budget's learning rate and decay. */
    public DynamicEvaluation(MultiLayerNetwork trained, TuningBudget budget) {
        this(trained, budget.learningRate(), budget.decay());
    }

    /**
     * One pass over {@code tokens[0, count)}: each token predicts the next, in truncated-BPTT segments as the network
     * was trained; then the weights move {@code decay} of the way back to the trained ones.
     */
    public void learn(int[] tokens, int count) {
        if (count < 2) return;
        int steps = count - 1;
        float[] features = new float[vocabulary * steps];
        float[] labels = new float[vocabulary * steps];
        for (int t = 0; t < steps; t++) {
            features[checked(tokens[t]) * steps + t] = 1f;
            labels[checked(tokens[t + 1]) * steps + t] = 1f;
        }
        long[] shape = {1, vocabulary, steps};
        tuned.rnnClearPreviousState();
        tuned.fit(new DataSet(Nd4j.create(features, shape, 'c'), Nd4j.create(labels, shape, 'c')));
        tuned.rnnClearPreviousState();
        if (decay > 0) {
            INDArray params = tuned.params();
            params.addi(trainedParameters.sub(params).muli(decay));
        }
        passes++;
    }

    /** Forgets what was learned: the weights are the trained ones again. */
    public void reset() {
        tuned.params().assign(trainedParameters);
        tuned.rnnClearPreviousState();
    }

    /** The fine-tuned network (read it on the owning thread, or after that thread has stopped). */
    public MultiLayerNetwork network() {
        return tuned;
    }

    /** Passes learned since construction. */
    public long passes() {
        return passes;
    }

    /** Mean −ln p per predicted token of {@code tokens} under the fine-tuned network, from a fresh state, in nats. */
    public double negativeLogLikelihood(int[] tokens) {
        return new LstmSequenceModel(tuned).sumNegativeLogLikelihood(List.of(tokens), 1) / (tokens.length - 1);
    }

    private int checked(int token) {
        if (token < 0 || token >= vocabulary) throw new IllegalArgumentException("token " + token + " is outside 0.." + (vocabulary - 1));
        return token;
    }
}
