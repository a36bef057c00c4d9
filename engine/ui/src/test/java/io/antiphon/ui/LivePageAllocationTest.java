package io.antiphon.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.ShortMessage;

import io.antiphon.engine.kernel.AllocationMeter;
import io.antiphon.engine.perform.Parameter;
import io.antiphon.engine.perform.Performer;
import io.antiphon.engine.perform.PerformerParameters;
import io.antiphon.engine.realtime.NanoClock;
import io.antiphon.engine.realtime.ShellOptions;
import io.antiphon.engine.realtime.SimulatedClock;
import io.antiphon.engine.realtime.SteppedShell;
import io.antiphon.engine.realtime.TinyPerformers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real-time path with the page open allocates nothing: a jam through the whole shell ({@link SteppedShell}: input
 * receiver, rings, performer loop, scheduler) on simulated time, with the page's {@link WatchRing} as the observer, the
 * page's server and thread running, one browser reading and one stalled (it never reads). Allocation is counted on the
 * thread that steps the shell, which plays the performer and scheduler threads, per simulated minute after four warm ones.
 */
class LivePageAllocationTest {

    private static final long MS = 1_000_000L;
    private static final int MIN_WARM_MINUTES = 4;
    /** A simulated minute takes under a second here: the JIT gets half a minute of real time at most. */
    private static final int MAX_WARM_MINUTES = 40;
    private static final int[] PITCHES = {60, 64, 67, 72, 67, 64};

    @TempDir
    Path folder;

    @Test
    void aJamThroughTheShellWithThePageOpenAllocatesNothingOnceWarm() throws Exception {
        assumeTrue(AllocationMeter.isSupported(), "this JVM cannot count per-thread allocation");
        PerformerParameters parameters = TinyPerformers.parameters();
        parameters.set(Parameter.MODE, 1);   // jam: the machine plays without end
        parameters.set(Parameter.PLAN_BEATS, 4);   // and plans a bar ahead: planned and dropped notes go through the ring too
        PageOptions options = new PageOptions(InetAddress.getLoopbackAddress(), 0, null, List.of(), false, folder, NanoClock.SYSTEM);
        SimulatedClock clock = new SimulatedClock();
        PortChecker port = new PortChecker();
        long[] bytesPerMinute = new long[8];
        try (LivePage page = LivePage.start(options, parameters);
             PageClient reading = new PageClient(page).connect();
             PageClient stalled = new PageClient(page).connectWithoutReading()) {
            SteppedShell shell = new SteppedShell(port, out -> {
                Performer performer = new Performer(TinyPerformers.kernel(), parameters, 13L, out);
                performer.warmUp(Performer.WARM_UP_TOKENS, Performer.WARM_UP_ROUNDS);
                return performer;
            }, ShellOptions.defaults().withClock(clock).withShutdownHook(false).withObserver(page.observer()));
            page.attach(new SteppedPage());
            Human human = new Human(shell, clock);
            AllocationMeter meter = new AllocationMeter();
            // warm minutes, unmeasured: the same loop, so the JIT has compiled it (after two, a full build once saw four
            // of eight measured minutes allocate 64 to 408 bytes: the JIT's one-offs below, one minute too many); at
            // least four, and on until one allocates nothing: the JIT compiles in the background, and on a loaded
            // machine a build once saw every measured minute allocate 300 MB after the four (most likely the kernel's
            // Vector API code, still boxing before the JIT compiled it)
            int warmMinutes = 0;
            long warmBytes;
            do {
                long before = meter.allocatedBytes();
                human.play(60_000);
                warmBytes = meter.allocatedBytes() - before;
                warmMinutes++;
            } while ((warmMinutes < MIN_WARM_MINUTES || warmBytes > 0) && warmMinutes < MAX_WARM_MINUTES);
            assertThat(warmBytes).as("bytes allocated in the last of %d warm minutes", warmMinutes).isZero();
            for (int minute = 0; minute < bytesPerMinute.length; minute++) {
                long before = meter.allocatedBytes();
                human.play(60_000);
                bytesPerMinute[minute] = meter.allocatedBytes() - before;
            }
            shell.stop();
            assertThat(port.firstViolation()).isNull();
            assertThat(port.sounding()).isZero();
            PageClient.await("the page drew both parts", () -> reading.saw("update", u -> LivePageTest.hasPart(u, "human"))
                    && reading.saw("update", u -> LivePageTest.hasPart(u, "machine")));
        }
        assertThat(port.noteOns()).as("notes at the port").isGreaterThan(500);
        // Allocation on the path would show in every minute: the page's ring takes thousands of events a minute, so one
        // object per event is tens of kilobytes. What shows instead, in a few of the first minutes only, is a few
        // hundred bytes: the JIT's one-offs (a deoptimization rematerializes the objects escape analysis had removed),
        // seen with and without the page (without it, 152 bytes in one minute of six; with it, up to 424 bytes in three
        // of six, on the loaded build machine). So: most minutes allocate nothing, and none more than a kilobyte.
        assertThat(Arrays.stream(bytesPerMinute).filter(bytes -> bytes > 0).count())
                .as("minutes that allocated, of %d: %s bytes", bytesPerMinute.length, Arrays.toString(bytesPerMinute)).isLessThanOrEqualTo(3);
        assertThat(Arrays.stream(bytesPerMinute).max().orElseThrow())
                .as("bytes allocated in the worst minute: %s", Arrays.toString(bytesPerMinute)).isLessThanOrEqualTo(1024);
    }

    /** A human playing a slow arpeggio into the shell's input, a note every 250 ms, with preallocated messages. */
    private static final class Human {
        private final SteppedShell shell;
        private final SimulatedClock clock;
        private final ShortMessage[] ons = new ShortMessage[PITCHES.length];
        private final ShortMessage[] offs = new ShortMessage[PITCHES.length];
        private long millisecond;

        Human(SteppedShell shell, SimulatedClock clock) throws InvalidMidiDataException {
            this.shell = shell;
            this.clock = clock;
            for (int i = 0; i < PITCHES.length; i++) {
                ons[i] = new ShortMessage(ShortMessage.NOTE_ON, 1, PITCHES[i], 80);
                offs[i] = new ShortMessage(ShortMessage.NOTE_OFF, 1, PITCHES[i], 0);
            }
        }

        void play(int millis) {
            for (int i = 0; i < millis; i++) {
                clock.advance(MS);
                millisecond++;
                int note = (int) (millisecond / 250 % PITCHES.length);
                if (millisecond % 250 == 0) shell.input().send(ons[note], -1);
                if (millisecond % 250 == 200) shell.input().send(offs[note], -1);
                shell.step();
            }
        }
    }

    /** What the page may ask of a stepped shell: nothing, in this test (the page only watches). */
    private static final class SteppedPage implements PageSession {
        @Override
        public boolean setParameters(io.antiphon.engine.realtime.ParameterBatch batch) {
            return false;
        }

        @Override
        public boolean control(int status, int data1, int data2) {
            return false;
        }

        @Override
        public boolean isRunning() {
            return true;
        }

        @Override
        public io.antiphon.engine.realtime.LatencyReport latency() {
            return new io.antiphon.engine.realtime.LatencyMeters().report();
        }

        @Override
        public io.antiphon.engine.realtime.ShellCounters counters() {
            return new io.antiphon.engine.realtime.ShellCounters(0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
    }
}
