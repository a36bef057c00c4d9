package io.antiphon.engine.perform;

import java.util.SplittableRandom;

/**
 * The stage between the machine's part and the output that plays it with the player's dynamics and feel. It hears
 * every human note-on ({@link #hear}: {@link PlayerDynamics}, {@link PlayerFeel}, against the clock's beat grid) and
 * shapes every machine note:
 * <ul>
 *   <li><b>Dynamics</b> ({@code dynamics} 0..1): a note-on's velocity moves from the model's own (its velocity bin) to
 *       the player's ({@link PlayerDynamics#velocityAt}: level, continued contour, accent of the note's metric
 *       position; and {@link PlayerDynamics#registerAccent}: louder above the recent register, softer below) plus a
 *       seeded humanisation of at most ±{@value #HUMANISE} (triangular), bounded to 1..127; in an answer, a note that
 *       would leave its velocities more even than a player's is moved apart from them ({@link VelocitySpread}).</li>
 *   <li><b>Feel</b> ({@code feel} 0..1): every note message of the part (note-ons and the part's own releases) moves by
 *       the player's offset at its tick ({@link PlayerFeel#offsetAt}, at most a third of a sixteenth), times
 *       {@code feel}. The offsets change linearly between sixteenths, so the time map only stretches and squeezes:
 *       the part's order is kept, a note-off never comes before its note-on, legato stays legato, and a note's release
 *       moves with its onset (by the same amount when both fall between the same two sixteenths).</li>
 * </ul>
 * A note pushed later is held here until it is due ({@link #flushUntil}) instead of being released to the output
 * ahead, where it would hold up the human's notes passed through after it; a note pulled earlier needs its part
 * generated that much ahead ({@link #leadNanos}). A note ended now ({@link #cut}: a barge-in, a stop, a key the human
 * takes) goes out at once; a note-on still held is then dropped, with its release. With {@code dynamics} and
 * {@code feel} 0, every message passes unchanged, in the same order as without the stage.
 *
 * <p><b>The plan</b> ({@code plan_beats}): the performer samples its part up to a bar ahead; the stage holds every
 * message until it is due, and the messages held beyond what goes out now ({@link #planAfter}) are the plan, told to
 * the listener as they come ({@link PerformerListener#machinePlanned}) and as they are dropped unsent
 * ({@link PerformerListener#machinePlanDropped}). Allocation-free.
 */
final class ExpressionStage implements NoteSink {

    /**
     * The most a note's velocity is humanised, up or down (triangular distribution, standard deviation about 3): a
     * player's velocity varies by a few steps from note to note.
     */
    static final double HUMANISE = 7;
    /**
     * The most a note of the machine's part lies from the player's level ({@link PlayerDynamics#level}), up or down, once
     * shaped: the contour continued, the accent, the phrase arch, the register and the humanising together may reach
     * 30 or more above it (the last notes of a crescendo continued, on a bar line, high), and a short answer made of
     * such notes would then be louder than anything the player played. Each is kept within this of the level, so the
     * answer keeps the player's level on the whole and still rises and falls with the player's shape.
     */
    static final double MOST_FROM_LEVEL = 12;
    /**
     * Messages held at most: a plan of the longest bar ({@value #PLAN_TICKS} ticks: {@code plan_beats} and
     * {@code beats_per_bar} at most 16), plus the lookahead and the feel's lead (at most {@value #MARGIN_TICKS} ticks at
     * 300 BPM), at the densest the masks allow: every voice of the largest polyphony ({@value #VOICES}) released and
     * struck again at every tick. When full, the oldest goes out early (still in order).
     */
    static final int CAPACITY = 1 << 14;
    static final int PLAN_TICKS = 16 * 24;
    static final int MARGIN_TICKS = 8;
    static final int VOICES = 16;
    private static final int MASK = CAPACITY - 1;
    private static final int NOTE_ON = 0x90;
    private static final int NOTE_OFF = 0x80;

    private final PerformerParameters parameters;
    private final MusicalClock clock;
    private final OrderedOut out;
    private final PlayerDynamics dynamics = new PlayerDynamics();
    private final PlayerFeel feel = new PlayerFeel();
    private final VelocitySpread spread = new VelocitySpread();
    private final SplittableRandom random;

    private final long[] stamps = new long[CAPACITY];
    private final int[] statuses = new int[CAPACITY];
    private final int[] keys = new int[CAPACITY];
    private final int[] velocities = new int[CAPACITY];
    private final boolean[] live = new boolean[CAPACITY];
    /** Sequence numbers: the oldest message held and the next to be added. */
    private long head;
    private long tail;
    private long lastStamp = Long.MIN_VALUE;
    /** The latest {@link #flushUntil}'s time: a message held with a stamp at or before it goes out at once. */
    private long flushedUntil = Long.MIN_VALUE;
    /** By key: the sequence number of its newest held note-on, -1 for none. */
    private final long[] heldOn = new long[128];
    /** By key: a held note-on was dropped, and its release is still to come (and to be dropped). */
    private final boolean[] dropped = new boolean[128];
    private int heldReleases;
    private int heldOnsets;
    /** The machine's keys sounding at the output (sent on, not yet off), and how many. */
    private final boolean[] soundingKeys = new boolean[128];
    private int sounding;
    /** Messages stamped after this are the plan (see {@link #planAfter}). */
    private long planAfter = Long.MAX_VALUE;
    private long partStart;
    private long partEnd = Long.MAX_VALUE;
    private PerformerListener listener = PerformerListener.NONE;

