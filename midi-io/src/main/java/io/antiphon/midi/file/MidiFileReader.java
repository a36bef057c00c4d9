package io.antiphon.midi.file;

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
 * Hostile files are refused before the JDK parses them: a file may be at most {@value #MAX_FILE_BYTES} bytes,
 * and every chunk the header announces must fit in the bytes that follow it (the JDK would otherwise allocate
 * whatever length a track header claims). Every fault is a {@link MidiFileException} naming the source.
 */
public final class MidiFileReader {

    private static final int TEMPO_META = 0x51;
    private static final int HEADER_BYTES = 14;
    /** The largest file read: the largest corpus file is 0.23 MB; a piano-roll of a long concerto stays under 2 MB. */
    public static final int MAX_FILE_BYTES = 4 << 20;
    /** The latest tick an event may have: 2^36, over two years at 960 ticks per quarter and 120 BPM. */
    static final long MAX_TICK = 1L << 36;

    private MidiFileReader() {
    }

    public static MidiFileContent read(Path file) throws MidiFileException {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new MidiFileException(file + ": " + size + " bytes is larger than any MIDI file read here (at most " + MAX_FILE_BYTES + ")");
            }
            bytes = Files.readAllBytes(file);
        } catch (MidiFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new MidiFileException(file + ": cannot be read (" + describe(e) + ")", e);
        }
        return parse(bytes, file.toString());
    }

    public static MidiFileContent read(InputStream in, String sourceName) throws MidiFileException {
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (IOException | RuntimeException e) {
            throw new MidiFileException(sourceName + ": cannot be read (" + describe(e) + ")", e);
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new MidiFileException(sourceName + ": larger than any MIDI file read here (over " + MAX_FILE_BYTES + " bytes)");
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
        checkChunkLengths(bytes, source);
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
        checkTicks(tracks, source);
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
            NotePairer pairer = pairNotes(tracks[t], t, tempoMap, source);
            notes.addAll(pairer.notes());
            pairing = pairing.plus(pairer.counts());
        }
        return new MidiFileContent(source, header.getType(), ticksPerQuarter, tempoMap, notes, pairing);
    }

    /**
     * Walks the chunks the JDK will read (the header, then chunks until as many "MTrk" as the header announces)
     * and refuses a file whose chunk claims more bytes than follow it.
     */
    private static void checkChunkLengths(byte[] bytes, String source) throws MidiFileException {
        int announcedTracks = (bytes[10] & 0xFF) << 8 | bytes[11] & 0xFF;
        long headerLength = uint32(bytes, 4);
        if (headerLength < 6 || 8 + headerLength > bytes.length) {
            throw new MidiFileException(source + ": malformed header chunk (it declares " + headerLength
                    + " bytes; expected at least 6 and at most the " + (bytes.length - 8) + " that follow)");
        }
        long offset = 8 + headerLength;
        int tracks = 0;
        while (tracks < announcedTracks) {
            if (offset + 8 > bytes.length) {
                throw new MidiFileException(source + ": truncated file: the header announces " + announcedTracks
                        + " tracks but only " + tracks + " are complete (the file ends at byte " + bytes.length + ")");
            }
            long length = uint32(bytes, (int) offset + 4);
            if (offset + 8 + length > bytes.length) {
                throw new MidiFileException(source + ": truncated file: the header announces " + announcedTracks
                        + " tracks but only " + tracks + " are complete (the chunk at byte " + offset + " declares " + length
                        + " bytes, " + (bytes.length - offset - 8) + " follow)");
            }
            if (bytes[(int) offset] == 'M' && bytes[(int) offset + 1] == 'T' && bytes[(int) offset + 2] == 'r' && bytes[(int) offset + 3] == 'k') {
                tracks++;
            }
            offset += 8 + length;
        }
    }

    /**
     * The JDK adds delta times up without bound (and reads delta times longer than the four bytes a file may use),
     * so a hostile file reaches any tick, negative ones included. No event may lie past {@value #MAX_TICK}.
     */
    private static void checkTicks(Track[] tracks, String source) throws MidiFileException {
        for (int t = 0; t < tracks.length; t++) {
            for (int i = 0; i < tracks[t].size(); i++) {
                long tick = tracks[t].get(i).getTick();
                if (tick < 0 || tick > MAX_TICK) {
                    throw new MidiFileException(source + ": event " + i + " of track " + t + " is at tick " + tick
                            + " (expected 0.." + MAX_TICK + "; its delta times add up past any piece)");
                }
            }
        }
    }

    private static long uint32(byte[] bytes, int at) {
        return (bytes[at] & 0xFFL) << 24 | (bytes[at + 1] & 0xFFL) << 16 | (bytes[at + 2] & 0xFFL) << 8 | bytes[at + 3] & 0xFFL;
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

    private static NotePairer pairNotes(Track track, int index, TempoMap tempoMap, String source) throws MidiFileException {
        NotePairer pairer = new NotePairer(index, tempoMap);
        for (int i = 0; i < track.size(); i++) {
            MidiEvent event = track.get(i);
            MidiMessage message = event.getMessage();
            if (!(message instanceof ShortMessage sm)) continue;
            int command = sm.getCommand();
            // The JDK's parser takes any byte after a status as data; a MIDI data byte is 0..127.
            if (sm.getData1() > 127 || sm.getData2() > 127) {
                throw new MidiFileException(source + ": malformed event at tick " + event.getTick() + " of track " + index
                        + String.format(": status 0x%02X is followed by 0x%02X 0x%02X (expected data bytes 0..127)",
                        sm.getStatus(), sm.getData1(), sm.getData2()));
            }
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
