package io.antiphon.ui;

import io.antiphon.engine.realtime.LatencyReport;
import io.antiphon.engine.realtime.LiveSession;
import io.antiphon.engine.realtime.ParameterBatch;
import io.antiphon.engine.realtime.ShellCounters;

/** What the page may ask of the running session; {@link #of} adapts a {@link LiveSession}. Any thread but the real-time ones. */
public interface PageSession {

    /** Sets the batch's parameters on the performer thread, all together; false if it could not (nothing was set). */
    boolean setParameters(ParameterBatch batch);

    /** Sends a MIDI-shaped message into the session's input, as a controller would; false if it was dropped. */
    boolean control(int status, int data1, int data2);

    /** Whether the session still plays. */
    boolean isRunning();

    LatencyReport latency();

    ShellCounters counters();

    static PageSession of(LiveSession session) {
        return new PageSession() {
            @Override
            public boolean setParameters(ParameterBatch batch) {
                return session.setParameters(batch);
            }

            @Override
            public boolean control(int status, int data1, int data2) {
                return session.control(status, data1, data2);
            }

            @Override
            public boolean isRunning() {
                return session.isRunning();
            }

            @Override
            public LatencyReport latency() {
                return session.latency();
            }

            @Override
            public ShellCounters counters() {
                return session.counters();
            }
        };
    }
}