    ExpressionStage(PerformerParameters parameters, MusicalClock clock, OrderedOut out, long seed) {
        this.parameters = parameters;
        this.clock = clock;
        this.out = out;
        this.random = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L); // not the sampler's sequence
        java.util.Arrays.fill(heldOn, -1);
    }

    /** Who hears of each machine note as it goes out ({@link PerformerListener#machineNote}). */
    void setListener(PerformerListener listener) {
        this.listener = listener;
    }

    /**
     * A human note-on at {@code nanos}: the player's level, contour, accents, register and timing learn from it. The
     * accents and the timing only if the grid is the player's ({@code playersGrid}): before the player clock has found the beat, the grid
     * runs at the preset's tempo, and an onset's place on it says nothing of the player's feel (one such onset, a
     * third of a sixteenth early by chance, and a call's two triplets made three and moved the answer's "a" early).
     */
    void hear(long nanos, int pitch, int velocity, boolean playersGrid) {
        dynamics.hearPitch(pitch);
        long tick = clock.tickAt(nanos);
        double gridTicks = clock.gridPosition(tick) + (nanos - clock.nanosAt(tick)) / clock.nanosPerTick();
        dynamics.hear(nanos, playersGrid ? gridTicks : Double.NaN, velocity, parameters.beatsPerBar(), clock.nanosPerBeat());
        if (playersGrid) feel.hear(nanos, gridTicks);
    }

    /** The clock's grid origin moved by {@code ticks} (the player's beats were renumbered). */
    void gridMoved(long ticks) {
        feel.gridMoved(ticks);
        dynamics.gridMoved(ticks);
    }

    /**
     * The machine's part starts at {@code startNanos} and ends at {@code endNanos} ({@link Long#MAX_VALUE}: a jam's,
     * without end): the player's contour is continued through it.
     */
    void startPart(long startNanos, long endNanos) {
        partStart = startNanos;
        partEnd = endNanos;
        spread.reset();
    }

    PlayerDynamics dynamics() {
        return dynamics;
    }

    PlayerFeel feel() {
        return feel;
    }

    @Override
    public void noteOn(long nanos, long tick, int channel, int pitch, int velocity) {
        long gridTick = clock.gridPosition(tick);
        int played = velocity;
        double amount = parameters.dynamics();
        if (amount > 0 && dynamics.heard()) {
            double player = dynamics.velocityAt(nanos, MetricPosition.of(gridTick, parameters.beatsPerBar()), partStart,
                    partEnd, clock.nanosPerBeat())
                    + dynamics.registerAccent(pitch)
                    + (random.nextDouble() + random.nextDouble() - 1) * HUMANISE;
            double level = dynamics.level();
            player = Math.max(level - MOST_FROM_LEVEL, Math.min(level + MOST_FROM_LEVEL, player));
            dynamics.hearPitch(pitch);   // the line's own notes move its register too: an answer set higher is not louder throughout
            played = (int) Math.max(1, Math.min(127, Math.round(velocity + amount * (player - velocity))));
            if (partEnd != Long.MAX_VALUE) played = spread.keep(played);
        }
        heldOn[pitch] = tail;
        heldOnsets++;
        hold(shifted(nanos, gridTick), NOTE_ON | channel, pitch, played);
    }

    @Override
    public void release(long nanos, long tick, int channel, int pitch) {
        if (dropped[pitch]) {
            dropped[pitch] = false;
            return;
        }
        heldReleases++;
        hold(shifted(nanos, clock.gridPosition(tick)), NOTE_OFF | channel, pitch, 0);
    }

    @Override
    public void cut(long nanos, int channel, int pitch) {
        long on = heldOn[pitch];
        if (on >= 0) {
            int i = (int) (on & MASK);
            live[i] = false;
            heldOn[pitch] = -1;
            heldOnsets--;
            if (stamps[i] > planAfter) listener.machinePlanDropped(stamps[i], channel, pitch);
        } else if (dropped[pitch]) {
            dropped[pitch] = false;
        } else {
            down(pitch, false);
            out.send(nanos, NOTE_OFF | channel, pitch, 0);
            listener.machineNote(nanos, channel, pitch, 0);
        }
    }

    /** How far ahead of its time the part must be generated, so that notes the feel pulls earlier go out on time. */
    long leadNanos() {
        double amount = parameters.feel();
        if (amount == 0) return 0;
        return Math.round(amount * feel.largestAdvance() * sixteenthNanos());
    }

    /**
     * What goes out in this round of the performer is due by {@code nanos}: a message held stamped after it is part of
     * the plan, and the listener hears of it as planned.
     */
    void planAfter(long nanos) {
        planAfter = nanos;
    }

    /** Whether a note-on is held, not yet sent: the part still has notes to start. */
    boolean holdsNoteOns() {
        return heldOnsets > 0;
    }

    /**
     * Sends, in order, the messages held that are due by {@code nanos}; until the next call, a message held with a stamp
     * at or before {@code nanos} goes out as it is held (nothing before it is still held then: stamps never decrease),
     * so that an answer's first note leaves as soon as it is sampled, not after the rest of the lookahead is generated.
     */
    void flushUntil(long nanos) {
        flushedUntil = nanos;
        while (head < tail) {
            int i = (int) (head & MASK);
            if (live[i]) {
                if (stamps[i] > nanos) return;
                send(head);
            }
            head++;
        }
    }

    /**
     * The human takes key {@code pitch} at {@code nanos}: a release of it still held goes out now (before the human's
     * note), a note-on of it still held is dropped with its release.
     */
    void releaseKey(long nanos, int pitch) {
        sweep(nanos, pitch);
    }

    /** Everything held ends now: releases go out at {@code nanos}, note-ons not yet sent are dropped with their releases. */
    void silence(long nanos) {
        sweep(nanos, -1);
    }

    /** Machine notes that sounded, or are to sound, whose release is held here. */
    int heldReleases() {
        return heldReleases;
    }

    private void sweep(long nanos, int key) {
        for (long s = head; s < tail; s++) {
            int i = (int) (s & MASK);
            if (!live[i] || key >= 0 && keys[i] != key) continue;
            int k = keys[i];
            live[i] = false;
            if ((statuses[i] & 0xF0) == NOTE_ON) {
                dropped[k] = true;
                if (heldOn[k] == s) heldOn[k] = -1;
                heldOnsets--;
                if (stamps[i] > planAfter) listener.machinePlanDropped(stamps[i], statuses[i] & 0x0F, k);
            } else {
                heldReleases--;
                if (dropped[k]) dropped[k] = false;
                else {
                    down(k, false);
                    out.send(nanos, statuses[i], k, 0);
                    listener.machineNote(nanos, statuses[i] & 0x0F, k, 0);
                }
            }
        }
        if (key < 0) head = tail;
    }

    private long shifted(long nanos, long gridTick) {
        double amount = parameters.feel();
        if (amount == 0) return nanos;
        return nanos + Math.round(amount * feel.offsetAt(gridTick) * sixteenthNanos());
    }

    private double sixteenthNanos() {
        return clock.nanosPerTick() * MetricPosition.SIXTEENTH_TICKS;
    }

    private void hold(long stamp, int status, int key, int velocity) {
        if (tail - head == CAPACITY) {
            int oldest = (int) (head & MASK);
            if (live[oldest]) send(head);
            head++;
        }
        lastStamp = Math.max(lastStamp, stamp);
        int i = (int) (tail & MASK);
        stamps[i] = lastStamp;
        statuses[i] = status;
        keys[i] = key;
        velocities[i] = velocity;
        live[i] = true;
        tail++;
        if (lastStamp > planAfter) listener.machinePlanned(lastStamp, status & 0x0F, key, velocity);
        if (lastStamp <= flushedUntil) flushUntil(flushedUntil);
    }

    /** Drops the release of note-on {@code seq} of {@code key}: held after it, or still to come. */
    private void dropRelease(long seq, int key) {
        for (long s = seq + 1; s < tail; s++) {
            int i = (int) (s & MASK);
            if (live[i] && keys[i] == key && (statuses[i] & 0xF0) == NOTE_OFF) {
                live[i] = false;
                heldReleases--;
                return;
            }
        }
        dropped[key] = true;
    }

    /** Counts the machine's notes sounding at the output. */
    private void down(int key, boolean on) {
        if (soundingKeys[key] == on) return;
        soundingKeys[key] = on;
        sounding += on ? 1 : -1;
    }

    /**
     * Sends held message {@code seq} at its time; a note-on that would sound over {@code max_polyphony} (a plan sampled
     * before the limit was lowered) is dropped with its release.
     */
    private void send(long seq) {
        int i = (int) (seq & MASK);
        live[i] = false;
        int key = keys[i];
        if ((statuses[i] & 0xF0) == NOTE_ON) {
            if (heldOn[key] == seq) heldOn[key] = -1;
            heldOnsets--;
            if (sounding >= parameters.maxPolyphony()) {
                // planned before max_polyphony was lowered: it would sound over the limit, so it is dropped, and its release
                dropRelease(seq, key);
                listener.machinePlanDropped(stamps[i], statuses[i] & 0x0F, key);
                return;
            }
            down(key, true);
        } else {
            heldReleases--;
            down(key, false);
        }
        out.send(stamps[i], statuses[i], key, velocities[i]);
        listener.machineNote(stamps[i], statuses[i] & 0x0F, key, velocities[i]);
    }
}
