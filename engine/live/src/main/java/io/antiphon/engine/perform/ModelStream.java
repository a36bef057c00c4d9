package io.antiphon.engine.perform;

import io.antiphon.engine.adapt.AdaptiveMixture;
import io.antiphon.engine.adapt.MelodyMemory;
import io.antiphon.engine.adapt.SessionLearner;
import io.antiphon.engine.kernel.RecurrentState;
import io.antiphon.engine.kernel.StepModel;
import io.antiphon.engine.token.TokenDecoder;
import io.antiphon.engine.token.Vocabulary;

/**
 * The one token stream the model hears, human and machine notes together, fed one token per step (docs/design.md, The
 * event vocabulary): the model's time in ticks, the current velocity bin, the latest next-token distribution, and the
 * rollback point; and the session's learning: the fast memory ({@link AdaptiveMixture} over the tokens,
 * {@link MelodyMemory} over the melody's intervals), which hears every token the model does, and the slow memory when
 * a {@link SessionLearner} is attached, which hears the human's tokens (through its ring) and hands the kernel
 * fine-tuned weights at phrase boundaries.
 *
 * <p>Streaming feeding: before an event at tick t come the elapsed {@code TIME_SHIFT}s (at most 48 ticks each; a
 * silence longer than {@link #MAX_SILENCE_TICKS} is heard as that long), a {@code VELOCITY} when the bin changes, then
 * the {@code NOTE_ON} or {@code NOTE_OFF}.
 *
 * <p>Memory is what sounded: a generated {@code TIME_SHIFT} is fed before its time has elapsed, so the state and the
 * distribution are saved just before the first such shift after a sounded token. {@link #rollback} returns there,
 * for a human event or a cut that falls inside the shift. Allocation-free once built.
 */
final class ModelStream {

    /** The longest silence fed as such: 16 beats (four 4/4 bars), eight {@code TIME_SHIFT(48)}. */
    static final int MAX_SILENCE_TICKS = 16 * Vocabulary.TICKS_PER_QUARTER;
    /**
     * How much the machine's own tokens count in the session memory, against 1 for the human's: the player's material
     * is what the memory is for, and the machine's answers, counted fully, would feed back into themselves.
     */
    static final float MACHINE_WEIGHT = 0.25f;

    private final float[] probabilities = new float[Vocabulary.SIZE];
    private final float[] committedProbabilities = new float[Vocabulary.SIZE];
    private final AdaptiveMixture learned = new AdaptiveMixture();
    private final MelodyMemory melody = new MelodyMemory();
    private final MidiOut output;
    private StepModel model;
    /** The slow memory's learner, or null. */
    private SessionLearner learner;
    private boolean hasDistribution;
    private long tick;
    private int bin = -1;
    private int lastToken = -1;
    private long tokensFed;

    private RecurrentState committed;
    private boolean pending;
    private long committedTick;
    private int committedLastToken;

    /**
     * @param output the performer's output: before each token fed and each rollback (the stream's computing) it may
     *               send what has come due ({@link MidiOut#sendDue})
     */
    ModelStream(StepModel model, MidiOut output) {
        this.output = output;
        replaceModel(model, 0);
    }

    /** Switches to {@code newModel}, fresh: nothing heard; the model time becomes {@code tick}. */
    void replaceModel(StepModel newModel, long tick) {
        requireEventVocabulary(newModel);
        if (learner != null && newModel != model) learner = null;   // it learns for the kernel it was made for
        model = newModel;
        committed = newModel.newState();
        reset(tick);
    }

    /** @throws IllegalArgumentException unless {@code model} reads and predicts the 240-token event vocabulary */
    static void requireEventVocabulary(StepModel model) {
        if (model.vocabularySize() != Vocabulary.SIZE) {
            throw Messages.wrongVocabulary(model.vocabularySize());
        }
    }

    /**
     * Forgets everything heard: zero state, no distribution, no velocity bin, nothing pending. The model time becomes
     * {@code tick} (time generated ahead is dropped with the rest).
     */
    void reset(long tick) {
        model.reset();
        forgetLearning();
        this.tick = tick;
        hasDistribution = false;
        bin = -1;
        lastToken = -1;
        pending = false;
    }

    /**
     * Forgets what the session taught, the fast memory and the slow (the kernel reads the trained weights again); the
     * model's state (what it heard) stays.
     */
    void forgetLearning() {
        learned.clear();
        melody.clear();
        if (learner != null) {
            learner.tokens().clear();
            learner.weights().restoreTrained();
        }
    }

    /**
     * Attaches the slow memory's learner, made for this stream's model (its kernel), or detaches it (null).
     *
     * @throws IllegalArgumentException when the learner hands weights to another kernel
     */
    void attachLearner(SessionLearner newLearner) {
        if (newLearner != null && newLearner.weights().kernel() != model) {
            throw Messages.otherModel();
        }
        learner = newLearner;
    }

    /**
     * A phrase boundary: the learner hears that the phrase ended, and fine-tuned weights it has published enter the
     * kernel now (the model's state stays); with {@code adapt} 0 the kernel plays the trained weights instead.
     */
    void phraseBoundary(double adapt) {
        if (learner == null) return;
        learner.tokens().endPhrase();
        if (adapt > 0) {
            learner.weights().swapAtPhraseBoundary();
        } else {
            learner.weights().useTrained();
        }
    }

