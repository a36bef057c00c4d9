package io.antiphon.engine.perform;

import java.util.Objects;

import io.antiphon.engine.kernel.RollStepModel;
import io.antiphon.engine.sampling.Sampler;
import io.antiphon.engine.token.Vocabulary;

/**
 * The harmonize core (mode {@link PerformerMode#HARMONIZE}): the human plays a melody, and on every step of the clock a
 * piano-roll model ({@link RollStepModel}, one frame per step) adds up to {@value ChordSampler#MAX_VOICES} voices below
 * it, sent at once so that the chord sounds with the human's note. A plain object like {@link Performer}: events in,
 * events out through {@link MidiOut}, time only from the {@code nanos} arguments (on a {@link MusicalClock} at
 * {@code tempo_bpm}), a seeded sampler, no threads; {@link #onMidi}, {@link #advance} and {@link #allNotesOff}
 * allocate nothing once warm ({@link #warmUp}).
 *
 * <p><b>Steps.</b> A step is one frame of the model, {@code frameTicks} ticks (24, a quarter note, for the JSB
 * chorale roll), on the same {@link MusicalClock} as the {@link Performer}'s, so the {@code clock} parameter works here
 * too: on the internal clock the grid starts at the melody's first note (and again at the first note after the
 * harmonizer fell idle); following an external MIDI clock (or sending one as master) the frames are the clock's beats
 * (frame lines from its song position 0), and a stopped or stalled external clock ends the voices. On the player clock
 * a {@link BeatTracker} hears the melody's onsets and the clock is steered to the player's tempo and beat
 * ({@link PlayerSteering}), as in the {@link Performer}: until the beat is found the grid starts at the melody's first
 * note at {@code tempo_bpm} (the prior), and from then on the frames are the player's beats (the grid moves to them
 * when the beat is found or renumbered). Frame f's beat is
 * {@code f * frameTicks} ticks after the grid's start. A note up to {@code frameTicks / 6} ticks (a triplet sixteenth)
 * before a beat counts for that beat's frame, so a player slightly ahead of the grid is not heard a frame early.
 *
 * <p><b>The melody conditions the model by being in its input.</b> The melody is the latest key the human pressed and
 * still holds (21..108). Each frame fed to the model is the chord that sounded first in it: the melody key forced on
 * plus the voices drawn under it (an empty frame for a rest). The model is fed a frame as soon as the frame's window
 * closes, so the prediction for the next frame is ready before its melody note arrives: on the note only the voices
 * are drawn ({@link ChordSampler}: below the melody, within range, key/scale and polyphony, no semitone clash) and
 * sent, with the human's note passed through first when thru is on.
 *
 * <p><b>Holding.</b> Voices sound while the melody note is held, until the next step: at a step where the melody is
 * still held (no new note by {@code frameTicks / 6} ticks after the beat) the model's next chord is drawn under it;
 * voices it keeps go on sounding, the others end, new ones start. A second melody note within one frame (eighths) is
 * harmonized again from the same frame's prediction. Releasing the melody key ends every voice. After
 * {@value #REST_FRAMES_BEFORE_IDLE} frames of rest the harmonizer falls idle (no frames are fed until the next note).
 *
 * <p>Every voice note-on is matched by a note-off: on the melody's release, at a step that drops it, on
 * {@link #allNotesOff} (also CC 120, 123 and the {@code all_notes_off} controller), on a switch to another mode
 * (the harmonizer then only passes thru until the mode is harmonize again) and on {@code reset_memory}. Thru,
 * controllers and the CC map work as in {@link Performer}; Program Change is reported to the listener.
 */
public final class Harmonizer implements PerformerCore {

    /** Rest frames after which the harmonizer stops stepping the model until the next melody note. */
    static final int REST_FRAMES_BEFORE_IDLE = 2;
    /** Voices play at this share of the melody note's velocity, so that the melody leads. */
    static final double VOICE_VELOCITY_RATIO = 0.8;
    /** Frames the warm-up plays per round (see {@link #warmUp}). */
    public static final int WARM_UP_FRAMES = 3_000;
    /** Most warm-up rounds: compilation runs in the background and may lag on a busy machine. */
    public static final int WARM_UP_ROUNDS = 24;

