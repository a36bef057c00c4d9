package io.antiphon.launcher;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The child JVM's stderr reaches the user without the JVM's incubator-module warning, and otherwise unchanged. */
class IncubatorWarningFilterTest {

    private static String filtered(String childStderr, boolean byteByByte) {
        byte[] bytes = childStderr.getBytes(StandardCharsets.UTF_8);
        InputStream in = byteByByte ? new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        } : new ByteArrayInputStream(bytes);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new IncubatorWarningFilter(in, out).run();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theWarningLineIsDroppedAndTheRestPassesUnchanged() {
        for (boolean byteByByte : new boolean[]{false, true}) {
            assertThat(filtered(IncubatorWarningFilter.WARNING + "\nplaying: ...\n\rcall listening", byteByByte))
                    .isEqualTo("playing: ...\n\rcall listening");
            assertThat(filtered(IncubatorWarningFilter.WARNING + "\r\nantiphon: x\n", byteByByte)).isEqualTo("antiphon: x\n");
        }
    }

    @Test
    void anythingElseIsPassedOnWhole() {
        for (boolean byteByByte : new boolean[]{false, true}) {
            assertThat(filtered("antiphon: --record x: the folder / does not exist\n", byteByByte))
                    .isEqualTo("antiphon: --record x: the folder / does not exist\n");
            assertThat(filtered("WARNING: Using incubator modules: jdk.incubator.vector, jdk.incubator.foreign\n", byteByByte))
                    .as("another warning is the user's to see").isEqualTo("WARNING: Using incubator modules: jdk.incubator.vector, jdk.incubator.foreign\n");
            assertThat(filtered("WARN", byteByByte)).isEqualTo("WARN");
            assertThat(filtered("", byteByByte)).isEmpty();
            assertThat(filtered("x\n" + IncubatorWarningFilter.WARNING + "\n", byteByByte)).as("only a first line is dropped")
                    .isEqualTo("x\n" + IncubatorWarningFilter.WARNING + "\n");
        }
    }
}
