package io.antiphon.engine.perform;

import io.antiphon.engine.token.Vocabulary;

/**
 * The clock master: sends MIDI clock through the performer's {@link OrderedOut}, each message stamped with its tick's
 * time, so the scheduler sends it on time: Start, then a Timing Clock on every tick from the first tick not yet begun
 * (which becomes the grid's origin: the receiver's song position 0 is a downbeat here too), and Stop. With a metronome
 * channel, a click on every beat of the grid (key {@value #BAR_KEY}, velocity {@value #BAR_VELOCITY} on the bar line,
 * key {@value #BEAT_KEY}, velocity {@value #BEAT_VELOCITY} on the other beats: General MIDI's high and low wood block
 * on channel 10), each {@value #CLICK_TICKS} ticks long; every click's note-on is matched by its note-off, also when
 * the clock stops. A click is left out while the machine holds its key on its channel. Allocation-free.
 */
final class ClockSender {

    static final int TIMING_CLOCK = 0xF8;
    static final int START = 0xFA;
    static final int STOP = 0xFC;
    static final int BAR_KEY = 76;
    static final int BEAT_KEY = 77;
    static final int BAR_VELOCITY = 110;
    static final int BEAT_VELOCITY = 80;
    static final int CLICK_TICKS = 3;

    private final MusicalClock clock;
    private final OrderedOut out;
    private final SoundingNotes machine;
    private boolean running;
    private boolean startPending;
    private long nextTick;
    private boolean clickDown;
    private int clickStatusOff;
    private int clickKey;
    private long clickOffTick;
    private long clicks;

    ClockSender(MusicalClock clock, OrderedOut out, SoundingNotes machine) {
        this.clock = clock;
        this.out = out;
        this.machine = machine;
    }

    /** Starts the clock on the first tick not begun at {@code nanos}, which becomes the grid's origin. */
    void start(long nanos) {
        if (running) return;
        nextTick = clock.nextTickFrom(nanos);
        clock.setGridOrigin(nextTick);
        running = true;
        startPending = true;
    }

    /** Sends Stop at {@code nanos} (and ends a sounding click first), if the clock runs. */
    void stop(long nanos) {
        if (!running) return;
        endClick(nanos);
        if (!startPending) out.send(nanos, STOP, 0, 0);
        running = false;
        startPending = false;
    }

    boolean running() {
        return running;
    }

    /** The next tick to send. */
    long nextTick() {
        return nextTick;
    }

    /**
     * Sends what is due on {@link #nextTick} at its time: the end of a click, Start (first), the Timing Clock, a click
     * if it is a beat and {@code metronomeChannel} is 1..16.
     */
    void sendNext(int metronomeChannel, int beatsPerBar) {
        long tick = nextTick++;
        long at = clock.nanosAt(tick);
        if (clickDown && tick >= clickOffTick) endClick(at);
        if (startPending) {
            out.send(at, START, 0, 0);
            startPending = false;
        }
        out.send(at, TIMING_CLOCK, 0, 0);
        long position = clock.gridPosition(tick);
        if (metronomeChannel < 1 || clickDown || Math.floorMod(position, Vocabulary.TICKS_PER_QUARTER) != 0) return;
        boolean bar = Math.floorMod(position, (long) Vocabulary.TICKS_PER_QUARTER * beatsPerBar) == 0;
        int channel = metronomeChannel - 1;
        int key = bar ? BAR_KEY : BEAT_KEY;
        if (machine.isDown(key) && machine.channel(key) == channel) return;
        out.send(at, 0x90 | channel, key, bar ? BAR_VELOCITY : BEAT_VELOCITY);
        clickDown = true;
        clickStatusOff = 0x80 | channel;
        clickKey = key;
        clickOffTick = tick + CLICK_TICKS;
        clicks++;
    }

    /** Ends a sounding click now (an all-notes-off); the clock runs on. */
    void endClick(long nanos) {
        if (!clickDown) return;
        out.send(nanos, clickStatusOff, clickKey, 0);
        clickDown = false;
    }

    /** Metronome clicks sent. */
    long clicks() {
        return clicks;
    }
}