    private static final int ALL_KEYS = 128;

    private final PerformerParameters parameters;
    private RollStepModel model;
    private int frameTicks;
    private int tolerance;
    private final MusicalClock clock;
    private final HumanKeys human = new HumanKeys();
    private final OrderedOut ordered;
    private final SoundingNotes voices;
    private final ThruNotes thru;
    private final MessageDispatcher messages;
    private final ChordSampler chords;
    private final FollowedClock followed;
    private final ClockSender sender;
    private final BeatTracker beats;
    private final PlayerSteering steering;
    private final ClockSwitch clocks;

    /** The model's prediction for frame {@link #openFrame} (valid once primed). */
    private final float[] prediction;
    /** The content of the open frame, as roll keys (MIDI - 21). */
    private final int[] frameKeys = new int[Vocabulary.PITCHES];
    private int frameKeyCount;
    private final int[] drawn = new int[ChordSampler.MAX_VOICES];
    private final boolean[] chosen = new boolean[ALL_KEYS];

    private PerformerListener listener = PerformerListener.NONE;
    private PerformerMode mode;
    private long now = Long.MIN_VALUE;
    private boolean primed;
    private boolean running;
    private long originTick;
    private long openFrame;
    /** Whether the open frame's content is settled: a chord sounded in it, or its beat passed in a rest. */
    private boolean decided;
    private int restFrames;
    private int melody = -1;
    private int melodyVelocity;

    private long framesFed;
    private long melodyNotes;
    private long chordsSounded;
    private long voicesStarted;

    /**
     * @param model      the piano-roll model; the harmonizer owns it from now on and starts it fresh
     * @param frameTicks ticks (1/24 beat) per model frame: 24 for a roll of one frame a quarter note
     * @param parameters live parameters (read at every use)
     * @param seed       the sampler's seed
     * @param out        where the voices (and with thru on, the human's messages) go
     */
    public Harmonizer(RollStepModel model, int frameTicks, PerformerParameters parameters, long seed, MidiOut out) {
        Refusals.check(model, frameTicks, parameters, out);
        this.model = model;
        this.parameters = parameters;
        this.frameTicks = frameTicks;
        this.tolerance = frameTicks / 6;
        this.clock = new MusicalClock(parameters.tempoBpm());
        this.ordered = new OrderedOut(out);
        this.voices = new SoundingNotes(ordered);
        this.thru = new ThruNotes(ordered);
        this.messages = new MessageDispatcher(parameters, thru, this::humanNoteOn, this::humanNoteOff,
                this::programChange, this::systemMessage, this::sustain, this::allNotesOff,
                this::parameterChanged, this::act);
        this.chords = new ChordSampler(new Sampler(seed));
        this.followed = new FollowedClock(clock);
        this.sender = new ClockSender(clock, ordered, voices);
        this.prediction = new float[model.keys()];
        this.mode = parameters.mode();
        this.beats = new BeatTracker(parameters.tempoBpm());
        this.steering = new PlayerSteering(clock, beats);
        this.clocks = new ClockSwitch(parameters, clock, followed, sender, beats, this::steerToPlayer);
        model.reset();
    }

    /**
     * Switches to another piano-roll model (after a program change, on the performer thread): the sounding voices end,
     * and the new model starts fresh, having heard nothing; the grid starts again at the human's next note. Allocates
     * nothing; the new model should be warmed up by whoever loaded it.
     *
     * @param frameTicks the new model's ticks per frame ({@link #frameTicksOf})
     */
    public void replaceModel(RollStepModel model, int frameTicks) {
        Refusals.checkModel(model, frameTicks);
        endVoices();
        this.model = model;
        this.frameTicks = frameTicks;
        this.tolerance = frameTicks / 6;
        model.reset();
        primed = false;
        running = false;
        melody = -1;
    }

    /**
     * Ticks per frame for a roll of {@code framesPerQuarter} frames a quarter note (1 for the JSB chorale roll).
     *
     * @throws IllegalArgumentException unless 24 ticks divide into that many whole frames of 6..96 ticks
     */
    public static int frameTicksOf(int framesPerQuarter) {
        Refusals.checkFramesPerQuarter(framesPerQuarter);
        return Vocabulary.TICKS_PER_QUARTER / framesPerQuarter;
    }

