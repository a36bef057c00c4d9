package io.antiphon.midi.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Note pairing, tempo and error reporting of {@link MidiFileReader} on files built here with the JDK. */
class MidiFileReaderTest {

    @TempDir
    Path dir;

    @Test
    void velocityZeroNoteOnEndsANoteAndSameKeyNotesPairFirstInFirstOut() throws Exception {
        Sequence sequence = new Sequence(Sequence.PPQ, 480);
        Track track = sequence.createTrack();
        add(track, 0, ShortMessage.NOTE_ON, 0, 60, 100);
        add(track, 100, ShortMessage.NOTE_ON, 0, 60, 80);
        add(track, 200, ShortMessage.NOTE_ON, 0, 60, 0);
        add(track, 300, ShortMessage.NOTE_OFF, 0, 60, 64);

        MidiFileContent content = read(sequence, 0, "fifo");

        assertThat(content.format()).isZero();
        assertThat(content.notes()).extracting(Note::startTick, Note::endTick, Note::velocity)
                .containsExactly(tuple(0L, 200L, 100), tuple(100L, 300L, 80));
        assertThat(content.pairing()).isEqualTo(NotePairingCounts.CLEAN);
    }

    @Test
    void strayOffsAreCountedUnmatchedOnsEndAtTrackEndAndZeroLengthNotesAreDropped() throws Exception {
        Sequence sequence = new Sequence(Sequence.PPQ, 480);
        Track track = sequence.createTrack();
        add(track, 0, ShortMessage.NOTE_OFF, 0, 62, 0);      // nothing sounding: stray
        add(track, 10, ShortMessage.NOTE_ON, 0, 64, 90);      // never released: ends at the track's end
        add(track, 20, ShortMessage.NOTE_ON, 0, 65, 90);      // on/off/on at one tick: one note
        add(track, 20, ShortMessage.NOTE_ON, 0, 65, 0);
        add(track, 20, ShortMessage.NOTE_ON, 0, 65, 90);
        add(track, 50, ShortMessage.NOTE_OFF, 0, 65, 0);
        add(track, 60, ShortMessage.NOTE_OFF, 0, 65, 0);      // the redundant off: stray
        add(track, 960, ShortMessage.NOTE_ON, 0, 70, 90);     // unmatched at the track's last tick: zero length
        track.add(new MidiEvent(new MetaMessage(0x2F, new byte[0], 0), 960));

        MidiFileContent content = read(sequence, 1, "unbalanced");

        assertThat(content.notes()).extracting(Note::pitch, Note::startTick, Note::endTick)
                .containsExactly(tuple(64, 10L, 960L), tuple(65, 20L, 50L));
        assertThat(content.pairing()).isEqualTo(new NotePairingCounts(1, 2, 2));
    }

    @Test
    void tempoEventsOfAConductorTrackTimeTheNotesOfOtherTracks() throws Exception {
        Sequence sequence = new Sequence(Sequence.PPQ, 96);
        Track conductor = sequence.createTrack();
        conductor.add(new MidiEvent(tempo(1_000_000), 96));   // 60 BPM from beat 2
        Track piano = sequence.createTrack();
        add(piano, 0, ShortMessage.NOTE_ON, 0, 60, 100);
        add(piano, 192, ShortMessage.NOTE_OFF, 0, 60, 0);

        MidiFileContent content = read(sequence, 1, "tempo");

        assertThat(content.format()).isEqualTo(1);
        assertThat(content.ticksPerQuarter()).isEqualTo(96);
        Note note = content.notes().get(0);
        assertThat(note.track()).isEqualTo(1);
        assertThat(note.startSeconds()).isZero();
        assertThat(note.endSeconds()).isEqualTo(0.5 + 1.0);
    }

