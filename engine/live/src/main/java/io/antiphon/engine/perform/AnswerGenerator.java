package io.antiphon.engine.perform;

import io.antiphon.engine.sampling.MaskRules;
import io.antiphon.engine.sampling.Sampler;
import io.antiphon.engine.sampling.TokenMask;
import io.antiphon.engine.token.Vocabulary;

/**
 * Generates the machine's part token by token, just in time: the next token is sampled when its tick is due within
 * the lookahead; notes go out through {@link SoundingNotes} stamped with their tick's time, and every token is fed
 * back to the model. Used by both modes: an answer ends at a tick, a jam never ends.
 *
 * <p>Before each draw the {@link MaskRules} apply: keyboard consistency, key/scale, pitch range, polyphony, a cap of
 * {@value #MAX_TOKENS_PER_TICK} onset tokens at one tick, the velocity grammar, no leading {@code TIME_SHIFT} in an
 * answer, no shift past the answer's end, no rest in an answer longer than two beats before its last two
 * ({@value #MAX_REST_TICKS} ticks), at least {@value #LEAST_NOTES} notes in an answer, and the maximum note
 * duration. With the {@code player} clock, time moves only onto the player's sixteenth grid
 * ({@link MaskRules#shiftsOntoGrid}): the model has heard the human's jittered onsets and staccato releases a tick or
 * two off the grid and would otherwise answer with shifts as ragged, which add up, note after note, to an answer off
 * the player's grid; the player's groove is put back by the {@link ExpressionStage} ({@code feel}). The performer may
 * hold a part to a coarser grid (at {@link #start}: the eighths of a beat that may be twice the player's).
 * Allocation-free.
 */
final class AnswerGenerator {

    /** After this many tokens at one tick, no more onsets there: only releases and time. */
    static final int MAX_TOKENS_PER_TICK = 24;
    /** No machine note starts in the last ticks of an answer (a sixteenth): it would be cut to a blip at the end. */
    static final int NO_ONSETS_BEFORE_END_TICKS = 6;
    /**
     * An answer rests no longer than this (two beats) while more of it is left: a longer rest is what ends a player's
     * phrase ({@link PhraseDetector}), and an answer is one phrase. Without it the model could play a note or two and
     * then fall silent for the rest of a four-bar answer (4 answers of 996 in the {@code groove} sets of docs/timing-history.md).
     */
    static final int MAX_REST_TICKS = 2 * Vocabulary.TICKS_PER_QUARTER;
    /**
     * An answer plays at least this many notes: until it has, it rests no longer than {@link #MAX_REST_TICKS} even in
     * its last two beats, and its time moves no further than the last tick a note may start. A one-note answer is no
     * phrase, and its velocities have no spread to keep ({@link VelocitySpread}): left to itself, the model played one
     * note and rested to the end of the answer in 8 of the 13,818 uniform cases of the {@code groove} sets of
     * docs/timing-history.md, 7 of them at 140 BPM.
     */
    static final int LEAST_NOTES = 2;
    /** The end tick of a part that never ends (jam). */
    static final long ENDLESS = Long.MAX_VALUE;

    private final PerformerParameters parameters;
    private final ModelStream stream;
    private final SoundingNotes notes;
    private final HumanKeys human;
    private final MusicalClock clock;
    private final Sampler sampler;
    private final TokenMask mask = new TokenMask();

    private boolean active;
    private long startTick;
    private long endTick;
    private boolean firstToken;
    private long countedTick = -1;
    private int tokensAtTick;
    private long tokensGenerated;
    private int gridTicks;
    /** The tick from which no machine note has sounded (the part's start, or its last release). */
    private long silentSinceTick;
    /** The notes the part has started. */
    private int partNotes;

    AnswerGenerator(PerformerParameters parameters, ModelStream stream, SoundingNotes notes, HumanKeys human,
                    MusicalClock clock, Sampler sampler) {
        this.parameters = parameters;
        this.stream = stream;
        this.notes = notes;
        this.human = human;
        this.clock = clock;
        this.sampler = sampler;
    }

    /**
     * Starts generating at the model's current tick until {@code endTick} ({@link #ENDLESS} for jam).
     *
     * @param startAtOnce forbid a {@code TIME_SHIFT} as the first token, so the part starts at once
     * @param gridTicks   with the player clock, the part's time moves only onto lines this many ticks apart from the
     *                    grid origin
     */
    void start(long endTick, boolean startAtOnce, int gridTicks) {
        start(stream.tick(), endTick, startAtOnce, gridTicks);
    }

    /**
     * Starts generating at {@code startTick} until {@code endTick}: the model hears the silence until the start (fed
     * as generated time shifts, as they come due, so a human note before the start rolls it back), then the part.
     *
     * @param startAtOnce forbid a {@code TIME_SHIFT} as the first sampled token, so the part starts on {@code startTick}
     * @param gridTicks   with the player clock, the part's time moves only onto lines this many ticks apart from the
     *                    grid origin
     */
    void start(long startTick, long endTick, boolean startAtOnce, int gridTicks) {
        stream.ensureDistribution();
        this.active = true;
        this.startTick = startTick;
        this.endTick = endTick;
        this.firstToken = startAtOnce;
        this.gridTicks = gridTicks;
        this.silentSinceTick = startTick;
        this.partNotes = 0;
    }