    @Override
    public void onMidi(long nanos, int status, int data1, int data2) {
        moveTo(nanos);
        messages.dispatch(now, status, data1, data2);
    }

    /** A system message: the external clock (when followed); a stop ends the machine's part. */
    private void systemMessage(int status, int data1, int data2) {
        if (followed.onMessage(now, status, data1, data2, clocks.following())) transportStopped();
    }

    private void programChange(int program) {
        listener.programChange(program);
    }

    @Override
    public void advance(long nanos) {
        moveTo(nanos);
    }

    @Override
    public void allNotesOff(long nanos) {
        moveTo(nanos);
        thru.releaseAll(now);
        sender.endClick(now); // a sounding metronome click ends too; the clock runs on
        endVoices();
        melody = -1;
        running = false;
    }

    @Override
    public void readStatus(PerformerStatus into) {
        into.mode = mode;
        into.phase = running ? PerformerPhase.HARMONIZING : PerformerPhase.LISTENING;
        clocks.fill(into, now);
        into.temperature = parameters.temperature();
        into.topP = parameters.topP();
        into.topK = parameters.topK();
        into.machineNotesSounding = voices.count();
        into.thruNotesSounding = thru.count();
        into.humanKeysDown = human.count();
        into.sustainDown = human.sustain();
        into.phraseEndThresholdNanos = 0;
        into.modelTick = clock.started() ? clock.tickAt(now) : 0;
        into.tokensFed = framesFed;
        into.tokensGenerated = voicesStarted;
        into.answers = 0;
        into.bargeIns = 0;
        into.melodyNotes = melodyNotes;
        into.chords = chordsSounded;
    }

    @Override
    public PerformerParameters parameters() {
        return parameters;
    }

    @Override
    public void setListener(PerformerListener listener) {
        this.listener = listener == null ? PerformerListener.NONE : listener;
        voices.setListener(this.listener);
    }

    /**
     * Gets the hot path compiled before the first real note: scratch harmonizers play a scripted melody on this
     * harmonizer's model in rounds of {@code framesPerRound} frames until a round allocates nothing or
     * {@code maxRounds} have been played; the model's state is put back as it was. Call on the performer thread before
     * playing; allocates.
     *
     * @return whether the hot path was seen to allocate nothing (false when this JVM cannot count allocation)
     */
    public boolean warmUp(int framesPerRound, int maxRounds) {
        return HarmonizerWarmUp.run(model, frameTicks, framesPerRound, maxRounds);
    }

    /**
     * Time moves to {@code nanos}: live changes apply, a followed clock that stopped silences the voices, frames due
     * are settled and fed, and as clock master the ticks due by now go out (when due, not ahead: a voice is never held
     * back behind a tick released early).
     */
    private void moveTo(long nanos) {
        clock.start(nanos);
        if (nanos > now) now = nanos;
        ordered.notBefore(now);
        applyLiveChanges();
        if (followed.advance(now, clocks.following())) transportStopped();
        if (running) catchUp(clock.tickAt(now));
        while (sender.running() && clock.nanosAt(sender.nextTick()) <= now) {
            sender.sendNext(parameters.metronomeChannel(), parameters.beatsPerBar());
        }
    }

    /**
     * Tempo and clock source ({@link ClockSwitch}: a new source ends the voices, the next note starts a new grid) and
     * mode, as {@link Performer} applies them.
     */
    private void applyLiveChanges() {
        if (clocks.apply(now)) {
            endVoices(); // the grid changes: the next note starts a new one
            running = false;
        }
        PerformerMode wanted = parameters.mode();
        if (wanted == mode) return;
        mode = wanted;
        if (mode != PerformerMode.HARMONIZE) {
            endVoices();
            running = false;
        }
    }

    /**
     * Settles and closes the frames whose time has come by {@code tick}: a frame still undecided at its beat plus the
     * tolerance is harmonized under the held melody (or is a rest); a frame is fed to the model when the next frame's
     * window opens.
     */
    private void catchUp(long tick) {
        while (running) {
            if (!decided) {
                if (tick < beatTick(openFrame) + tolerance) return;
                if (melody >= 0) {
                    sound(melody, melodyVelocity, false);
                } else {
                    decided = true;
                    restFrames++;
                }
            }
            if (tick < beatTick(openFrame + 1) - tolerance) return;
            closeFrame();
        }
    }

