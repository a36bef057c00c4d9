package io.antiphon.engine.weights;

import io.antiphon.engine.network.BundleFile;
import io.antiphon.engine.network.BundleKind;
import io.antiphon.engine.network.ModelBundle;
import io.antiphon.presets.PresetCatalogue;
import io.antiphon.presets.PresetEntry;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every shipped preset's network steps the same on the allocation-free kernel as on DL4J's rnnTimeStep. */
class ShippedPresetParityTest {

    @Test
    void theCataloguedPresetsAreShipped() throws Exception {
        assertThat(PresetCatalogue.builtInNames()).contains("chorale", "folk");
    }

    @TestFactory
    Stream<DynamicTest> kernelMatchesRnnTimeStepOnEveryShippedPreset() throws Exception {
        List<PresetEntry> presets = PresetCatalogue.builtIn();
        return presets.stream().map(entry -> DynamicTest.dynamicTest(entry.preset().name(), () -> {
            ModelBundle bundle;
            try (InputStream in = entry.openBundle()) {
                bundle = BundleFile.read(in, entry.bundlePath());
            }
            KernelParity.Result result = bundle.metadata().bundleKind() == BundleKind.PIANO_ROLL
                    ? KernelParity.checkRoll(bundle.network(), 1_000, 2026L)
                    : KernelParity.check(bundle.network(), 1_000, 2026L);
            assertThat(result.steps()).isEqualTo(1_000);
            assertThat(result.maxProbabilityDifference()).as("max |p_kernel - p_dl4j| over 1,000 steps").isLessThanOrEqualTo(1e-4);
        }));
    }
}
