package io.antiphon.engine.perform;

/**
 * Drives a performer through a scripted human part in 1 ms steps without allocating. It holds no text constant: when
 * the JIT queues a method for C2, HotSpot resolves the text constants of the method's class on the calling thread,
 * and that allocation would be counted by the allocation tests that use it.
 */
final class ScriptedHumanPart {

    private static final long STEP = 1_000_000L;

    final PerformerCore performer;
    final long[] times;
    final int[] statuses;
    final int[] data1;
    final int[] data2;
    int delivered;
    long now;

    /** @param events rows of {time ns, status, data1, data2}, in time order */
    ScriptedHumanPart(PerformerCore performer, long[][] events) {
        this.performer = performer;
        this.times = new long[events.length];
        this.statuses = new int[events.length];
        this.data1 = new int[events.length];
        this.data2 = new int[events.length];
        for (int i = 0; i < events.length; i++) {
            times[i] = events[i][0];
            statuses[i] = (int) events[i][1];
            data1[i] = (int) events[i][2];
            data2[i] = (int) events[i][3];
        }
    }

    void runFor(long nanos) {
        for (long end = now + nanos; now < end; ) {
            now += STEP;
            while (delivered < times.length && times[delivered] <= now) {
                performer.onMidi(times[delivered], statuses[delivered], data1[delivered], data2[delivered]);
                delivered++;
            }
            performer.advance(now);
        }
    }
}