    /** Stops generating; sounding notes are left to the caller. */
    void stop() {
        active = false;
    }

    boolean active() {
        return active;
    }

    /** Changes where the part ends ({@link #ENDLESS}: never). */
    void setEndTick(long tick) {
        endTick = tick;
    }

    long tokensGenerated() {
        return tokensGenerated;
    }

    /**
     * Samples, feeds and sends every token due by {@code horizonNanos}. When the part reaches its end tick, its sounding
     * notes are released at that tick and it stops.
     *
     * @return whether the part ended in this call
     */
    boolean generate(long horizonNanos) {
        while (active) {
            long tick = stream.tick();
            long at = clock.nanosAt(tick);
            if (at > horizonNanos) return false;
            if (tick < startTick) {
                stream.feedGenerated(Vocabulary.timeShift((int) Math.min(Vocabulary.MAX_SHIFT, startTick - tick)));
                continue;
            }
            if (tick >= endTick) {
                releaseAll(at, tick);
                active = false;
                return true;
            }
            if (tick != countedTick) {
                countedTick = tick;
                tokensAtTick = 0;
            }
            buildMask(tick);
            int token = sampler.sample(stream.adaptedProbabilities(parameters.adapt()), mask, parameters.temperature(), parameters.topK(),
                    parameters.topP());
            if (Vocabulary.isTimeShift(token) && tick + Vocabulary.shiftTicks(token) > endTick) {
                // The model wants to move past the answer's end: the answer ends here, after the silence that sounds.
                token = Vocabulary.timeShift((int) (endTick - tick));
            }
            if (Vocabulary.isNoteOn(token)) {
                notes.noteOn(at, tick, parameters.outputChannel() - 1, Vocabulary.pitch(token), stream.noteVelocity());
                partNotes++;
            } else if (Vocabulary.isNoteOff(token)) {
                notes.release(at, tick, Vocabulary.pitch(token));
                if (notes.count() == 0) silentSinceTick = tick;
            }
            stream.feedGenerated(token);
            firstToken = false;
            tokensAtTick++;
            tokensGenerated++;
        }
        return false;
    }

    /** Ends every sounding machine note at {@code tick} ({@code nanos}) and feeds the releases (they sound, so the model hears them). */
    private void releaseAll(long nanos, long tick) {
        if (notes.count() == 0) return;
        for (int pitch = Vocabulary.LOWEST_PITCH; pitch <= Vocabulary.HIGHEST_PITCH; pitch++) {
            if (notes.isDown(pitch)) {
                notes.release(nanos, tick, pitch);
                stream.feedGenerated(Vocabulary.noteOff(pitch));
            }
        }
    }

    private void buildMask(long tick) {
        mask.allowAll();
        MaskRules.keyboard(mask, notes.onsetTicks(), human.downByPitch(), tick);
        MaskRules.scale(mask, parameters.scale(), parameters.keyRoot());
        MaskRules.pitchRange(mask, parameters.pitchLow(), parameters.pitchHigh());
        MaskRules.polyphony(mask, notes.count(), parameters.maxPolyphony());
        if (tokensAtTick >= MAX_TOKENS_PER_TICK && !Vocabulary.isVelocity(stream.lastToken())) MaskRules.forbidOnsets(mask);
        MaskRules.velocityGrammar(mask, stream.lastToken(), stream.bin());
        if (firstToken) MaskRules.noTimeShift(mask);
        if (parameters.clock() == ClockSource.PLAYER) {
            MaskRules.shiftsOntoGrid(mask, clock.gridPosition(tick), gridTicks);
        }
        if (endTick - tick <= NO_ONSETS_BEFORE_END_TICKS && !firstToken && !Vocabulary.isVelocity(stream.lastToken())) {
            MaskRules.forbidOnsets(mask);
        }
        MaskRules.maxDuration(mask, notes.onsetTicks(), tick, MusicalClock.ticksOfBeats(parameters.maxNoteBeats()));
        if (endTick != ENDLESS && (mask.allowsAnyIn(Vocabulary.NOTE_ON_BASE, Vocabulary.NOTE_OFF_BASE)
                || mask.allowsAnyIn(Vocabulary.VELOCITY_BASE, Vocabulary.SIZE))) {
            boolean wantsNotes = partNotes < LEAST_NOTES;
            if (notes.count() == 0 && (endTick - tick > MAX_REST_TICKS || wantsNotes)) {
                MaskRules.shiftsUpTo(mask, silentSinceTick + MAX_REST_TICKS - tick);
            }
            if (wantsNotes) MaskRules.shiftsUpTo(mask, endTick - NO_ONSETS_BEFORE_END_TICKS - 1 - tick);
        }
    }
}
