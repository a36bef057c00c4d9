package io.antiphon.engine.harness;

import io.antiphon.engine.realtime.SessionRecording;
import io.antiphon.engine.realtime.LiveSession;
import io.antiphon.engine.realtime.NanoClock;
import io.antiphon.engine.realtime.PerformerWarmUp;
import io.antiphon.engine.realtime.RecordedMessage;
import io.antiphon.engine.realtime.RecordedNotes;
import io.antiphon.engine.realtime.RecordingReceiver;
import io.antiphon.engine.realtime.ShellOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.Sequence;
import javax.sound.midi.Sequencer;
import javax.sound.midi.ShortMessage;

import io.antiphon.engine.perform.Parameter;
import io.antiphon.engine.perform.Performer;
import io.antiphon.engine.perform.PerformerMode;
import io.antiphon.engine.perform.PerformerPhase;
import io.antiphon.engine.perform.PerformerStatus;
import io.antiphon.midi.file.MidiFileContent;
import io.antiphon.midi.file.MidiFileException;
import io.antiphon.midi.file.MidiFileReader;
import io.antiphon.midi.file.MidiFileWriter;
import io.antiphon.midi.file.MidiTrackSpec;
import io.antiphon.midi.file.Note;
import io.antiphon.midi.file.TempoMap;
import io.antiphon.midi.render.WavRenderer;

/**
 * The demo: the JDK {@link Sequencer} plays a call phrase in real time into a {@link LiveSession} as if a human
 * played it; the performer (call-and-response, thru on) passes the call to the output as it comes, hears the phrase
 * end and answers on a channel of its own: the lowest the call does not use, skipping the General MIDI percussion
 * channel (channel 2 for the bundled call, which plays on channel 1). Everything at the output is recorded. When the
 * answer is over (or the time limit passes) the session closes with all notes off, and what the output got, split by
 * channel into the call and the answer, becomes session.wav (Gervill; the call on piano, the answer on vibraphone),
 * session.mid (track 1 the human, track 2 Antiphon) and session.png (a piano roll).
 *
 * <p>The performer learns the tempo by listening, as in {@code play}: nothing is read from the call file's tempo (the
 * sequencer plays the file at its own tempo, as a player would); with the player clock the tempo and beat it tracked
 * are in the result, and session.mid is written at that tempo.
 *
 * <p>The same seed plays the same answer: each call note reaches the performer stamped with its time in the file
 * ({@link CallSchedule}), not the instant the sequencer's thread delivered it, on a session clock that runs a little
 * behind the schedule ({@link ScheduleClock}), and the performer decides the answer as of the moment the phrase ended.
 * Only the answer's times at the output vary, by the real-time thread's wake-ups (a millisecond or so).
 *
 * <p>Only notes reach the performer from the sequencer: at its end the sequencer sends CC 123 (all notes off), which
 * the performer would take as "drop the phrase", and a sustain-pedal release on every channel.
 */
public final class DemoSession {

    /** The bundled call: two bars at 120 BPM, a melody over C, Am, F, G, ending open on the dominant. */
    public static final String BUNDLED_CALL = "/io/antiphon/engine/demo/call.mid";
    static final int RECORDING_SLOTS = 1 << 16;
    private static final int END_OF_TRACK = 0x2F;
    /** How often the wait for the call's end looks at the sequencer's state, ms. */
    private static final long END_POLL_MS = 250;
    /** How many times a call's sequencer is started at most, when it drops a start ({@link #playCall}). */
    static final int START_TRIES = 3;
    private static final long POLL_MILLIS = 10;

    private DemoSession() {
    }

