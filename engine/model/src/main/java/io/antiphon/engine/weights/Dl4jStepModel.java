package io.antiphon.engine.weights;

import io.antiphon.engine.kernel.LstmWeights;
import io.antiphon.engine.kernel.RecurrentState;
import io.antiphon.engine.kernel.RollStepModel;
import io.antiphon.engine.kernel.StepArguments;
import io.antiphon.engine.kernel.StepModel;
import java.util.HashMap;
import java.util.Map;

import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The reference model: DL4J's own {@code rnnTimeStep} on a one-hot (event model, {@link StepModel}) or many-hot
 * (piano roll, {@link RollStepModel}) {@code [1, V, 1]} input, with the state read and written through
 * {@code rnnGetPreviousState}/{@code rnnSetPreviousState}. Allocates on every step (DL4J does); kept behind
 * {@link StepEngine#DL4J} as the reference for {@link LstmStepKernel}.
 * Steps {@code net} itself: the network's stored RNN state is this model's state.
 */
public final class Dl4jStepModel implements StepModel, RollStepModel {

    private static final String HIDDEN_KEY = org.deeplearning4j.nn.layers.recurrent.LSTM.STATE_KEY_PREV_ACTIVATION;
    private static final String CELL_KEY = org.deeplearning4j.nn.layers.recurrent.LSTM.STATE_KEY_PREV_MEMCELL;

    private final MultiLayerNetwork net;
    private final int vocabulary;
    private final int layers;
    private final int hidden;
    private final DataType dataType;
    private final INDArray input;
    private final boolean timeLast;

    /** @throws IllegalArgumentException if {@code net} is not an event network {@link LstmStepKernel#from} could run */
    public Dl4jStepModel(MultiLayerNetwork net) {
        this(net, LstmWeights.Output.SOFTMAX);
    }

    /** @throws IllegalArgumentException if {@code net} is not a piano roll {@link LstmStepKernel#rollFrom} could run */
    public static Dl4jStepModel roll(MultiLayerNetwork net) {
        return new Dl4jStepModel(net, LstmWeights.Output.SIGMOID);
    }

    private Dl4jStepModel(MultiLayerNetwork net, LstmWeights.Output output) {
        LstmWeights weights = Dl4jWeights.read(net, output);
        this.net = net;
        this.vocabulary = weights.vocabularySize();
        this.layers = weights.layers().size();
        this.hidden = weights.hidden();
        this.dataType = net.getLayerWiseConfigurations().getDataType();
        LSTM first = (LSTM) net.getLayerWiseConfigurations().getConf(0).getLayer();
        this.timeLast = first.getRnnDataFormat() != RNNFormat.NWC;
        this.input = timeLast ? Nd4j.zeros(dataType, 1, vocabulary, 1) : Nd4j.zeros(dataType, 1, 1, vocabulary);
    }

    @Override
    public int vocabularySize() {
        return vocabulary;
    }

    @Override
    public int keys() {
        return vocabulary;
    }

    @Override
    public void step(int token, float[] probabilities) {
        StepArguments.check(token, probabilities, vocabulary);
        input.assign(0);
        setOn(token);
        run(probabilities);
    }

    @Override
    public void stepFrame(int[] keys, int count, float[] probabilities) {
        StepArguments.checkFrame(keys, count, probabilities, vocabulary);
        input.assign(0);
        for (int i = 0; i < count; i++) setOn(keys[i]);
        run(probabilities);
    }

    private void setOn(int index) {
        if (timeLast) {
            input.putScalar(0, index, 0, 1.0);
        } else {
            input.putScalar(0, 0, index, 1.0);
        }
    }

    private void run(float[] probabilities) {
        float[] out = net.rnnTimeStep(input).reshape(vocabulary).toFloatVector();
        System.arraycopy(out, 0, probabilities, 0, vocabulary);
    }

    @Override
    public void reset() {
        net.rnnClearPreviousState();
    }

    @Override
    public RecurrentState newState() {
        return new RecurrentState(layers, hidden);
    }

    @Override
    public void saveState(RecurrentState into) {
        checkShape(into);
        for (int l = 0; l < layers; l++) {
            Map<String, INDArray> state = net.rnnGetPreviousState(l);
            copy(state == null ? null : state.get(HIDDEN_KEY), into.h(l));
            copy(state == null ? null : state.get(CELL_KEY), into.c(l));
        }
    }

    @Override
    public void restoreState(RecurrentState from) {
        checkShape(from);
        for (int l = 0; l < layers; l++) {
            Map<String, INDArray> state = new HashMap<>();
            state.put(HIDDEN_KEY, Nd4j.createFromArray(new float[][] {from.h(l)}).castTo(dataType));
            state.put(CELL_KEY, Nd4j.createFromArray(new float[][] {from.c(l)}).castTo(dataType));
            net.rnnSetPreviousState(l, state);
        }
    }

    /** Copies a stored {@code [1, H]} state array into {@code target}; no array (a cleared state) means zeros. */
    private void copy(INDArray stored, float[] target) {
        if (stored == null) {
            java.util.Arrays.fill(target, 0f);
            return;
        }
        System.arraycopy(stored.reshape(hidden).toFloatVector(), 0, target, 0, hidden);
    }

    private void checkShape(RecurrentState state) {
        if (state.layers() != layers || state.hidden() != hidden) {
            throw new IllegalArgumentException("state is " + state.layers() + " layers x " + state.hidden()
                    + " units; this model is " + layers + " x " + hidden);
        }
    }
}