    @Test
    void notesAreOrderedByStartPitchAndTrackAndPitchedNotesLeaveOutPercussion() throws Exception {
        Sequence sequence = new Sequence(Sequence.PPQ, 480);
        Track first = sequence.createTrack();
        add(first, 0, ShortMessage.NOTE_ON, 0, 67, 100);
        add(first, 480, ShortMessage.NOTE_ON, 0, 67, 0);
        add(first, 0, ShortMessage.NOTE_ON, 9, 36, 100);
        add(first, 240, ShortMessage.NOTE_ON, 9, 36, 0);
        Track second = sequence.createTrack();
        add(second, 0, ShortMessage.NOTE_ON, 1, 60, 100);
        add(second, 480, ShortMessage.NOTE_ON, 1, 60, 0);
        add(second, 0, ShortMessage.NOTE_ON, 1, 67, 100);
        add(second, 480, ShortMessage.NOTE_ON, 1, 67, 0);

        MidiFileContent content = read(sequence, 1, "order");

        assertThat(content.notes()).extracting(Note::pitch, Note::track)
                .containsExactly(tuple(36, 0), tuple(60, 1), tuple(67, 0), tuple(67, 1));
        assertThat(content.pitchedNotes()).extracting(Note::pitch, Note::track)
                .containsExactly(tuple(60, 1), tuple(67, 0), tuple(67, 1));
    }

    @Test
    void smpteTimedFileIsReadAtItsFixedTicksPerSecond() throws Exception {
        Sequence sequence = new Sequence(Sequence.SMPTE_25, 40);   // 1,000 ticks per second
        Track track = sequence.createTrack();
        add(track, 500, ShortMessage.NOTE_ON, 0, 60, 100);
        add(track, 2_000, ShortMessage.NOTE_OFF, 0, 60, 0);

        MidiFileContent content = read(sequence, 0, "smpte");

        assertThat(content.ticksPerQuarter()).isEqualTo(500);
        assertThat(content.notes()).extracting(Note::startSeconds, Note::endSeconds).containsExactly(tuple(0.5, 2.0));
    }

    @Test
    void aTruncatedFileIsRefusedNamingTheFile() throws Exception {
        Sequence sequence = new Sequence(Sequence.PPQ, 480);
        for (int t = 0; t < 3; t++) {
            Track track = sequence.createTrack();
            add(track, 0, ShortMessage.NOTE_ON, 0, 60 + t, 100);
            add(track, 480, ShortMessage.NOTE_OFF, 0, 60 + t, 0);
        }
        byte[] whole = bytes(sequence, 1);
        Path file = dir.resolve("cut-short.mid");
        Files.write(file, Arrays.copyOf(whole, whole.length - 5));

        assertThatThrownBy(() -> MidiFileReader.read(file))
                .isInstanceOf(MidiFileException.class)
                .hasMessageStartingWith(file + ": truncated file: the header announces 3 tracks but only 2 are complete (the chunk at byte ")
                .hasMessageEndingWith(" follow)");
        Files.write(file, Arrays.copyOf(whole, 9));
        assertThatThrownBy(() -> MidiFileReader.read(file))
                .isInstanceOf(MidiFileException.class)
                .hasMessage(file + ": truncated file: 9 bytes, shorter than the 14-byte MIDI header");
    }

    @Test
    void bytesThatAreNotAMidiFileAreRefusedNamingTheSource() {
        byte[] wav = "RIFF\0\0\0\0WAVEfmt ".getBytes();
        assertThatThrownBy(() -> MidiFileReader.read(new ByteArrayInputStream(wav), "upload.wav"))
                .isInstanceOf(MidiFileException.class)
                .hasMessage("upload.wav: not a Standard MIDI File (it does not start with \"MThd\")");
    }

    @Test
    void aCorruptTrackIsRefusedWithTheParsersReason() throws Exception {
        byte[] file = {'M', 'T', 'h', 'd', 0, 0, 0, 6, 0, 0, 0, 1, 0, 96,
                'M', 'T', 'r', 'k', 0, 0, 0, 4, 0, 0x3C, 0x40, 0};   // data byte with no status to run on
        assertThatThrownBy(() -> MidiFileReader.read(new ByteArrayInputStream(file), "corrupt.mid"))
                .isInstanceOf(MidiFileException.class)
                .hasMessageStartingWith("corrupt.mid: malformed Standard MIDI File (")
                .hasMessageContaining("Invalid status byte");
    }

