package io.antiphon.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Two trainings under one name: the second is refused while the first runs (it overwrote the first's preset). */
class UserPresetOutputTest {

    @Test
    void aSecondTrainingUnderTheSameNameIsRefusedWhileTheFirstRuns() throws IOException {
        UserPresetOutput first = UserPresetOutput.create("claimed-by-a-run", "/music/tunes");
        try {
            assertThatThrownBy(() -> UserPresetOutput.create("claimed-by-a-run", "/music/tunes"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("another training is writing the preset 'claimed-by-a-run' (in " + first.folder()
                            + ") right now; wait for it to finish, or choose another name with --name");
        } finally {
            first.claim().close();
        }
        UserPresetOutput again = UserPresetOutput.create("claimed-by-a-run", "/music/tunes");   // the first has ended
        again.claim().close();
        try (Stream<Path> files = Files.walk(again.folder())) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(path);
        }
    }
}
