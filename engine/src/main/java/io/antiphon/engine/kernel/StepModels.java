package io.antiphon.engine.kernel;

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
            case KERNEL -> LstmStepKernel.from(net);
            case DL4J -> new Dl4jStepModel(net);
        };
    }

    /** A piano-roll model for {@code net} (sigmoid output) on {@code engine}; as {@link #create} otherwise. */
    public static RollStepModel createRoll(MultiLayerNetwork net, StepEngine engine) {
        return switch (engine) {
            case KERNEL -> LstmStepKernel.rollFrom(net);
            case DL4J -> Dl4jStepModel.roll(net);
        };
    }
}
