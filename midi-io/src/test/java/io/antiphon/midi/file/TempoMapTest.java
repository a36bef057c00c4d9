package io.antiphon.midi.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TempoMapTest {

    @Test
    void withoutTempoEventsAQuarterLastsHalfASecond() {
        TempoMap map = TempoMap.of(480, new TreeMap<>());
        assertThat(map.seconds(480)).isEqualTo(0.5);
        assertThat(map.bpmAt(0)).isEqualTo(120.0);
        assertThat(map.segmentCount()).isEqualTo(1);
    }

    @Test
    void ticksAccumulateThroughEveryTempoChange() {
        // 120 BPM until beat 1, 60 BPM until beat 3, then 240 BPM
        TempoMap map = TempoMap.of(100, new TreeMap<>(Map.of(100L, 1_000_000, 300L, 250_000)));
        assertThat(map.seconds(100)).isEqualTo(0.5);
        assertThat(map.seconds(200)).isEqualTo(1.5);
        assertThat(map.seconds(300)).isEqualTo(2.5);
        assertThat(map.seconds(500)).isEqualTo(3.0);
        assertThat(map.bpmAt(299)).isEqualTo(60.0);
        assertThat(map.bpmAt(300)).isEqualTo(240.0);
        for (long tick : new long[] {0, 1, 99, 100, 150, 299, 300, 301, 12_345}) {
            assertThat(map.tick(map.seconds(tick))).as("round trip of tick %d", tick).isEqualTo(tick);
        }
        assertThat(map.tick(1.0)).isEqualTo(150);
        assertThat(map.tick(2.999)).isEqualTo(500);
    }

    @Test
    void aTempoAtTickZeroReplacesTheDefault() {
        TempoMap map = TempoMap.of(24, new TreeMap<>(Map.of(0L, 600_000)));
        assertThat(map.segmentCount()).isEqualTo(1);
        assertThat(map.seconds(24)).isEqualTo(0.6);
    }

    @Test
    void thousandsOfRubatoChangesAccumulateNoRoundingError() {
        TreeMap<Long, Integer> changes = new TreeMap<>();
        long micros = 0;
        for (long tick = 0; tick < 1_000_000; tick += 7) {
            int tempo = 400_000 + (int) (tick % 200_003);
            changes.put(tick, tempo);
            micros += 7L * tempo;
        }
        TempoMap map = TempoMap.of(960, changes);
        long last = changes.lastKey() + 7;
        assertThat(map.seconds(last)).isCloseTo(micros / 960e6, within(1e-9));
    }

    @Test
    void constantTempoRoundsToWholeMicrosecondsPerQuarter() {
        TempoMap map = TempoMap.constant(480, 90.0);
        assertThat(map.seconds(480)).isCloseTo(60.0 / 90.0, within(1e-6));
        assertThat(TempoMap.microsPerQuarter(90.0)).isEqualTo(666_667);
        assertThatThrownBy(() -> TempoMap.microsPerQuarter(0)).hasMessageContaining("positive BPM");
        assertThatThrownBy(() -> TempoMap.microsPerQuarter(1.0)).hasMessageContaining("does not fit a MIDI tempo event");
    }

    @Test
    void invalidTempoChangesAreRefused() {
        assertThatThrownBy(() -> TempoMap.of(480, new TreeMap<>(Map.of(10L, 0))))
                .hasMessage("tempo at tick 10 must be positive µs per quarter: 0");
        assertThatThrownBy(() -> TempoMap.of(0, new TreeMap<>())).hasMessageContaining("ticksPerQuarter");
    }
}
