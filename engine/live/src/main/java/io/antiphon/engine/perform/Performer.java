package io.antiphon.engine.perform;

import java.util.Objects;

import io.antiphon.engine.adapt.SessionLearner;
import io.antiphon.engine.kernel.StepModel;
import io.antiphon.engine.sampling.Sampler;
import io.antiphon.engine.token.Vocabulary;

/**
 * The performer core (docs/design.md, The performer core; Modes): takes the human's timestamped MIDI and the passing of
 * time, keeps one token stream of human and machine notes in the model, and sends the machine's notes to
 * {@link MidiOut}, each stamped with its exact musical time and released when due within the lookahead. A plain
 * object: no threads, ports or wall clock; time comes only from the {@code nanos} arguments (a time earlier than one
 * already seen counts as that one). Only the performer thread calls it; {@link #onMidi}, {@link #advance} and
 * {@link #allNotesOff} allocate nothing once warm (see {@link #warmUp}).
 *
 * <p>Musical time is ticks of 1/24 beat at {@code tempo_bpm}, counted from the first instant the performer hears of.
 * Human events are fed at the tick they fall in; a silence longer than 16 beats is heard as 16 beats. What the model
 * remembers is what sounded: the machine samples a token only when its time is due within the lookahead, and the
 * generated time that has not elapsed when a human event arrives is rolled back first. One approximation remains: a
 * human event that falls before a machine event already released within the lookahead is heard just after it (at most
 * the lookahead, plus the tick it falls in, late); with {@code lookahead_ms} 0 the model hears everything at its tick.
 *
 * <p><b>Dynamics and feel</b>: the machine's notes go out through the {@link ExpressionStage}, which hears the human's
 * note-ons and plays the part with the player's velocities ({@code dynamics}) and groove ({@code feel}). The model
 * hears its own part as it played it (its velocity bins, its ticks); the stage only renders it. When the feel pulls
 * notes earlier, the part is generated that much further ahead (at most a third of a sixteenth), and the approximation
 * above grows by as much.
 *
 * <ul>
 *   <li><b>Call-and-response</b>: the human's notes are fed as they come; when the phrase ends (adaptive silence, see
 *       {@link PhraseDetector}, or the {@code answer_now} controller) the machine answers at once, for the call's
 *       length times {@code answer_length_ratio} clamped to {@code answer_min_beats..answer_max_beats}, then listens
 *       again. A human note during the answer barges in: the answer's notes end at once, generated time that had not
 *       elapsed is rolled back, and the human's note is fed from there.</li>
 *   <li><b>Jam</b>: from the human's first note on, the machine generates without end while every human note is fed
 *       into the same stream.</li>
 * </ul>
 * The model's memory lasts the whole session; only the {@code reset_memory} controller or {@link #replaceModel}
 * clears it. The session also teaches: a memory of the tokens heard joins the model's distribution before the masks
 * and the sampler ({@code adapt}; see {@link io.antiphon.engine.adapt.AdaptiveMixture}); with a session learner
 * attached ({@link #attachLearner}) the model's weights learn the player too, entering the kernel at phrase boundaries
 * (the end of a call, or of the human's phrase in a jam). {@code forget_learning} forgets both and keeps what the model
 * heard; {@code reset_memory} forgets everything. Human notes outside 21..108 count for phrasing but are not fed (the vocabulary has no such keys).
 *
 * <p><b>The plan</b> ({@code plan_beats}, 0 .. {@code beats_per_bar}; default 0): the part is sampled that many beats
 * ahead of now instead of just in time; the {@link ExpressionStage} holds each note until it is due (so the output
 * still gets it within the lookahead) and tells the listener of it as planned ({@link PerformerListener#machinePlanned}).
 * An answer stays answering until its last planned note has started. What it costs (docs/design.md, The plan): the
 * model hears its planned notes when it samples them, so a human note is heard after them (in a jam up to the plan
 * late, as the human's part goes on over the machine's planned bar); a barge-in, a stop or a key the human takes drops
 * the planned notes unsent (with their releases: no note-on goes out without its note-off), but the model's memory
 * keeps what it had planned (only the generated silence after the last planned note is rolled back); a parameter
 * change acts on the notes sampled after it, and a change of tempo or the player clock's steering does not move notes
 * already planned.
 *
 * <p><b>MIDI thru</b> ({@code thru} on): every human channel message is sent to {@link MidiOut} unchanged, on its own
 * channel, as soon as the performer handles it and before the model is fed it: notes, the sustain pedal, pitch bend,
 * pressure, and controllers not mapped to a parameter or an action. Not passed: mapped controllers, CC 120 and 123
 * (the performer silences the output itself, see {@link #allNotesOff}), Program Change (a preset switch) and system
 * messages. The release of a note or pedal that thru passed always passes, even after thru was turned off; a release
 * of something thru did not pass is not sent (see {@link ThruNotes}). Thru messages share the machine's order: one
 * stamped before a machine message already released ahead is sent after it, at most {@code lookahead_ms} late.
 *
 * <p><b>Same channel, same key</b> (when {@code output_channel} is the human's channel): the machine never starts a
 * note on a key the human holds (the keyboard mask, on any channel); when the human presses a key the machine holds,
 * the machine's note-off goes out first, then the human's note-on (thru), and the model hears the machine release the
 * key and the human strike it. So neither cuts the other: every note-off at the output ends the note its sender began.
 */