    /**
     * Plays the call, lets the performer answer, writes the three files.
     *
     * @throws IOException           if the call cannot be read, leaves no channel for the answer, or a file cannot be
     *                               written
     * @throws IllegalStateException if the JDK sequencer is unavailable or the performer failed
     */
    public static DemoResult run(DemoOptions options) throws IOException, InterruptedException {
        Files.createDirectories(options.outputDirectory());
        String callName = options.callFile() == null ? "bundled call " + BUNDLED_CALL : options.callFile().toString();
        byte[] callBytes = readCall(options.callFile());
        MidiFileContent content = contentOf(callBytes, callName);
        int callChannel = content.notes().stream().mapToInt(Note::channel).min().orElseThrow();
        int answerChannel = answerChannel(content, callName);
        Sequence sequence = sequenceOf(callBytes, callName);
        CallSchedule schedule = CallSchedule.of(sequence, content.tempoMap());
        ScheduleClock clock = new ScheduleClock(NanoClock.SYSTEM);

        options.parameters().set(Parameter.MODE, PerformerMode.CALL_AND_RESPONSE.ordinal());
        options.parameters().set(Parameter.THRU, 1);
        options.parameters().set(Parameter.OUTPUT_CHANNEL, answerChannel + 1);
        PerformerWarmUp.run(options.model(), options.parameters(), PerformerWarmUp.DEFAULT_CALLS, options.seed());
        RecordingReceiver call = new RecordingReceiver(clock, RECORDING_SLOTS);
        RecordingReceiver output = new RecordingReceiver(clock, RECORDING_SLOTS);

        boolean finished;
        PerformerStatus status = new PerformerStatus();
        LiveSession session = LiveSession.open(output,
                out -> new Performer(options.model(), options.parameters(), options.seed(), out),
                ShellOptions.defaults().withClock(clock).withObserver(options.watch().observer())
                .withLatencyMode(options.latencyMode()));
        HumanNotes humanNotes = new HumanNotes(session, schedule, clock, call);
        try {
            options.watch().opened().accept(session);
            playCall(sequence, humanNotes, callName);
            session.readStatus(status);
            finished = awaitAnswer(session, options.maxWaitSeconds(), status, status.answers(), output, answerChannel,
                    lastNoteOn(call.messages()));
        } finally {
            session.close();
        }
        if (session.failure().isPresent()) {
            Throwable failure = session.failure().get();
            throw new IllegalStateException("the performer failed during the demo: " + failure, failure);
        }
        long decision = session.answerDecisionNanos();

        List<RecordedMessage> played = call.messages();
        List<RecordedMessage> heard = output.messages();
        List<RecordedMessage> heardCall = heard.stream().filter(m -> m.channel() != answerChannel).toList();
        List<RecordedMessage> heardAnswer = heard.stream().filter(m -> m.channel() == answerChannel).toList();
        // the session's file runs at the tempo the performer ended with: the player's, as heard, with the player clock
        double bpm = status.tempoBpm() > 0 ? status.tempoBpm() : options.parameters().tempoBpm();
        long origin = clock.at(0);
        TempoMap tempo = TempoMap.constant(SessionRecording.TICKS_PER_QUARTER, bpm);
        int callNoteCount = RecordedNotes.pair(played, origin, tempo, 1).notes().size();
        RecordedNotes callNotes = RecordedNotes.pair(heardCall, origin, tempo, 1);
        RecordedNotes answerNotes = RecordedNotes.pair(heardAnswer, origin, tempo, 2);
        long firstAnswerNote = decision < 0 ? -1 : firstNoteOnAt(heardAnswer, decision);
        double answerStartMs = firstAnswerNote < 0 ? -1 : (firstAnswerNote - decision) / 1e6;

        List<MidiTrackSpec> tracks = List.of(
                new MidiTrackSpec("human", callChannel, SessionRecording.HUMAN_PROGRAM, callNotes.notes()),
                new MidiTrackSpec("Antiphon", answerChannel, SessionRecording.ANTIPHON_PROGRAM, answerNotes.notes()));
        Path wav = options.outputDirectory().resolve("session.wav");
        Path midi = options.outputDirectory().resolve("session.mid");
        Path png = options.outputDirectory().resolve("session.png");
        MidiFileWriter.writeType1(midi, SessionRecording.TICKS_PER_QUARTER, bpm, tracks);
        WavRenderer.renderTracks(wav, SessionRecording.TICKS_PER_QUARTER, bpm, tracks);
        PianoRoll.write(png, callNotes.notes(), answerNotes.notes(), decision < 0 ? -1 : (decision - origin) / 1e9);
        return new DemoResult(callNoteCount, answerNotes.notes().size(), answerStartMs,
                callNotes.hanging() + answerNotes.hanging(), finished, status.clock().name().toLowerCase(java.util.Locale.ROOT),
                bpm, status.clockRunning(), status.bar() + ":" + status.beat(), humanNotes.late().get(),
                new DemoRecording(session.latency(), session.counters(), wav, midi, png));
    }

    static void playCall(Sequence sequence, Receiver human, String callName) throws InterruptedException {
        Sequencer sequencer;
        try {
            sequencer = MidiSystem.getSequencer(false);
        } catch (MidiUnavailableException e) {
            throw sequencerUnavailable(e);
        }
        playCall(sequencer, sequence, human, callName);
    }

