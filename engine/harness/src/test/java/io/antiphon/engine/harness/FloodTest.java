package io.antiphon.engine.harness;

import io.antiphon.engine.realtime.TinyPerformers;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("timing")
class FloodTest {

    @Test
    void aFloodLosesNoReleaseAndLeavesNothingSounding() throws InterruptedException {
        FloodResult result = Flood.run(new FloodOptions(TinyPerformers.kernel(), TinyPerformers.parameters(), 0.5, 4000, 0, 5L));

        assertThat(result.sent()).as("2,000 paced messages plus the final releases").isBetween(2_000L, 2_016L);
        assertThat(result.noteOnsSent()).isPositive();
        assertThat(result.noteOffsSent()).isEqualTo(result.noteOnsSent());
        assertThat(result.callback().count()).isEqualTo(result.sent());
        assertThat(result.recoveryMillis()).as("the performer caught up").isGreaterThanOrEqualTo(0);
        assertThat(result.keysHeldAfter()).as("every release reached the performer").isZero();
        assertThat(result.hangingNotes()).isZero();
        assertThat(result.counters().sendErrors()).isZero();
        assertThat(result.toMap()).containsKeys("callback_us", "dropped", "recovered");
    }
}
