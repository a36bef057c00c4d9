package io.antiphon.engine.harness;

import io.antiphon.engine.realtime.SessionRecording;
import io.antiphon.engine.realtime.LiveSession;
import io.antiphon.engine.realtime.NanoClock;
import io.antiphon.engine.realtime.RecordedMessage;
import io.antiphon.engine.realtime.RecordedNotes;
import io.antiphon.engine.realtime.RecordingReceiver;
import io.antiphon.engine.realtime.ShellOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.sound.midi.Sequence;

import io.antiphon.engine.perform.ClockSource;
import io.antiphon.engine.perform.Harmonizer;
import io.antiphon.engine.perform.Parameter;
import io.antiphon.engine.perform.PerformerMode;
import io.antiphon.engine.perform.PerformerStatus;
import io.antiphon.midi.file.MidiFileContent;
import io.antiphon.midi.file.MidiFileWriter;
import io.antiphon.midi.file.MidiTrackSpec;
import io.antiphon.midi.file.Note;
import io.antiphon.midi.file.TempoMap;
import io.antiphon.midi.render.WavRenderer;

/**
 * The harmonize demo, on the same real-time path as {@link DemoSession}: the JDK sequencer plays a melody (the shipped
 * eight-bar chorale soprano line, or a file) in real time into a {@link LiveSession} whose core is a
 * {@link Harmonizer}; thru passes the melody to the output on its own channel and the voices go out on a channel the
 * melody does not use. On the player clock the harmonizer hears the melody's tempo and beat as it plays (nothing is read
 * from the file's tempo); on the internal clock its frames run at the file's tempo. Everything at the output is
 * recorded; when the melody has ended and its voices with it (or the time limit passes) the session closes with all
 * notes off, and the output becomes session.wav (melody on piano, voices on strings), session.mid (track 1 the melody,
 * tracks 2-4 alto, tenor, bass) and session.png.
 */
public final class HarmonizeDemo {

    /** The shipped melody: eight bars of a chorale-like soprano line in C major at 96 BPM, 28 notes (G4..E5). */
    public static final String BUNDLED_MELODY = "/io/antiphon/engine/demo/melody.mid";
    static final int MELODY_PROGRAM = 0;   // Acoustic Grand Piano
    static final int VOICE_PROGRAM = 48;   // String Ensemble 1
    static final String[] PART_NAMES = {"alto", "tenor", "bass"};
    private static final long POLL_MILLIS = 10;

    private HarmonizeDemo() {
    }

