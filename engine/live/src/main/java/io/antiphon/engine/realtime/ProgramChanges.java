package io.antiphon.engine.realtime;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

import io.antiphon.engine.perform.PerformerListener;

/**
 * Loads the program a Program Change asks for, off the performer thread. The performer thread only notes the request
 * and wakes the loader thread (no allocation, no blocking); the loader builds the {@link LoadedProgram} (reading
 * files, allocating freely) and leaves it for the performer thread to pick up with {@link #takeLoaded()}. A newer
 * request overrides one not yet started; a failed load is counted and remembered, and the session plays on with the
 * model it has.
 */
final class ProgramChanges implements PerformerListener, Runnable {

    private static final int NONE = -1;

    private final IntFunction<LoadedProgram> loader;
    private final AtomicInteger requested = new AtomicInteger(NONE);
    private final AtomicReference<LoadedProgram> loaded = new AtomicReference<>();
    private final AtomicLong failures = new AtomicLong();
    private volatile String lastFailure;
    private volatile Thread thread;
    private volatile boolean stopping;

    ProgramChanges(IntFunction<LoadedProgram> loader) {
        this.loader = loader;
    }

    /** Performer thread: a Program Change arrived. */
    @Override
    public void programChange(int program) {
        requested.set(program);
        Thread loaderThread = thread;
        if (loaderThread != null) LockSupport.unpark(loaderThread);
    }

    /** Performer thread: the program loaded since the last call, or null. */
    LoadedProgram takeLoaded() {
        return loaded.get() == null ? null : loaded.getAndSet(null);
    }

    /** The loader thread's body, until {@link #stop}. */
    @Override
    public void run() {
        thread = Thread.currentThread();
        while (!stopping) {
            int program = requested.getAndSet(NONE);
            if (program == NONE) {
                LockSupport.park(this);
                continue;
            }
            try {
                LoadedProgram next = loader.apply(program);
                if (next != null) loaded.set(next);
            } catch (RuntimeException e) {
                lastFailure = "program " + program + ": " + e.getMessage();
                failures.incrementAndGet();
            }
        }
    }

    void stop() {
        stopping = true;
        Thread loaderThread = thread;
        if (loaderThread != null) LockSupport.unpark(loaderThread);
    }

    long failures() {
        return failures.get();
    }

    /** The last load failure's message, or null. */
    String lastFailure() {
        return lastFailure;
    }
}