    private long beatTick(long frame) {
        return originTick + frame * frameTicks;
    }

    /** Feeds the open frame to the model (its prediction is then the next frame's) and opens the next frame. */
    private void closeFrame() {
        model.stepFrame(frameKeys, frameKeyCount, prediction);
        framesFed++;
        openFrame++;
        frameKeyCount = 0;
        decided = false;
        if (restFrames >= REST_FRAMES_BEFORE_IDLE) running = false;
    }

    /** A model that has heard nothing is primed with one silent frame: the silence before a piece. */
    private void prime() {
        if (primed) return;
        model.stepFrame(frameKeys, 0, prediction);
        framesFed++;
        primed = true;
    }

    private void humanNoteOn(int status, int pitch, int velocity) {
        human.press(pitch);
        boolean harmonize = mode == PerformerMode.HARMONIZE && Vocabulary.isPlayable(pitch);
        if (!harmonize) {
            if (voices.isDown(pitch)) voices.noteOff(now, pitch); // the human takes the key over
            if (parameters.thru()) thru.noteOn(now, status, pitch, velocity);
            return;
        }
        if (!running) startGrid();
        melody = pitch;
        melodyVelocity = velocity;
        melodyNotes++;
        sound(pitch, velocity, parameters.thru(), status);
        // the player's beat after the chord is out, so that the beat tracker's work does not delay it: the grid the
        // note fell on is the one steered by the onsets before it
        if (clocks.player() && beats.onset(now, velocity) && beats.locked()) steerToPlayer();
    }

    /** The followed clock stopped, or its ticks ceased: the voices end and the grid waits for the clock and a note. */
    private void transportStopped() {
        endVoices();
        running = false;
    }

    /**
     * The grid starts at this note: on the internal clock (and on the player clock before the beat is found) frame 0's
     * beat is now; following or sending a clock, or on the player's found beat, it is the clock's beat (frame line) the
     * note falls on, so that the frames are the host's or the player's beats.
     */
    private void startGrid() {
        prime();
        running = true;
        long tick = clock.tickAt(now);
        if (clocks.source() == ClockSource.INTERNAL || clocks.player() && !beats.locked()) {
            originTick = tick;
        } else {
            long late = tick + tolerance;
            originTick = late - Math.floorMod(clock.gridPosition(late), (long) frameTicks);
        }
        openFrame = 0;
        frameKeyCount = 0;
        decided = false;
        restFrames = 0;
    }

    private void sound(int melodyPitch, int velocity, boolean passHumanNote) {
        sound(melodyPitch, velocity, passHumanNote, 0x90);
    }

    /**
     * Draws the open frame's chord under {@code melodyPitch} from the prediction and sounds it: voices not in it end
     * (every voice at or above the melody among them), then the human's note passes (thru; no note-off can cut it on a
     * shared channel), then new voices start. The first chord of a frame is its content.
     */
    private void sound(int melodyPitch, int velocity, boolean passHumanNote, int status) {
        int count = chords.sample(prediction, melodyPitch, human.downByPitch(), parameters, drawn);
        for (int i = 0; i < count; i++) chosen[drawn[i]] = true;
        for (int key = 0; key < ALL_KEYS; key++) {
            if (voices.isDown(key) && !chosen[key]) voices.noteOff(now, key);
        }
        if (passHumanNote) thru.noteOn(now, status, melodyPitch, velocity);
        int voiceVelocity = (int) Math.max(1, Math.round(velocity * VOICE_VELOCITY_RATIO));
        int channel = parameters.outputChannel() - 1;
        long tick = clock.tickAt(now);
        for (int i = 0; i < count; i++) {
            int key = drawn[i];
            chosen[key] = false;
            if (!voices.isDown(key)) {
                voices.noteOn(now, tick, channel, key, voiceVelocity);
                voicesStarted++;
            }
        }
        chordsSounded++;
        if (!decided || frameKeyCount == 0) {
            frameKeyCount = 0;
            frameKeys[frameKeyCount++] = melodyPitch - Vocabulary.LOWEST_PITCH;
            for (int i = 0; i < count; i++) frameKeys[frameKeyCount++] = drawn[i] - Vocabulary.LOWEST_PITCH;
            decided = true;
        }
        restFrames = 0;
    }