    /** Steps the model with a token the human played (or the silence and releases everyone heard). */
    void feed(int token) {
        feed(token, 1f);
    }

    /** Steps the model with {@code token}; the session memory learns it with {@code weight}. */
    private void feed(int token, float weight) {
        output.sendDue();
        learned.observe(token, hasDistribution ? probabilities : null, weight);
        melody.observe(token, weight == 1f);
        if (learner != null && weight == 1f) learner.tokens().write(token);   // the slow memory learns the player's part
        model.step(token, probabilities);
        hasDistribution = true;
        lastToken = token;
        tokensFed++;
        if (Vocabulary.isTimeShift(token)) {
            tick += Vocabulary.shiftTicks(token);
        } else if (Vocabulary.isVelocity(token)) {
            bin = Vocabulary.velocityBin(token);
        }
    }

    /**
     * Feeds a token the machine generated. A {@code TIME_SHIFT} is fed ahead of its time, so the first one after a
     * sounded token saves the rollback point; any other token sounds as it is fed and clears it.
     */
    void feedGenerated(int token) {
        if (Vocabulary.isTimeShift(token)) {
            if (!pending) {
                model.saveState(committed);
                learned.save();
                melody.save();
                System.arraycopy(probabilities, 0, committedProbabilities, 0, probabilities.length);
                committedTick = tick;
                committedLastToken = lastToken;
                pending = true;
            }
        } else {
            pending = false;
        }
        feed(token, MACHINE_WEIGHT);
    }

    /** Undoes the generated time shifts fed since the last sounded token, if any. */
    void rollback() {
        if (!pending) return;
        output.sendDue();
        model.restoreState(committed);
        learned.restore();
        melody.restore();
        System.arraycopy(committedProbabilities, 0, probabilities, 0, probabilities.length);
        tick = committedTick;
        lastToken = committedLastToken;
        pending = false;
    }

    /**
     * Feeds the silence from the model time to {@code target} (capped at {@link #MAX_SILENCE_TICKS}); the model time
     * becomes {@code target}. A model that has heard nothing yet hears no leading silence: a piece starts at its first
     * event, as in training.
     */
    void feedSilenceUntil(long target) {
        if (target <= tick) return;
        if (!hasDistribution) {
            tick = target;
            return;
        }
        long silence = Math.min(target - tick, MAX_SILENCE_TICKS);
        while (silence > 0) {
            int shift = (int) Math.min(silence, Vocabulary.MAX_SHIFT);
            feed(Vocabulary.timeShift(shift));
            silence -= shift;
        }
        tick = target;
    }

    /** Feeds a key press at velocity 1..127: a {@code VELOCITY} token if its bin differs, then {@code NOTE_ON}. */
    void feedNoteOn(int pitch, int velocity) {
        int noteBin = Vocabulary.binOfVelocity(velocity);
        if (noteBin != bin) feed(Vocabulary.velocity(noteBin));
        feed(Vocabulary.noteOn(pitch));
    }

    void feedNoteOff(int pitch) {
        feed(Vocabulary.noteOff(pitch));
    }

    /** Makes sure there is a distribution to sample from: a model that has heard nothing is primed with the default velocity. */
    void ensureDistribution() {
        if (!hasDistribution) feed(Vocabulary.velocity(TokenDecoder.DEFAULT_VELOCITY_BIN));
    }

    StepModel model() {
        return model;
    }

    /**
     * The distribution to sample: the model's mixed with the session memory's, {@code adapt} 0..1 (see
     * {@link AdaptiveMixture#mix}), its note-on choice then leaning to the player's intervals
     * ({@link MelodyMemory#reshape}, strength {@code adapt} x {@link MelodyMemory#STRENGTH}); a live array, valid until
     * the next call.
     */
    float[] adaptedProbabilities(double adapt) {
        if (adapt <= 0) return probabilities;
        float[] mixed = learned.mix(probabilities, adapt);
        melody.reshape(mixed, adapt * MelodyMemory.STRENGTH);
        return mixed;
    }

    /** The session's learning (read-only use: its weight and size). */
    AdaptiveMixture learned() {
        return learned;
    }

    /** The latest next-token distribution of the model alone (live array). */
    float[] probabilities() {
        return probabilities;
    }

    /** The model time in ticks: the end of the last token fed. */
    long tick() {
        return tick;
    }

    /** The current velocity bin, -1 before any {@code VELOCITY}. */
    int bin() {
        return bin;
    }

    /** The velocity a machine note-on plays at now: the centre of the current bin (or the default bin). */
    int noteVelocity() {
        return Vocabulary.velocityOfBin(bin >= 0 ? bin : TokenDecoder.DEFAULT_VELOCITY_BIN);
    }

    int lastToken() {
        return lastToken;
    }

    long tokensFed() {
        return tokensFed;
    }

    /** Whether generated time shifts are waiting to elapse (a {@link #rollback} would undo them). */
    boolean pending() {
        return pending;
    }

    /** The messages of this class's checks, built only when one fails: see docs/design.md, "Real-time rules". */
    private static final class Messages {

        private Messages() {
        }

        static IllegalArgumentException wrongVocabulary(int size) {
            return new IllegalArgumentException("the performer needs a model over the " + Vocabulary.SIZE
                    + "-token event vocabulary; this one has " + size + " tokens");
        }

        static IllegalArgumentException otherModel() {
            return new IllegalArgumentException("the session learner was made for another model than the performer plays");
        }
    }
}
