package io.antiphon.midi;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.ServiceLoader;
import java.util.TreeMap;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiFileFormat;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

/**
 * Reads the notes and tempo map of a Standard MIDI File (format 0 or 1).
 * The JDK parses the bytes; this class pairs the notes and builds the tempo map:
 * <ul>
 *   <li>a note-on with velocity 0 is a note-off;</li>
 *   <li>note-ons and note-offs pair first-in-first-out per (track, channel, pitch);</li>
 *   <li>a note-on never released ends at its track's end;</li>
 *   <li>a note that would last zero ticks is dropped, and a note-off with nothing sounding is ignored;
 *       all three cases are counted in {@link NotePairingCounts};</li>
 *   <li>tempo events of every track form one tempo map (at equal ticks the later track wins);</li>
 *   <li>SMPTE-timed files are read at their fixed ticks per second.</li>
 * </ul>
 */
public final class MidiFileReader {

    private static final int TEMPO_META = 0x51;
    private static final int HEADER_BYTES = 14;

    private MidiFileReader() {
    }

    public static MidiFileContent read(Path file) throws MidiFileException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | RuntimeException e) {
            throw new MidiFileException(file + ": cannot be read (" + describe(e) + ")", e);
        }
        return parse(bytes, file.toString());
    }

    public static MidiFileContent read(InputStream in, String sourceName) throws MidiFileException {
        byte[] bytes;
        try {
            bytes = in.readAllBytes();
        } catch (IOException | RuntimeException e) {
            throw new MidiFileException(sourceName + ": cannot be read (" + describe(e) + ")", e);
        }
        return parse(bytes, sourceName);
    }

    private static MidiFileContent parse(byte[] bytes, String source) throws MidiFileException {
        if (bytes.length < 4 || !"MThd".equals(new String(bytes, 0, 4, StandardCharsets.ISO_8859_1))) {
            throw new MidiFileException(source + ": not a Standard MIDI File (it does not start with \"MThd\")");
        }
        if (bytes.length < HEADER_BYTES) {
            throw new MidiFileException(source + ": truncated file: " + bytes.length + " bytes, shorter than the "
                    + HEADER_BYTES + "-byte MIDI header");
        }
        MidiFileFormat header;
        Sequence sequence;
        try {
            header = MidiSystem.getMidiFileFormat(new ByteArrayInputStream(bytes));
            if (header.getType() != 0 && header.getType() != 1) {
                throw new MidiFileException(source + ": SMF format " + header.getType() + " is not supported (only 0 and 1)");
            }
            sequence = parseTracks(bytes);
            int announcedTracks = (bytes[10] & 0xFF) << 8 | bytes[11] & 0xFF;
            if (sequence.getTracks().length < announcedTracks) {
                throw new MidiFileException(source + ": truncated file: the header announces " + announcedTracks
                        + " tracks but only " + sequence.getTracks().length + " are complete");
            }
        } catch (InvalidMidiDataException | IOException | RuntimeException e) {
            if (e instanceof MidiFileException known) throw known;
            throw new MidiFileException(source + ": malformed Standard MIDI File (" + describe(e) + ")", e);
        }
        Track[] tracks = sequence.getTracks();
        int ticksPerQuarter;
        TempoMap tempoMap;
        if (sequence.getDivisionType() == Sequence.PPQ) {
            ticksPerQuarter = sequence.getResolution();
            if (ticksPerQuarter <= 0) throw new MidiFileException(source + ": header gives " + ticksPerQuarter + " ticks per quarter note");
            tempoMap = TempoMap.of(ticksPerQuarter, tempoChanges(tracks, source));
        } else {
            double ticksPerSecond = sequence.getDivisionType() * sequence.getResolution();
            ticksPerQuarter = (int) Math.max(1, Math.round(ticksPerSecond / 2));
            tempoMap = TempoMap.smpte(sequence.getDivisionType(), sequence.getResolution(), ticksPerQuarter);
        }
        List<Note> notes = new ArrayList<>();
        NotePairingCounts pairing = NotePairingCounts.CLEAN;
        for (int t = 0; t < tracks.length; t++) {
            NotePairer pairer = pairNotes(tracks[t], t, tempoMap);
            notes.addAll(pairer.notes());
            pairing = pairing.plus(pairer.counts());
        }
        return new MidiFileContent(source, header.getType(), ticksPerQuarter, tempoMap, notes, pairing);
    }

    /**
     * The JDK's parse of the bytes. Does what {@link MidiSystem#getSequence(InputStream)} does (first
     * installed {@link javax.sound.midi.spi.MidiFileReader} to accept the bytes wins) but keeps the
     * parser's reason for a refusal, which {@code MidiSystem} replaces with a generic message.
     */
    private static Sequence parseTracks(byte[] bytes) throws InvalidMidiDataException, IOException {
        InvalidMidiDataException refusal = null;
        for (javax.sound.midi.spi.MidiFileReader parser : ServiceLoader.load(javax.sound.midi.spi.MidiFileReader.class)) {
            try {
                return parser.getSequence(new ByteArrayInputStream(bytes));
            } catch (InvalidMidiDataException e) {
                if (refusal == null) refusal = e;
            }
        }
        throw refusal != null ? refusal : new InvalidMidiDataException("no MIDI file parser is installed");
    }

    private static NavigableMap<Long, Integer> tempoChanges(Track[] tracks, String source) throws MidiFileException {
        NavigableMap<Long, Integer> changes = new TreeMap<>();
        for (int t = 0; t < tracks.length; t++) {
            for (int i = 0; i < tracks[t].size(); i++) {
                MidiEvent event = tracks[t].get(i);
                if (event.getMessage() instanceof MetaMessage meta && meta.getType() == TEMPO_META) {
                    byte[] data = meta.getData();
                    int micros = data.length == 3 ? (data[0] & 0xFF) << 16 | (data[1] & 0xFF) << 8 | data[2] & 0xFF : -1;
                    if (micros <= 0) {
                        throw new MidiFileException(source + ": tempo event at tick " + event.getTick() + " of track " + t
                                + " is invalid (expected 3 data bytes giving a positive µs per quarter, got " + data.length + " bytes)");
                    }
                    changes.put(event.getTick(), micros);
                }
            }
        }
        return changes;
    }

    private static NotePairer pairNotes(Track track, int index, TempoMap tempoMap) {
        NotePairer pairer = new NotePairer(index, tempoMap);
        for (int i = 0; i < track.size(); i++) {
            MidiEvent event = track.get(i);
            MidiMessage message = event.getMessage();
            if (!(message instanceof ShortMessage sm)) continue;
            int command = sm.getCommand();
            if (command == ShortMessage.NOTE_ON && sm.getData2() > 0) {
                pairer.noteOn(event.getTick(), sm.getChannel(), sm.getData1(), sm.getData2());
            } else if (command == ShortMessage.NOTE_ON || command == ShortMessage.NOTE_OFF) {
                pairer.noteOff(event.getTick(), sm.getChannel(), sm.getData1());
            }
        }
        pairer.endTrack(track.ticks());
        return pairer;
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
