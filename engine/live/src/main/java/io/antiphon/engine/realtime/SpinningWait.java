package io.antiphon.engine.realtime;

import org.agrona.concurrent.BusySpinIdleStrategy;

/**
 * {@link LatencyMode#LOW}: never parks, never yields: Agrona's {@link BusySpinIdleStrategy} (a CPU spin-wait hint)
 * at every idle step, so an input or a due message is seen within a microsecond or so. It keeps one core busy all
 * the session long: for a machine given to the performance.
 */
final class SpinningWait implements WaitStrategy {

    private final BusySpinIdleStrategy spin = new BusySpinIdleStrategy();

    @Override
    public void reset() {
        spin.reset();
    }

    @Override
    public void idle(long now, long due) {
        spin.idle();
    }
}