    /**
     * Plays the melody, lets the harmonizer accompany it, writes the three files.
     *
     * @throws IOException           if the melody cannot be read, leaves too few channels free, or a file cannot be written
     * @throws IllegalStateException if the JDK sequencer is unavailable or the harmonizer failed
     */
    public static HarmonizeDemoResult run(HarmonizeDemoOptions options) throws IOException, InterruptedException {
        Files.createDirectories(options.outputDirectory());
        String melodyName = options.melodyFile() == null ? "bundled melody " + BUNDLED_MELODY : options.melodyFile().toString();
        byte[] bytes = DemoSession.readPhrase(options.melodyFile(), "melody", BUNDLED_MELODY);
        MidiFileContent content = DemoSession.contentOf(bytes, melodyName);
        double bpm = DemoSession.tempoOf(content);
        int melodyChannel = content.notes().stream().mapToInt(Note::channel).min().orElseThrow();
        int[] channels = freeChannels(content, PART_NAMES.length, melodyName);
        int voiceChannel = channels[0];
        Sequence sequence = DemoSession.sequenceOf(bytes, melodyName);
        CallSchedule schedule = CallSchedule.of(sequence, content.tempoMap());
        ScheduleClock clock = new ScheduleClock(NanoClock.SYSTEM);

        options.parameters().set(Parameter.MODE, PerformerMode.HARMONIZE.ordinal());
        // on the player clock the tempo is heard from the melody as it plays (tempo_bpm is only the prior); on the internal
        // clock the frames run at the file's tempo, so that they fit the melody
        boolean player = options.parameters().clock() == ClockSource.PLAYER;
        if (!player) options.parameters().set(Parameter.TEMPO_BPM, bpm);
        options.parameters().set(Parameter.THRU, 1);
        options.parameters().set(Parameter.OUTPUT_CHANNEL, voiceChannel + 1);
        RecordingReceiver played = new RecordingReceiver(clock, DemoSession.RECORDING_SLOTS);
        RecordingReceiver output = new RecordingReceiver(clock, DemoSession.RECORDING_SLOTS);

        boolean finished;
        long chords;
        double tempoBpm = bpm;
        boolean beatFound = true;
        LiveSession session = LiveSession.open(output, out -> {
            Harmonizer harmonizer = new Harmonizer(options.model(), options.frameTicks(), options.parameters(), options.seed(), out);
            harmonizer.warmUp(Harmonizer.WARM_UP_FRAMES, Harmonizer.WARM_UP_ROUNDS);
            return harmonizer;
        }, ShellOptions.defaults().withClock(clock).withObserver(options.watch().observer())
                .withLatencyMode(options.latencyMode()));
        PerformerStatus status = new PerformerStatus();
        DemoSession.HumanNotes melodyNotesIn = new DemoSession.HumanNotes(session, schedule, clock, played);
        try {
            options.watch().opened().accept(session);
            DemoSession.playCall(sequence, melodyNotesIn, melodyName);
            finished = awaitVoicesEnded(session, status, options.maxWaitSeconds());
            boolean read = session.readStatus(status);
            chords = read ? status.chords() : -1;
            if (player) {
                beatFound = read && status.clockRunning();
                if (read && status.tempoBpm() > 0) tempoBpm = status.tempoBpm();
            }
        } finally {
            session.close();
        }
        if (session.failure().isPresent()) {
            Throwable failure = session.failure().get();
            throw new IllegalStateException("the harmonizer failed during the demo: " + failure, failure);
        }

        List<RecordedMessage> heard = output.messages();
        List<RecordedMessage> heardMelody = heard.stream().filter(m -> m.channel() != voiceChannel).toList();
        List<RecordedMessage> heardVoices = heard.stream().filter(m -> m.channel() == voiceChannel).toList();
        long origin = clock.at(0);
        // the files run at the tempo the harmonizer ended with: the player's, as heard, on the player clock
        TempoMap tempo = TempoMap.constant(SessionRecording.TICKS_PER_QUARTER, tempoBpm);
        int melodyNotes = RecordedNotes.pair(played.messages(), origin, tempo, 1).notes().size();
        RecordedNotes melody = RecordedNotes.pair(heardMelody, origin, tempo, 1);
        RecordedNotes voices = RecordedNotes.pair(heardVoices, origin, tempo, 2);
        Accompaniment accompaniment = Accompaniment.of(melody.notes(), voices.notes());

        List<MidiTrackSpec> tracks = new ArrayList<>();
        tracks.add(new MidiTrackSpec("melody", melodyChannel, MELODY_PROGRAM, melody.notes()));
        List<List<Note>> parts = Accompaniment.parts(voices.notes());
        for (int part = 0; part < PART_NAMES.length; part++) {
            tracks.add(new MidiTrackSpec(PART_NAMES[part], channels[part], VOICE_PROGRAM, parts.get(part)));
        }
        Path wav = options.outputDirectory().resolve("session.wav");
        Path midi = options.outputDirectory().resolve("session.mid");
        Path png = options.outputDirectory().resolve("session.png");
        MidiFileWriter.writeType1(midi, SessionRecording.TICKS_PER_QUARTER, tempoBpm, tracks);
        WavRenderer.renderTracks(wav, SessionRecording.TICKS_PER_QUARTER, tempoBpm, tracks);
        PianoRoll.write(png, melody.notes(), voices.notes(), -1, "Antiphon: harmonize", "melody (human", "voices (Antiphon");
        return new HarmonizeDemoResult(melodyNotes, melody.notes().size(), accompaniment.accompanied(), voices.notes().size(),
                accompaniment.voicesPerNote(), accompaniment.meanVoices(), accompaniment.withVoiceNotBelow(), chords,
                melody.hanging() + voices.hanging(), finished, player ? "player" : "internal", tempoBpm, beatFound,
                melodyNotesIn.late().get(),
                new DemoRecording(session.latency(), session.counters(), wav, midi, png));
    }

    /** Waits until no key is down and no voice sounds; false if the time limit came first. */
    private static boolean awaitVoicesEnded(LiveSession session, PerformerStatus status, double maxWaitSeconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + Math.round(maxWaitSeconds * 1e9);
        while (System.nanoTime() - deadline < 0 && session.isRunning()) {
            if (session.readStatus(status) && status.humanKeysDown() == 0 && status.machineNotesSounding() == 0) return true;
            Thread.sleep(POLL_MILLIS);
        }
        return false;
    }

    /** The {@code count} lowest channels (0..15) the melody's notes do not use, other than the percussion channel. */
    private static int[] freeChannels(MidiFileContent melody, int count, String melodyName) throws IOException {
        boolean[] used = new boolean[16];
        for (Note note : melody.notes()) used[note.channel()] = true;
        int[] free = new int[count];
        int found = 0;
        for (int channel = 0; channel < 16 && found < count; channel++) {
            if (!used[channel] && channel != Note.PERCUSSION_CHANNEL) free[found++] = channel;
        }
        if (found < count) {
            throw new IOException(melodyName + ": its notes leave " + found + " MIDI channels free besides the percussion"
                    + " channel; the demo needs " + count + " for the voices");
        }
        return free;
    }
}