    private static IllegalStateException sequencerUnavailable(MidiUnavailableException e) {
        return new IllegalStateException("the JDK's MIDI sequencer is not available: " + e.getMessage(), e);
    }

    /**
     * Plays {@code sequence} into {@code human} on {@code sequencer} (opened here, closed at the end) in real time, and
     * returns at its end. The JDK's sequencer now and then drops a start: once in some hundred demos here it stood
     * stopped at tick 0, nothing sent, until the time limit failed the demo. A sequencer found stopped before its first
     * tick is started again, up to {@value #START_TRIES} times (the schedule's clock starts with the first message that
     * arrives, {@link ScheduleClock#startWith}, so a dropped start costs nothing but the wait).
     */
    static void playCall(Sequencer sequencer, Sequence sequence, Receiver human, String callName)
            throws InterruptedException {
        try {
            sequencer.open();
        } catch (MidiUnavailableException e) {
            throw sequencerUnavailable(e);
        }
        try {
            sequencer.setSequence(sequence);
            sequencer.getTransmitter().setReceiver(human);
            CountDownLatch ended = new CountDownLatch(1);
            sequencer.addMetaEventListener(meta -> {
                if (meta.getType() == END_OF_TRACK) ended.countDown();
            });
            sequencer.start();
            long limit = TimeUnit.MICROSECONDS.toMillis(sequence.getMicrosecondLength()) + 10_000;
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limit);
            int starts = 1;
            // the end-of-track event, or the sequencer's own state: it stops itself at the sequence's end, and once (in
            // about 120 demos here) no end-of-track event came within 10 s of a call's end
            while (!ended.await(END_POLL_MS, TimeUnit.MILLISECONDS)) {
                if (!sequencer.isRunning() && sequencer.getTickPosition() >= sequence.getTickLength()) break;
                if (!sequencer.isRunning() && sequencer.getTickPosition() == 0 && starts < START_TRIES) {
                    starts++;
                    sequencer.start();
                    deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limit);
                    continue;
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException(callName + " did not finish playing within " + limit + " ms (the sequencer "
                            + (sequencer.isRunning() ? "running" : "stopped") + " at tick " + sequencer.getTickPosition()
                            + " of " + sequence.getTickLength() + ")");
                }
            }
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException(callName + ": the sequencer cannot play it: " + e.getMessage(), e);
        } catch (MidiUnavailableException e) {
            throw new IllegalStateException("the JDK's MIDI sequencer has no transmitter: " + e.getMessage(), e);
        } finally {
            sequencer.close();
        }
    }

    /**
     * Waits until the answer to the call has been played to its end; false if the time limit came first. {@code status}
     * is the last read. The answer to the call is one begun after the call's last note: an answer begun at a rest inside
     * the call and cut off by the player's next note ({@code answersDuringCall} counts it) is not it. So: an answer
     * started since the call ended, or a note of the answer's channel after the call's last note-on, and then the
     * performer listening with nothing sounding.
     */
    private static boolean awaitAnswer(LiveSession session, double maxWaitSeconds, PerformerStatus status, long answersDuringCall,
                                       RecordingReceiver output, int answerChannel, long lastCallOnset) throws InterruptedException {
        long deadline = System.nanoTime() + Math.round(maxWaitSeconds * 1e9);
        while (System.nanoTime() - deadline < 0 && session.isRunning()) {
            if (session.readStatus(status) && status.phase() == PerformerPhase.LISTENING && status.machineNotesSounding() == 0
                    && (status.answers() > answersDuringCall
                        || status.answers() > 0 && answerNoteAfter(output.messages(), answerChannel, lastCallOnset))) {
                return true;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return false;
    }

    private static boolean answerNoteAfter(List<RecordedMessage> messages, int channel, long fromNanos) {
        return messages.stream().anyMatch(m -> m.isNoteOn() && m.channel() == channel && m.nanos() > fromNanos);
    }

    /** The time of the last note-on in {@code messages}, or {@link Long#MIN_VALUE} if none. */
    private static long lastNoteOn(List<RecordedMessage> messages) {
        return messages.stream().filter(RecordedMessage::isNoteOn).mapToLong(RecordedMessage::nanos).max().orElse(Long.MIN_VALUE);
    }

    /** Time of the first note-on in {@code messages} at or after {@code fromNanos}, or -1 if none. */
    private static long firstNoteOnAt(List<RecordedMessage> messages, long fromNanos) {
        return messages.stream().filter(m -> m.isNoteOn() && m.nanos() >= fromNanos).mapToLong(RecordedMessage::nanos)
                .findFirst().orElse(-1);
    }

    /** The answer's channel (0..15): the lowest the call's notes do not use, other than the percussion channel. */
    static int answerChannel(MidiFileContent call, String callName) throws IOException {
        boolean[] used = new boolean[16];
        for (Note note : call.notes()) used[note.channel()] = true;
        for (int channel = 0; channel < 16; channel++) {
            if (!used[channel] && channel != Note.PERCUSSION_CHANNEL) return channel;
        }
        throw new IOException(callName + ": its notes use every MIDI channel but the percussion channel; the demo needs one"
                + " free for the answer");
    }

    private static byte[] readCall(Path callFile) throws IOException {
        return readPhrase(callFile, "call", BUNDLED_CALL);
    }

    /** The bytes of {@code file}, or of the bundled resource when it is null; {@code what} names it in messages. */
    static byte[] readPhrase(Path file, String what, String bundled) throws IOException {
        if (file != null) {
            long size;
            byte[] bytes;
            try {
                size = Files.size(file);
                bytes = size > MidiFileReader.MAX_FILE_BYTES ? null : Files.readAllBytes(file);
            } catch (IOException e) {
                throw new IOException("the " + what + " file " + file + " cannot be read (" + e + ")", e);
            }
            if (bytes == null) {
                throw new IOException(file + ": " + size + " bytes is larger than any MIDI file read here (at most "
                        + MidiFileReader.MAX_FILE_BYTES + ")");
            }
            return bytes;
        }
        try (InputStream in = DemoSession.class.getResourceAsStream(bundled)) {
            if (in == null) throw new IOException("the bundled " + what + " " + bundled + " is missing from the classpath");
            return in.readAllBytes();
        }
    }

    static MidiFileContent contentOf(byte[] callBytes, String callName) throws IOException {
        MidiFileContent content;
        try {
            content = MidiFileReader.read(new ByteArrayInputStream(callBytes), callName);
        } catch (MidiFileException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (content.notes().isEmpty()) throw new IOException(callName + ": has no notes to play");
        return content;
    }

    static double tempoOf(MidiFileContent content) {
        double bpm = content.tempoMap().bpmAt(0);
        double low = Parameter.TEMPO_BPM.min();
        double high = Parameter.TEMPO_BPM.max();
        return Math.max(low, Math.min(high, bpm));
    }

    static Sequence sequenceOf(byte[] callBytes, String callName) throws IOException {
        try {
            return MidiSystem.getSequence(new ByteArrayInputStream(callBytes));
        } catch (InvalidMidiDataException e) {
            throw new IOException(callName + ": the JDK cannot read it as a MIDI sequence: " + e.getMessage(), e);
        }
    }

    /**
     * Passes the call's notes on to the session, each stamped with its time on the call's schedule (not its arrival),
     * and to the call's recording; drops everything else. Counts in {@code late} the notes that arrive after the
     * session's clock has passed their time. A note message the schedule does not hold (none left with its status and
     * data) is not the call's and is dropped too, counted in {@code offSchedule}: the JDK sequencer now and then sends
     * the note-ons of tick 0 twice (the bundled call's first chord, in 5 of 316 demos here), and stamped now,
     * a repeated key, they changed what the performer heard and so its answer.
     */
    record HumanNotes(LiveSession session, CallSchedule schedule, ScheduleClock clock, Receiver recording,
                      AtomicInteger late, AtomicInteger offSchedule) implements Receiver {

        /** Notes passed on, the late and the dropped ones counted from 0. */
        HumanNotes(LiveSession session, CallSchedule schedule, ScheduleClock clock, Receiver recording) {
            this(session, schedule, clock, recording, new AtomicInteger(), new AtomicInteger());
        }

        @Override
        public void send(MidiMessage message, long timeStamp) {
            if (!(message instanceof ShortMessage shortMessage) || !CallSchedule.isNote(shortMessage.getCommand())) return;
            long due = schedule.timeOf(shortMessage.getStatus(), shortMessage.getData1(), shortMessage.getData2());
            if (due < 0) {
                offSchedule.incrementAndGet();
                return;
            }
            recording.send(message, timeStamp);
            clock.startWith(due);
            long stamp = clock.at(due);
            if (clock.nanoTime() > stamp) late.incrementAndGet();
            session.input(stamp, shortMessage.getStatus(), shortMessage.getData1(), shortMessage.getData2());
        }

        @Override
        public void close() {
        }
    }
}
