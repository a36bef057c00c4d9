package io.antiphon.engine.realtime;

/**
 * How the real-time thread waits when it has nothing to do: one idle step at a time, the caller polling for work
 * (input, a status request, a stop) between steps. A strategy never oversleeps {@code due}, the time the next queued
 * message must leave: it parks (if it parks at all) until shortly before it and spins the rest. Without a message due
 * it backs off on its own terms. One instance per thread; allocation-free.
 *
 * <p>The shapes follow Agrona's {@code IdleStrategy} and the Disruptor's {@code WaitStrategy} (spin, then yield, then
 * park), with a deadline added: those strategies count idle calls and know no deadline, which a scheduler needs.
 * {@link LatencyMode} picks the strategy.
 */
public interface WaitStrategy {

    /** The pass before did work: the next idle step starts the back-off from the beginning. */
    void reset();

    /**
     * One idle step at {@code now}: returns after a spin, a yield or a park, never later than about {@code due}
     * ({@link Long#MAX_VALUE}: no message queued). An {@code unpark} of the waiting thread ends a park at once.
     */
    void idle(long now, long due);
}