public final class Performer implements PerformerCore {

    /** Tokens per warm-up round (see {@link #warmUp}): enough for the JIT to compile the kernel. */
    public static final int WARM_UP_TOKENS = 15_000;
    /** Most warm-up rounds (see {@link #warmUp}): compilation runs in the background and may lag on a busy machine. */
    public static final int WARM_UP_ROUNDS = 8;
    /** A player-clock beat this many times the prior's tempo or more may be the player's eighths ({@link #beatMayBeEighths}). */
    static final double FAST_BEAT = 1.1;

    private final PerformerParameters parameters;
    private final MusicalClock clock;
    private final HumanKeys human = new HumanKeys();
    private final OrderedOut ordered;
    private final ExpressionStage expression;
    private final SoundingNotes notes;
    private final ThruNotes thru;
    private final MessageDispatcher messages;
    private final ModelStream stream;
    private final PhraseDetector phrases = new PhraseDetector();
    private final AnswerGenerator generator;
    private final FollowedClock followed;
    private final ClockSender sender;
    private final BeatTracker beats;
    private final PlayerSteering steering;
    private final ClockSwitch clocks;
    /** Machine keys ended at the output whose release the model has yet to hear. */
    private final boolean[] released = new boolean[128];
    private int releasedCount;

    private PerformerListener listener = PerformerListener.NONE;
    private PerformerMode mode;
    private PerformerPhase phase = PerformerPhase.LISTENING;
    private boolean answerRequested;
    private long now = Long.MIN_VALUE;
    private long answers;
    private long bargeIns;

