package io.antiphon.engine.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScaleTest {

    @Test
    void pitchClassesAreCountedFromTheRoot() {
        assertThat(Scale.MAJOR.contains(0, 64)).isTrue();   // E in C major
        assertThat(Scale.MAJOR.contains(0, 63)).isFalse();  // D# in C major
        assertThat(Scale.MAJOR.contains(2, 66)).isTrue();   // F# in D major
        assertThat(Scale.DORIAN.contains(2, 65)).isTrue();  // F in D dorian
        assertThat(Scale.MINOR_PENTATONIC.contains(9, 21)).isTrue(); // A0 in A minor pentatonic
        assertThat(Scale.MINOR_PENTATONIC.contains(9, 23)).isFalse();
    }

    @Test
    void everyScaleHoldsItsRoot() {
        for (Scale scale : Scale.values()) {
            for (int root = 0; root < 12; root++) assertThat(scale.contains(root, 60 + root)).isTrue();
        }
    }

    @Test
    void anUnknownIndexNamesTheScales() {
        assertThat(Scale.ofIndex(4)).isEqualTo(Scale.DORIAN);
        assertThatThrownBy(() -> Scale.ofIndex(13)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scale index 13 is outside 0..12").hasMessageContaining("mixolydian");
    }
}
