package io.antiphon.engine.harness;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

import io.antiphon.engine.realtime.LatencyMode;
import io.antiphon.engine.realtime.LatencyReport;
import io.antiphon.engine.realtime.NanoClock;
import io.antiphon.engine.realtime.PriorityGrant;
import io.antiphon.engine.realtime.RealtimePriority;
import io.antiphon.engine.realtime.WaitStrategy;
import org.HdrHistogram.Histogram;

/**
 * The machine's floor: how late a thread wakes for a deadline when it waits exactly as the real-time thread waits for
 * a due message ({@link LatencyMode}'s {@link WaitStrategy}, on a thread that asked for real-time priority as the
 * session's does), with nothing else of Antiphon running. Deadlines fall {@value #MIN_GAP_MICROS}–{@value
 * #MAX_GAP_MICROS} µs apart (a message due within the performer's lookahead). The scheduler's lateness cannot beat
 * it; {@code bench} reports the ratio.
 */
public final class FloorProbe {

    static final long MIN_GAP_MICROS = 1_000;
    static final long MAX_GAP_MICROS = 5_000;

    /**
     * @param lateness how late each deadline was met, in microseconds
     * @param priority what the probe thread was granted
     */
    public record Result(LatencyReport.Percentiles lateness, PriorityGrant priority) {
    }

    private FloorProbe() {
    }

    /** Waits for {@code deadlines} deadlines on a new thread; {@code progress} hears how many are done, every tenth. */
    public static Result run(LatencyMode mode, int deadlines, long seed, IntConsumer progress) throws InterruptedException {
        Histogram lateness = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        AtomicReference<PriorityGrant> grant = new AtomicReference<>(PriorityGrant.PENDING);
        Thread probe = new Thread(() -> {
            grant.set(RealtimePriority.request());
            WaitStrategy wait = mode.newWaitStrategy();
            SplittableRandom random = new SplittableRandom(seed);
            NanoClock clock = NanoClock.SYSTEM;
            for (int i = 0; i < deadlines; i++) {
                long deadline = clock.nanoTime() + TimeUnit.MICROSECONDS.toNanos(random.nextLong(MIN_GAP_MICROS, MAX_GAP_MICROS + 1));
                wait.reset();
                long now;
                while ((now = clock.nanoTime()) < deadline) wait.idle(now, deadline);
                lateness.recordValue(Math.min(now - deadline, lateness.getHighestTrackableValue()));
                if ((i + 1) % Math.max(1, deadlines / 10) == 0) progress.accept(i + 1);
            }
        }, "antiphon-floor-probe");
        probe.setDaemon(true);
        probe.setPriority(Thread.MAX_PRIORITY);
        probe.start();
        probe.join();
        return new Result(LatencyReport.Percentiles.ofNanos(lateness), grant.get());
    }
}
