package io.antiphon.engine.corpus;

import java.nio.file.Files;
import java.nio.file.Path;

/** Opens a corpus by the name a user types: {@code jsb}, {@code nottingham}, or a folder of MIDI files. */
public final class Corpora {

    private Corpora() {
    }

    /**
     * {@code "jsb"} is {@link JsbChoralesCorpus} and {@code "nottingham"} is {@link NottinghamCorpus}, both in the
     * shared data folder ({@link DataDirectory}); anything else is taken as a folder for {@link MidiFolderCorpus}.
     *
     * @throws IllegalStateException    if a named corpus is asked for and no data folder is found
     * @throws IllegalArgumentException if the corpus files or the folder do not exist
     */
    public static Corpus open(String nameOrDirectory) {
        return switch (nameOrDirectory) {
            case "jsb" -> JsbChoralesCorpus.in(DataDirectory.require());
            case "nottingham" -> NottinghamCorpus.in(DataDirectory.require());
            default -> {
                Path folder = Path.of(nameOrDirectory);
                if (!Files.isDirectory(folder)) {
                    throw new IllegalArgumentException("'" + nameOrDirectory + "' is neither a corpus name (jsb, nottingham)"
                            + " nor a folder of MIDI files: " + folder.toAbsolutePath() + " is not a directory.");
                }
                yield new MidiFolderCorpus(folder);
            }
        };
    }
}