    private void humanNoteOff(int status, int pitch, int velocity) {
        thru.noteOff(now, status, pitch, velocity);
        if (!human.release(pitch)) return;
        if (human.allUp()) beats.silent(now);
        if (pitch != melody) return;
        endVoices();
        melody = -1;
        boolean[] down = human.downByPitch();
        for (int key = Vocabulary.HIGHEST_PITCH; key >= Vocabulary.LOWEST_PITCH && human.count() > 0; key--) {
            if (down[key]) {
                melody = key; // harmonized at the next step if still held
                break;
            }
        }
    }

    private void sustain(boolean down) {
        human.setSustain(down);
        if (human.allUp()) beats.silent(now);
    }

    private void parameterChanged(Parameter parameter, double value) {
        listener.parameterChanged(parameter, value);
        applyLiveChanges();
    }

    private void act(ControlAction action) {
        if (action == ControlAction.RESET_MEMORY) {
            endVoices();
            model.reset();
            primed = false;
            running = false;
        } else if (action == ControlAction.ALL_NOTES_OFF) {
            allNotesOff(now);
        } else if (action == ControlAction.TAP_TEMPO) {
            beats.tap(now);
            if (clocks.player()) steerToPlayer();
        }
        // answer_now: nothing to answer in harmonize
    }

    /**
     * Makes the clock's ticks the player's ({@link PlayerSteering}). A running grid moves to the clock's nearest frame
     * line (by half a frame at most, so no frame is skipped or played twice): a grid started at a note before the beat
     * was found, or one whose beats were renumbered, then has its frames on the player's beats.
     */
    private void steerToPlayer() {
        steering.steer(now);
        if (!running) return;
        long offset = Math.floorMod(clock.gridPosition(originTick), (long) frameTicks);
        originTick = offset <= frameTicks / 2 ? originTick - offset : originTick + frameTicks - offset;
    }

    private void endVoices() {
        for (int key = 0; key < ALL_KEYS; key++) {
            if (voices.isDown(key)) voices.noteOff(now, key);
        }
    }

    /**
     * The harmonizer's argument checks and their messages, in a class of their own: when the JIT queues a method for
     * C2, HotSpot resolves the text constants of the method's class on the calling thread, and the live path's class
     * must hold none that its warm-up did not resolve, or the first compilation in play would allocate.
     */
    private static final class Refusals {

        static void check(RollStepModel model, int frameTicks, PerformerParameters parameters, MidiOut out) {
            Objects.requireNonNull(parameters, "parameters");
            Objects.requireNonNull(out, "out");
            checkModel(model, frameTicks);
        }

        static void checkModel(RollStepModel model, int frameTicks) {
            Objects.requireNonNull(model, "model");
            if (model.keys() != Vocabulary.PITCHES) {
                throw new IllegalArgumentException("the harmonizer needs a piano roll of the " + Vocabulary.PITCHES
                        + " piano keys; this model has " + model.keys());
            }
            if (frameTicks < 6 || frameTicks > 4 * Vocabulary.TICKS_PER_QUARTER) {
                throw new IllegalArgumentException("a harmonizer frame must last 6..96 ticks (a sixteenth to a whole note), not "
                        + frameTicks);
            }
        }

        static void checkFramesPerQuarter(int framesPerQuarter) {
            if (framesPerQuarter < 1 || Vocabulary.TICKS_PER_QUARTER % framesPerQuarter != 0
                    || Vocabulary.TICKS_PER_QUARTER / framesPerQuarter < 6) {
                throw new IllegalArgumentException("a piano roll of " + framesPerQuarter + " frames per quarter note cannot be"
                        + " harmonized on a grid of " + Vocabulary.TICKS_PER_QUARTER + " ticks per quarter (1, 2 or 4 can)");
            }
        }
    }
}
