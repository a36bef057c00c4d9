package io.antiphon.engine.perform;

import static io.antiphon.engine.perform.PerformanceDriver.MS;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An event-model performer set to harmonize (it has no piano roll) plays nothing of its own, and ends what it played. */
class PerformerInHarmonizeModeTest {

    @Test
    void anEventPerformerSwitchedToHarmonizeEndsItsJamAndStaysSilent() {
        PerformerParameters parameters = PerformanceDriver.parameters();
        parameters.set(Parameter.MODE, PerformerMode.JAM.ordinal());
        PerformanceDriver driver = new PerformanceDriver(TestModels.kernel(), parameters, 3L);
        driver.note(0, 200, 60, 90).note(300, 200, 64, 90);
        driver.runTo(2_000 * MS);
        assertThat(driver.out.noteOns()).as("the jam played").isPositive();

        driver.message(driver.now() + MS, 0xB0, 19, 127); // harmonize
        driver.runTo(driver.now() + 2 * MS);
        assertThat(driver.out.sounding()).isZero();
        long noteOns = driver.out.noteOns();
        driver.note(driver.now() / MS + 10, 400, 67, 90);
        driver.runTo(driver.now() + 8_000 * MS);

        assertThat(driver.status().mode()).isEqualTo(PerformerMode.HARMONIZE);
        assertThat(driver.out.noteOns()).as("nothing played in harmonize without a roll").isEqualTo(noteOns);
        assertThat(driver.out.firstViolation()).isNull();
    }
}