    @Test
    void aStatusByteWhereADataByteBelongsIsRefusedNamingTrackAndTick() {
        byte[] file = {'M', 'T', 'h', 'd', 0, 0, 0, 6, 0, 0, 0, 1, 0, 96,
                'M', 'T', 'r', 'k', 0, 0, 0, 8, 0, (byte) 0x90, 0x3C, (byte) 0x83, 0, (byte) 0xFF, 0x2F, 0};
        assertThatThrownBy(() -> MidiFileReader.read(new ByteArrayInputStream(file), "velocity.mid"))
                .isInstanceOf(MidiFileException.class)
                .hasMessage("velocity.mid: malformed event at tick 0 of track 0: status 0x90 is followed by 0x3C 0x83 (expected data bytes 0..127)");
    }

    @Test
    void aTrackClaimingMoreBytesThanTheFileHoldsIsRefusedBeforeParsing() {
        byte[] file = {'M', 'T', 'h', 'd', 0, 0, 0, 6, 0, 0, 0, 1, 0, 96,
                'M', 'T', 'r', 'k', 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0, (byte) 0xFF, 0x2F, 0};
        assertThatThrownBy(() -> MidiFileReader.read(new ByteArrayInputStream(file), "claims.mid"))
                .isInstanceOf(MidiFileException.class)
                .hasMessage("claims.mid: truncated file: the header announces 1 tracks but only 0 are complete"
                        + " (the chunk at byte 14 declares 2147483647 bytes, 4 follow)");
    }

    @Test
    void aFileLargerThanAnyMidiFileIsRefusedUnread() {
        byte[] large = new byte[MidiFileReader.MAX_FILE_BYTES + 1];
        assertThatThrownBy(() -> MidiFileReader.read(new ByteArrayInputStream(large), "large.mid"))
                .isInstanceOf(MidiFileException.class)
                .hasMessage("large.mid: larger than any MIDI file read here (over " + MidiFileReader.MAX_FILE_BYTES + " bytes)");
    }

    @Test
    void formatTwoIsRefused() throws Exception {
        Sequence sequence = new Sequence(Sequence.PPQ, 480);
        sequence.createTrack();
        byte[] file = bytes(sequence, 1);
        file[9] = 2;
        assertThatThrownBy(() -> MidiFileReader.read(new ByteArrayInputStream(file), "patterns.mid"))
                .isInstanceOf(MidiFileException.class)
                .hasMessage("patterns.mid: SMF format 2 is not supported (only 0 and 1)");
    }

    @Test
    void aMissingFileIsReportedAsAMidiFileException() {
        Path missing = dir.resolve("absent.mid");
        assertThatThrownBy(() -> MidiFileReader.read(missing))
                .isInstanceOf(MidiFileException.class)
                .hasMessageStartingWith(missing + ": cannot be read (NoSuchFileException");
    }

    private static void add(Track track, long tick, int command, int channel, int data1, int data2) throws InvalidMidiDataException {
        track.add(new MidiEvent(new ShortMessage(command, channel, data1, data2), tick));
    }

    private static MetaMessage tempo(int microsPerQuarter) throws InvalidMidiDataException {
        byte[] data = {(byte) (microsPerQuarter >> 16), (byte) (microsPerQuarter >> 8), (byte) microsPerQuarter};
        return new MetaMessage(0x51, data, 3);
    }

    private static byte[] bytes(Sequence sequence, int format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MidiSystem.write(sequence, format, out);
        return out.toByteArray();
    }

    private static MidiFileContent read(Sequence sequence, int format, String name) throws IOException {
        return MidiFileReader.read(new ByteArrayInputStream(bytes(sequence, format)), name);
    }
}
