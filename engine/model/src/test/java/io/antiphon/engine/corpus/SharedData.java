package io.antiphon.engine.corpus;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.antiphon.engine.token.SameKeyOverlaps;
import io.antiphon.engine.token.TimedNote;
import io.antiphon.engine.token.Vocabulary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The shared data folder for tests (system property antiphon.data); tests skip when it or a corpus is absent. */
public final class SharedData {

    private SharedData() {
    }

    /** {@code relative} inside the data folder, or the test is skipped. */
    public static Path require(String relative) {
        String directory = System.getProperty(DataDirectory.PROPERTY);
        assumeTrue(directory != null && Files.isDirectory(Path.of(directory)),
                "skipped: no shared data folder (system property antiphon.data is " + directory + ")");
        Path path = Path.of(directory).resolve(relative);
        assumeTrue(Files.exists(path), "skipped: " + path + " is absent");
        return Path.of(directory);
    }

    /** What decoding the tokens of {@code notes} must give: overlaps resolved, velocities at their bin's centre. */
    static List<TimedNote> playable(List<TimedNote> notes) {
        return SameKeyOverlaps.resolve(notes).stream()
                .map(n -> new TimedNote(n.pitch(), Vocabulary.velocityOfBin(Vocabulary.binOfVelocity(n.velocity())),
                        n.startTick(), n.endTick()))
                .toList();
    }
}
