package io.antiphon.engine.corpus;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The split of MIDI-file corpora, fixed by each file's name alone: take the CRC-32 of the file name
 * (UTF-8 bytes, without its folders, extension included, e.g. {@code ashover1.mid}) modulo 10;
 * 0–7 is {@link Split#TRAIN}, 8 is {@link Split#VALID}, 9 is {@link Split#TEST}. About 80/10/10,
 * stable across runs and machines, and a file keeps its split when others are added or removed.
 */
public final class FileNameSplit {

    private FileNameSplit() {
    }

    /** The split of the file named {@code fileName} (no folders). */
    public static Split of(String fileName) {
        if (fileName.contains("/") || fileName.contains("\\")) {
            throw new IllegalArgumentException("a file name without folders was expected: " + fileName);
        }
        CRC32 crc = new CRC32();
        crc.update(fileName.getBytes(StandardCharsets.UTF_8));
        int bucket = (int) (crc.getValue() % 10);
        return bucket < 8 ? Split.TRAIN : bucket == 8 ? Split.VALID : Split.TEST;
    }
}