    /**
     * @param model      the step model, over the 240-token vocabulary; the performer owns it from now on
     * @param parameters live parameters (the performer reads them at every use)
     * @param seed       the sampler's seed
     * @param out        where the machine's notes (and with thru on, the human's messages) go
     */
    public Performer(StepModel model, PerformerParameters parameters, long seed, MidiOut out) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.clock = new MusicalClock(parameters.tempoBpm());
        this.ordered = new OrderedOut(Objects.requireNonNull(out, "out"));
        this.expression = new ExpressionStage(parameters, clock, ordered, seed);
        this.notes = new SoundingNotes(expression);
        this.thru = new ThruNotes(ordered);
        this.messages = new MessageDispatcher(parameters, thru, this::humanNoteOn, this::humanNoteOff,
                this::programChange, this::systemMessage, this::sustain, this::allNotesOff,
                this::parameterChanged, this::act);
        this.stream = new ModelStream(Objects.requireNonNull(model, "model"), out);
        this.generator = new AnswerGenerator(parameters, stream, notes, human, clock, new Sampler(seed));
        this.followed = new FollowedClock(clock);
        this.sender = new ClockSender(clock, ordered, notes);
        this.mode = parameters.mode();
        this.beats = new BeatTracker(parameters.tempoBpm());
        this.steering = new PlayerSteering(clock, beats);
        this.clocks = new ClockSwitch(parameters, clock, followed, sender, beats, this::steerToPlayer);
    }

    /**
     * A human MIDI message stamped on the injected clock: note on/off (any channel), sustain pedal, mapped
     * controllers, all-notes-off (CC 120, 123), program change; with thru on, also what is only passed to the output
     * (see the class comment); anything else is ignored. Time first moves to {@code nanos} as in {@link #advance}.
     * Allocation-free.
     */
    public void onMidi(long nanos, int status, int data1, int data2) {
        moveTo(nanos);
        perform();
        messages.dispatch(now, status, data1, data2);
    }

    /** A system message: the external clock (when followed); a stop ends the machine's part. */
    private void systemMessage(int status, int data1, int data2) {
        if (followed.onMessage(now, status, data1, data2, clocks.following())) transportStopped();
    }

    private void programChange(int program) {
        listener.programChange(program);
    }

    /**
     * Moves time to {@code nanos}: ends the phrase when it has ended, then samples and releases the machine's events
     * due by {@code nanos} + lookahead. Allocation-free.
     */
    public void advance(long nanos) {
        moveTo(nanos);
        perform();
    }

    /**
     * Ends every sounding machine note now (note-offs through {@link MidiOut}, and fed to the model, which heard them
     * end) and stops playing: the phrase being collected is dropped; a jam resumes with the human's next note. The
     * notes thru passed end too (a note-off each, and a release of every sustain pedal thru passed down); their keys'
     * later releases are then not passed. A sounding metronome click (clock master) ends too; the clock runs on. For
     * stop, error, port loss and shutdown; CC 120 and 123 do the same.
     */
    public void allNotesOff(long nanos) {
        moveTo(nanos);
        thru.releaseAll(now);
        sender.endClick(now);
        silenceMachine();
        phrases.startNewPhrase();
        answerRequested = false;
    }

    /** Copies a snapshot of the performer into {@code into} without allocating. */
    public void readStatus(PerformerStatus into) {
        into.mode = mode;
        into.phase = phase;
        clocks.fill(into, now);
        into.temperature = parameters.temperature();
        into.topP = parameters.topP();
        into.topK = parameters.topK();
        into.machineNotesSounding = notes.count() + expression.heldReleases();
        into.thruNotesSounding = thru.count();
        into.humanKeysDown = human.count();
        into.sustainDown = human.sustain();
        into.phraseEndThresholdNanos = clocks.player()
                ? phrases.restThreshold(floorNanos(), phraseBeatNanos())
                : phrases.threshold(floorNanos(), parameters.phraseEndMultiple(), clock.nanosPerBeat());
        into.modelTick = stream.tick();
        into.tokensFed = stream.tokensFed();
        into.tokensGenerated = generator.tokensGenerated();
        into.answers = answers;
        into.bargeIns = bargeIns;
    }

    /**
     * Gets the hot path compiled before the first real note: scratch performers play on this performer's model in
     * rounds of {@code tokensPerRound} tokens until a round allocates nothing (the JIT has settled) or
     * {@code maxRounds} have been played; then the model's state is put back as it was. Call on the performer thread,
     * before playing and after {@link #replaceModel}; allocates, and takes about {@code tokensPerRound} model steps a
     * round ({@link #WARM_UP_TOKENS} and {@link #WARM_UP_ROUNDS} suit the shell).
     *
     * @return whether the hot path was seen to allocate nothing (false when this JVM cannot count allocation)
     */
    public boolean warmUp(int tokensPerRound, int maxRounds) {
        return HotPathWarmUp.run(stream.model(), tokensPerRound, maxRounds);
    }

    /** The player's tempo and beat as tracked from the human's onsets (the player clock; it listens in any case only then). */
    public BeatTracker playerBeat() {
        return beats;
    }

    /** The live parameters, changed by controllers or by code. */
    public PerformerParameters parameters() {
        return parameters;
    }

    public void setListener(PerformerListener listener) {
        this.listener = listener == null ? PerformerListener.NONE : listener;
        expression.setListener(this.listener); // the machine's notes as they go out, with the player's dynamics and feel
    }

    /**
     * Switches to another model (after a program change, on the performer thread): sounding machine notes end, and
     * the new model starts fresh, having heard nothing.
     */
    public void replaceModel(StepModel model) {
        ModelStream.requireEventVocabulary(Objects.requireNonNull(model, "model"));
        generator.stop();
        endMachineNotes();
        stream.replaceModel(model, clock.started() ? clock.tickAt(now) : 0);
        phrases.startNewPhrase();
        phase = PerformerPhase.LISTENING;
        answerRequested = false;
    }

    /**
     * Attaches the slow memory (docs/design.md, Learning the player): {@code learner} hears the human's tokens and hands
     * fine-tuned weights to the model, which must be the kernel it was made for; they enter at phrase boundaries. Null
     * detaches it. A {@link #replaceModel} detaches it too. Call on the performer thread, or before it starts.
     */
    public void attachLearner(SessionLearner learner) {
        stream.attachLearner(learner);
    }

    private void moveTo(long nanos) {
        clock.start(nanos);
        if (nanos > now) now = nanos;
        ordered.notBefore(now);
        applyLiveChanges();
        if (followed.advance(now, clocks.following())) transportStopped();
    }

    /** Applies parameter changes that need more than reading: tempo and clock source ({@link ClockSwitch}), and mode. */
    private void applyLiveChanges() {
        clocks.apply(now);
        PerformerMode wanted = parameters.mode();
        if (wanted == mode) return;
        mode = wanted;
        answerRequested = false;
        if (wanted == PerformerMode.JAM) {
            if (phase == PerformerPhase.ANSWERING) {
                // the answer goes on without end (sampled to its end already, with notes still planned: from there)
                if (generator.active()) generator.setEndTick(AnswerGenerator.ENDLESS);
                else generator.start(AnswerGenerator.ENDLESS, false, partGridTicks());
                expression.startPart(now, Long.MAX_VALUE);
                phase = PerformerPhase.JAMMING;
            }
        } else if (phase == PerformerPhase.JAMMING) {
            silenceMachine();
            phrases.startNewPhrase();
        }
    }

    private void perform() {
        if (phase == PerformerPhase.LISTENING && mode == PerformerMode.CALL_AND_RESPONSE) {
            if (answerRequested) startAnswer(now);
            else if (phraseEnded()) {
                if (clocks.player()) hearPhraseEnd();
                startAnswer(phraseEndNanos());
            }
        } else if (phase == PerformerPhase.JAMMING && phrases.inPhrase() && phraseEnded()) {
            stream.phraseBoundary(parameters.adapt());   // the human's phrase in a jam ended
            phrases.startNewPhrase();
        }
        long horizon = now + Math.round(parameters.lookaheadMs() * 1e6);
        // what goes out by the horizon is this round's; what is sampled beyond it is the plan, which the stage holds
        expression.planAfter(horizon);
        // the clock master's ticks and the machine's notes go out interleaved in time order
        while (sender.running() && clock.nanosAt(sender.nextTick()) <= horizon) {
            long tick = clock.nanosAt(sender.nextTick());
            generateUntil(tick, tick);
            sender.sendNext(parameters.metronomeChannel(), parameters.beatsPerBar());
        }
        generateUntil(horizon, Math.max(horizon, now + Math.round(parameters.planBeats() * clock.nanosPerBeat())));
        // an answer sampled to its end listens again once its last note has started
        if (phase == PerformerPhase.ANSWERING && !generator.active() && !expression.holdsNoteOns()) phase = PerformerPhase.LISTENING;
    }

    /** Whether the human's phrase has ended: in the player's beats with the player clock, else by adaptive silence. */
    private boolean phraseEnded() {
        if (clocks.player()) {
            return phrases.endedInBeats(now, human.allUp(), floorNanos(), phraseBeatNanos(), beats.settled());
        }
        return phrases.ended(now, human.allUp(), floorNanos(), parameters.phraseEndMultiple(), clock.nanosPerBeat());
    }

    /** The call ended: where the player stopped tells the beat tracker where a beat is, and the clock follows it. */
    private void hearPhraseEnd() {
        int epoch = beats.gridEpoch();
        beats.phraseEnded(phrases.silentSince());
        if (beats.gridEpoch() != epoch) steerToPlayer();
    }

    /**
     * The beat a rest in the player's phrase is counted in, with the player clock: the tracked one once the tracker has
     * settled; before that, the longer of it and the prior's, since a beat still being induced from a few onsets can be
     * twice or thrice too fast, and two of its beats would end the phrase at a rest inside it, and that taken 1.5 or 2
     * times as long as the tracker is less sure ({@link BeatCertainty#restBeatNanos}). A beat that may be the player's
     * eighths ({@link #beatMayBeEighths}: a reel at 72 BPM is heard at 144) counts in pairs of them: a rest of two of
     * the player's beats inside the phrase is four such beats, and ended the phrase there. Such a pair also covers a
     * beat still being induced at 1.5 times the player's, so the two are not multiplied: counted in three fast beats,
     * a short call at 140 BPM was answered ten or eleven beats after its last note.
     */
    private long phraseBeatNanos() {
        if (beatMayBeEighths()) return 2 * beats.beatNanos();
        BeatCertainty certainty = BeatCertainty.of(beats);
        long beat = beats.beatNanos();
        return certainty.restBeatNanos(certainty == BeatCertainty.SETTLED ? beat : Math.max(beat, beats.priorBeatNanos()));
    }

    /**
     * The moment the phrase ended (at or before now): the answer is decided as of then, so that how late the thread
     * looked does not change what the model hears or where the answer starts.
     */
    private long phraseEndNanos() {
        long ended = clocks.player()
                ? phrases.endedInBeatsAt(floorNanos(), phraseBeatNanos(), beats.settled())
                : phrases.endedAt(floorNanos(), parameters.phraseEndMultiple(), clock.nanosPerBeat());
        return Math.min(now, ended);
    }

    /** Makes the clock's ticks the player's ({@link PlayerSteering}); the feel's positions move with the grid. */
    private void steerToPlayer() {
        expression.gridMoved(steering.steer(now));
    }

    /**
     * Sends what is due by {@code due}, then generates the part up to {@code until} (further by the lead the player's
     * feel asks for): each note due by {@code due} goes out as soon as it is sampled (before the model is stepped with
     * it and the rest is generated); the stage holds the others until they are due.
     */
    private void generateUntil(long due, long until) {
        expression.flushUntil(due);
        if (generator.active()) generator.generate(until + expression.leadNanos());
    }

    /** The followed clock stopped, or its ticks ceased: the machine falls silent, the phrase is dropped. */
    private void transportStopped() {
        silenceMachine();
        phrases.startNewPhrase();
        answerRequested = false;
    }

    /** Starts the answer decided at {@code decided} (now, or the moment the phrase ended). */
    private void startAnswer(long decided) {
        answerRequested = false;
        stream.feedSilenceUntil(clock.tickAt(decided));
        long start = answerStartTick(decided);
        long callTicks = clock.ticksIn(phrases.callNanos());
        long a = MusicalClock.ticksOfBeats(parameters.answerMinBeats());
        long b = MusicalClock.ticksOfBeats(parameters.answerMaxBeats());
        long length = Math.max(Math.min(a, b), Math.min(Math.max(a, b), Math.round(callTicks * parameters.answerLengthRatio())));
        phrases.startNewPhrase();
        stream.phraseBoundary(parameters.adapt());
        generator.start(start, start + length, true, partGridTicks());
        expression.startPart(clock.nanosAt(start), clock.nanosAt(start + length));
        phase = PerformerPhase.ANSWERING;
        answers++;
    }

    /**
     * The grid a part's time keeps to with the player clock: the beat's sixteenths, or its eighths when the beat may be
     * the player's eighths ({@link #beatMayBeEighths}).
     */
    private int partGridTicks() {
        return beatMayBeEighths() ? 2 * MetricPosition.SIXTEENTH_TICKS : MetricPosition.SIXTEENTH_TICKS;
    }

    /**
     * Whether the player clock's beat is over {@value #FAST_BEAT} times the prior's tempo (132 BPM for a prior of 120),
     * so that it may be the player's eighths (running sixteenths at 72 BPM are running eighths at 144): the answer then
     * enters on a strong beat and keeps to the beat's eighths, which are the player's sixteenths at either level. A beat
     * at the prior's tempo is taken as it is.
     */
    private boolean beatMayBeEighths() {
        return clocks.player() && beats.locked() && beats.beatNanos() * FAST_BEAT < beats.priorBeatNanos();
    }

    /**
     * Where an answer decided at {@code decided} starts: at once, or on the next beat or bar line of the clock's grid
     * (with the player clock and a beat well above the prior's tempo, the next strong beat: {@link BeatTracker#strongBeatParity}).
     */
    private long answerStartTick(long decided) {
        AnswerStart when = parameters.answerStart();
        if (when == AnswerStart.NOW) return stream.tick();
        long unit = when == AnswerStart.BEAT ? Vocabulary.TICKS_PER_QUARTER
                : (long) Vocabulary.TICKS_PER_QUARTER * parameters.beatsPerBar();
        long start = clock.nextOnGrid(Math.max(stream.tick(), clock.nextTickFrom(decided)), unit);
        if (when == AnswerStart.BEAT && beatMayBeEighths()) {
            // a beat well above the prior's tempo may be the player's eighths: the answer enters on a strong one, an even
            // number of beats after where the player stopped, which is one of the player's beats either way
            int strong = beats.strongBeatParity();
            long beat = Math.floorDiv(clock.gridPosition(start), Vocabulary.TICKS_PER_QUARTER);
            if (strong >= 0 && Math.floorMod(beat, 2) != strong) start += Vocabulary.TICKS_PER_QUARTER;
        }
        return start;
    }

    private void humanNoteOn(int status, int pitch, int velocity) {
        boolean wasDown = human.press(pitch);
        boolean machineHeld = notes.isDown(pitch);
        boolean bargeIn = phase == PerformerPhase.ANSWERING;
        // First the output, at once: the machine notes that end here, then the human's own note (after them, so that
        // no machine note-off on the same channel and key cuts it).
        if (bargeIn) {
            stopMachine();
            bargeIns++;
        } else if (machineHeld) {
            endMachineNote(pitch); // the human takes the key over from the machine
        }
        expression.releaseKey(now, pitch); // and from a release the feel still holds back
        if (parameters.thru()) thru.noteOn(now, status, pitch, velocity);
        // Then the player's beat, so that the note is heard on the player's grid; then the model hears it all.
        if (clocks.player() && beats.onset(now, velocity) && beats.locked()) steerToPlayer();
        phrases.noteOn(now);
        expression.hear(now, pitch, velocity, !clocks.player() || beats.locked());
        if (bargeIn || Vocabulary.isPlayable(pitch)) feedMachineReleases();
        if (Vocabulary.isPlayable(pitch)) {
            stream.feedSilenceUntil(clock.tickAt(now));
            if (wasDown && !machineHeld) stream.feedNoteOff(pitch); // a retrigger: the sounding note ends first
            stream.feedNoteOn(pitch, velocity);
        }
        if (mode == PerformerMode.JAM && phase == PerformerPhase.LISTENING) {
            generator.start(AnswerGenerator.ENDLESS, false, partGridTicks());
            expression.startPart(now, Long.MAX_VALUE);
            phase = PerformerPhase.JAMMING;
        }
    }

    private void humanNoteOff(int status, int pitch, int velocity) {
        thru.noteOff(now, status, pitch, velocity);
        if (!human.release(pitch)) return;
        if (human.allUp()) heardSilence();
        if (!Vocabulary.isPlayable(pitch)) return;
        stream.rollback();
        stream.feedSilenceUntil(clock.tickAt(now));
        stream.feedNoteOff(pitch);
    }

    private void heardSilence() {
        phrases.silent(now);
        beats.silent(now);
    }

    private void sustain(boolean down) {
        human.setSustain(down);
        if (human.allUp()) heardSilence();
    }

    private void parameterChanged(Parameter parameter, double value) {
        listener.parameterChanged(parameter, value);
        applyLiveChanges();
    }

    private void act(ControlAction action) {
        // if-else rather than an enum switch: no synthetic class to initialise (and allocate) on the first press
        if (action == ControlAction.ANSWER_NOW) {
            answerRequested = mode == PerformerMode.CALL_AND_RESPONSE && phase == PerformerPhase.LISTENING;
        } else if (action == ControlAction.TAP_TEMPO) {
            beats.tap(now);
            if (clocks.player()) steerToPlayer();
        } else if (action == ControlAction.RESET_MEMORY) {
            generator.stop();
            endMachineNotes();
            stream.reset(clock.tickAt(now));
            phrases.startNewPhrase();
            phase = PerformerPhase.LISTENING;
            answerRequested = false;
        } else if (action == ControlAction.FORGET_LEARNING) {
            stream.forgetLearning();
        } else {
            allNotesOff(now);
        }
    }

    /**
     * Stops generating and ends the machine's notes now: note-offs first (nothing may hang, whatever happens next),
     * then the model is rolled back to what sounded and hears the releases.
     */
    private void silenceMachine() {
        stopMachine();
        feedMachineReleases();
    }

    /**
     * Stops generating and sends the note-off of every machine note (also those the feel holds back); the model has
     * yet to hear them.
     */
    private void stopMachine() {
        generator.stop();
        phase = PerformerPhase.LISTENING;
        for (int pitch = 0; pitch < 128; pitch++) {
            if (notes.isDown(pitch)) endMachineNote(pitch);
        }
        expression.silence(now);
    }

    /** Sends the note-off of machine key {@code pitch}; the model has yet to hear it. */
    private void endMachineNote(int pitch) {
        notes.noteOff(now, pitch);
        released[pitch] = true;
        releasedCount++;
    }

    /** Rolls the model back to what sounded, then feeds it the machine releases sent since it last heard any. */
    private void feedMachineReleases() {
        stream.rollback();
        if (releasedCount == 0) return;
        stream.feedSilenceUntil(clock.tickAt(now));
        for (int pitch = 0; releasedCount > 0 && pitch < 128; pitch++) {
            if (released[pitch]) {
                released[pitch] = false;
                releasedCount--;
                stream.feedNoteOff(pitch);
            }
        }
    }

    /** Sends the note-offs of every machine note, without feeding them (the model is about to forget anyway). */
    private void endMachineNotes() {
        for (int pitch = 0; pitch < 128; pitch++) {
            if (notes.isDown(pitch)) notes.noteOff(now, pitch);
        }
        expression.silence(now);
    }

    private long floorNanos() {
        return Math.round(parameters.phraseEndFloorMs() * 1e6);
    }
}
