package io.antiphon.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import io.antiphon.midi.file.MidiFileWriter;
import io.antiphon.midi.file.MidiTrackSpec;
import io.antiphon.midi.file.Note;

/**
 * The page's Record / Stop: from Record on, every note the page sees end (the human's and the machine's) is kept;
 * Stop writes them as a type-1 MIDI file in the record folder (track 1 the human, track 2 Antiphon), named by the
 * time, at the tempo of the moment. The page's own copy of the notes: a note the page's ring dropped under overload
 * is missing here too. Guarded by the page's lock.
 */
final class PageRecorder {

    static final int TICKS_PER_QUARTER = 480;
    /** General MIDI programs, as in the session's own recordings: piano for the human, vibraphone for Antiphon. */
    private static final int HUMAN_PROGRAM = 0;
    private static final int ANTIPHON_PROGRAM = 11;
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path folder;
    private final List<NoteHistory.PageNote> kept = new ArrayList<>();
    private double startMs = Double.NaN;

    PageRecorder(Path folder) {
        this.folder = folder;
    }

    boolean recording() {
        return !Double.isNaN(startMs);
    }

    void start(double nowMs) {
        kept.clear();
        startMs = nowMs;
    }

    /** A note that has ended: kept if it started after Record. */
    void ended(NoteHistory.PageNote note) {
        if (recording() && note.startMs >= startMs) kept.add(note);
    }

    /**
     * Stops and writes the file.
     *
     * @return the file written
     * @throws IOException when it cannot be written (the notes are dropped either way)
     */
    Path stop(double bpm) throws IOException {
        double origin = startMs;
        startMs = Double.NaN;
        List<Note> human = new ArrayList<>();
        List<Note> machine = new ArrayList<>();
        int humanChannel = -1;
        int machineChannel = -1;
        for (NoteHistory.PageNote note : kept) {
            boolean isHuman = note.part == NoteHistory.Part.HUMAN;
            double start = (note.startMs - origin) / 1000.0;
            double end = (note.endMs - origin) / 1000.0;
            long startTick = Math.round(start * bpm / 60 * TICKS_PER_QUARTER);
            long endTick = Math.max(startTick + 1, Math.round(end * bpm / 60 * TICKS_PER_QUARTER));   // at least a tick
            (isHuman ? human : machine).add(new Note(note.key, note.velocity, note.channel, isHuman ? 1 : 2,
                    startTick, endTick, start, end));
            if (isHuman && humanChannel < 0) humanChannel = note.channel;
            if (!isHuman && machineChannel < 0) machineChannel = note.channel;
        }
        kept.clear();
        Files.createDirectories(folder);
        Path file = folder.resolve("antiphon-" + LocalDateTime.now().format(NAME) + ".mid");
        MidiFileWriter.writeType1(file, TICKS_PER_QUARTER, bpm, List.of(
                new MidiTrackSpec("human", Math.max(0, humanChannel), HUMAN_PROGRAM, human),
                new MidiTrackSpec("Antiphon", machineChannel < 0 ? 1 : machineChannel, ANTIPHON_PROGRAM, machine)));
        return file;
    }
}
