package io.antiphon.engine.finetune;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Lowers the calling thread's scheduling priority for background work that must not take a core from the performer:
 * on Linux {@code SCHED_IDLE} ({@code sched_setscheduler} on the calling thread, which any user may do: the thread runs
 * only on a core nothing else wants); elsewhere the minimum Java priority alone. Never throws.
 */
final class BackgroundPriority {

    private static final int SCHED_IDLE = 5;

    /** The part of libc this needs. */
    interface LinuxC extends Library {
        int sched_setscheduler(int pid, int policy, int[] param) throws LastErrorException;
    }

    private BackgroundPriority() {
    }

    /** Lowers the calling thread's priority; returns what it got, in a few words. */
    static String lower() {
        Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
        if (!Platform.isLinux()) return "minimum Java priority";
        try {
            Native.load("c", LinuxC.class).sched_setscheduler(0, SCHED_IDLE, new int[] {0});
            return "SCHED_IDLE";
        } catch (LastErrorException | UnsatisfiedLinkError e) {
            return "minimum Java priority (SCHED_IDLE refused: " + e.getMessage() + ")";
        }
    }
}
