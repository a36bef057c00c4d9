package io.antiphon.engine.weights;

import io.antiphon.engine.kernel.LstmStepKernel;
import io.antiphon.engine.kernel.StepEngine;
import io.antiphon.engine.kernel.StepModel;
import static org.assertj.core.api.Assertions.assertThat;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;

class StepModelsTest {

    @Test
    void theSwitchBuildsEitherEngineOnTheSameNetwork() {
        MultiLayerNetwork net = TestNetworks.perturbed(1, 8, 3L);

        StepModel kernel = StepModels.create(net, StepEngine.KERNEL);
        StepModel reference = StepModels.create(net, StepEngine.DL4J);

        assertThat(kernel).isInstanceOf(LstmStepKernel.class);
        assertThat(reference).isInstanceOf(Dl4jStepModel.class);
        float[] fromKernel = new float[240];
        float[] fromReference = new float[240];
        kernel.step(7, fromKernel);
        reference.step(7, fromReference);
        for (int i = 0; i < 240; i++) assertThat(fromKernel[i]).isCloseTo(fromReference[i], org.assertj.core.data.Offset.offset(1e-6f));
        reference.reset();
    }
}
