package io.antiphon.engine.weights;

import io.antiphon.engine.kernel.KernelMath;
import io.antiphon.engine.kernel.LstmStepKernel;
import io.antiphon.engine.kernel.LstmWeights;
import io.antiphon.engine.kernel.RollStepModel;
import io.antiphon.engine.kernel.StepEngine;
import io.antiphon.engine.kernel.StepModel;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** The switch between the step kernel and DL4J's reference path. */
public final class StepModels {

    private StepModels() {
    }

    /**
     * A step model for {@code net} on {@code engine}. A {@link StepEngine#DL4J} model steps {@code net} itself (and
     * owns its recurrent state); a {@link StepEngine#KERNEL} model copies the parameters and leaves {@code net} alone.
     */
    public static StepModel create(MultiLayerNetwork net, StepEngine engine) {
        return switch (engine) {
            case KERNEL -> kernel(net);
            case DL4J -> new Dl4jStepModel(net);
        };
    }

    /** A piano-roll model for {@code net} (sigmoid output) on {@code engine}; as {@link #create} otherwise. */
    public static RollStepModel createRoll(MultiLayerNetwork net, StepEngine engine) {
        return switch (engine) {
            case KERNEL -> rollKernel(net);
            case DL4J -> Dl4jStepModel.roll(net);
        };
    }

    /**
     * An event-model kernel for {@code net} on the fastest arithmetic available (the Vector API when its module is present).
     *
     * @throws IllegalArgumentException if {@code net} is not one-hot input, DL4J {@code LSTM} layers (tanh, sigmoid
     *                                  gates, one size) and a softmax {@code RnnOutputLayer}; the message names the layer
     */
    public static LstmStepKernel kernel(MultiLayerNetwork net) {
        return LstmStepKernel.of(Dl4jWeights.read(net, LstmWeights.Output.SOFTMAX));
    }

    /** As {@link #kernel(MultiLayerNetwork)}, on the given arithmetic. */
    public static LstmStepKernel kernel(MultiLayerNetwork net, KernelMath math) {
        return LstmStepKernel.of(Dl4jWeights.read(net, LstmWeights.Output.SOFTMAX), math);
    }

    /**
     * A piano-roll kernel for {@code net}: as {@link #kernel}, but the output layer is a sigmoid {@code RnnOutputLayer}
     * (per-key probabilities) and the model is stepped by {@code stepFrame}.
     */
    public static LstmStepKernel rollKernel(MultiLayerNetwork net) {
        return LstmStepKernel.of(Dl4jWeights.read(net, LstmWeights.Output.SIGMOID));
    }

    /** As {@link #rollKernel(MultiLayerNetwork)}, on the given arithmetic. */
    public static LstmStepKernel rollKernel(MultiLayerNetwork net, KernelMath math) {
        return LstmStepKernel.of(Dl4jWeights.read(net, LstmWeights.Output.SIGMOID), math);
    }
}
