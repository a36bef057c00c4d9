package io.antiphon.engine.realtime;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.WString;
import com.sun.jna.ptr.IntByReference;

/**
 * Asks the operating system to run the calling thread at real-time priority, through JNA, where it grants it:
 * <ul>
 *   <li>Linux: {@code SCHED_FIFO} at priority {@value #LINUX_PRIORITY} (capped by {@code RLIMIT_RTPRIO}) with
 *       {@code sched_setscheduler} on the calling thread; granted to root, to {@code CAP_SYS_NICE}, or to a user whose
 *       {@code rtprio} limit allows it (pam_limits, e.g. the {@code audio} group);</li>
 *   <li>macOS: {@code THREAD_TIME_CONSTRAINT_POLICY} (period 1 ms, computation 0.5 ms), as Core Audio's threads;</li>
 *   <li>Windows: MMCSS, task "Pro Audio" ({@code AvSetMmThreadCharacteristicsW}), priority high.</li>
 * </ul>
 * A refusal (or a missing library) is a {@link PriorityGrant} saying why and how to grant it: never an exception.
 * It is asked once, when the thread starts, before steady state (it may allocate).
 */
public final class RealtimePriority {

    static final int LINUX_PRIORITY = 70;
    private static final int SCHED_FIFO = 1;
    private static final int RLIMIT_RTPRIO = 14;
    private static final int EPERM = 1;
    private static final long RLIM_INFINITY = -1L;
    private static final String LINUX_HOW_TO = "to grant it, allow your user an rtprio limit, e.g. a file "
            + "/etc/security/limits.d/95-antiphon.conf with the line '@audio - rtprio 95', add yourself to the audio group "
            + "(sudo usermod -aG audio $USER) and log in again; or run with CAP_SYS_NICE";

    private RealtimePriority() {
    }

    /** Asks for real-time priority for the calling thread. Never throws. */
    public static PriorityGrant request() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        try {
            if (os.contains("linux")) return linux();
            if (os.contains("mac")) return mac();
            if (os.contains("windows")) return windows();
            return new PriorityGrant(false, "not supported on " + System.getProperty("os.name"), "");
        } catch (LinkageError | RuntimeException e) {
            return new PriorityGrant(false, "could not ask the system: " + e.getMessage(), "");
        }
    }

    /** Asks on a new short-lived thread, as the session's thread would, and reports the answer (for {@code doctor}). */
    public static PriorityGrant probe() {
        AtomicReference<PriorityGrant> grant = new AtomicReference<>(PriorityGrant.PENDING);
        Thread thread = new Thread(() -> grant.set(request()), "antiphon-priority-probe");
        thread.setDaemon(true);
        thread.start();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return grant.get();
    }

    private interface LinuxC extends Library {
        int sched_setscheduler(int pid, int policy, int[] param) throws LastErrorException;

        int getrlimit(int resource, long[] limits) throws LastErrorException;
    }

    private static PriorityGrant linux() {
        return linux(LINUX_PRIORITY);
    }

    /** Asks for {@code SCHED_FIFO} at {@code wanted} (capped by the rtprio limit); a test asks for an invalid one. */
    static PriorityGrant linux(int wanted) {
        LinuxC c = Native.load("c", LinuxC.class);
        long limit = rtprioLimit(c);
        int priority = limit > 0 && limit != RLIM_INFINITY ? (int) Math.min(wanted, limit) : wanted;
        try {
            c.sched_setscheduler(0, SCHED_FIFO, new int[]{priority});
            return new PriorityGrant(true, "SCHED_FIFO priority " + priority, "");
        } catch (LastErrorException e) {
            String why = e.getErrorCode() == EPERM
                    ? "SCHED_FIFO refused: rtprio limit " + (limit == RLIM_INFINITY ? "unlimited" : String.valueOf(limit))
                    : "SCHED_FIFO refused, errno " + e.getErrorCode();
            return new PriorityGrant(false, why, LINUX_HOW_TO);
        }
    }

    /** The soft RLIMIT_RTPRIO, or -1 (infinity) / 0 when it cannot be read. */
    private static long rtprioLimit(LinuxC c) {
        long[] limits = new long[2];
        try {
            c.getrlimit(RLIMIT_RTPRIO, limits);
            return limits[0];
        } catch (LastErrorException e) {
            return 0;
        }
    }

    private interface MacSystem extends Library {
        Pointer pthread_self();

        int pthread_mach_thread_np(Pointer thread);

        int mach_timebase_info(int[] info);

        int thread_policy_set(int thread, int flavor, int[] policy, int count);
    }

    private static final int THREAD_TIME_CONSTRAINT_POLICY = 2;
    private static final int THREAD_TIME_CONSTRAINT_POLICY_COUNT = 4;
    private static final long MAC_PERIOD_NANOS = 1_000_000;
    private static final long MAC_COMPUTATION_NANOS = 500_000;

    private static PriorityGrant mac() {
        MacSystem system = Native.load("System", MacSystem.class);
        int[] timebase = new int[2];   // numer, denom: absolute time units * numer / denom = ns
        if (system.mach_timebase_info(timebase) != 0 || timebase[0] == 0) {
            return new PriorityGrant(false, "mach_timebase_info failed", "");
        }
        int[] policy = {
                (int) toAbsolute(MAC_PERIOD_NANOS, timebase),
                (int) toAbsolute(MAC_COMPUTATION_NANOS, timebase),
                (int) toAbsolute(MAC_PERIOD_NANOS, timebase),
                1};   // preemptible
        int thread = system.pthread_mach_thread_np(system.pthread_self());
        int result = system.thread_policy_set(thread, THREAD_TIME_CONSTRAINT_POLICY, policy, THREAD_TIME_CONSTRAINT_POLICY_COUNT);
        if (result == 0) return new PriorityGrant(true, "THREAD_TIME_CONSTRAINT_POLICY, period 1 ms, computation 0.5 ms", "");
        return new PriorityGrant(false, "THREAD_TIME_CONSTRAINT_POLICY refused, kern_return " + result, "");
    }

    private static long toAbsolute(long nanos, int[] timebase) {
        return nanos * (timebase[1] & 0xFFFFFFFFL) / (timebase[0] & 0xFFFFFFFFL);
    }

    private interface Avrt extends Library {
        Pointer AvSetMmThreadCharacteristicsW(WString task, IntByReference taskIndex);

        boolean AvSetMmThreadPriority(Pointer handle, int priority);
    }

    private static final int AVRT_PRIORITY_HIGH = 1;

    private static PriorityGrant windows() {
        Avrt avrt = Native.load("Avrt", Avrt.class);
        Pointer handle = avrt.AvSetMmThreadCharacteristicsW(new WString("Pro Audio"), new IntByReference(0));
        if (handle == null) {
            return new PriorityGrant(false, "MMCSS \"Pro Audio\" refused, error " + Native.getLastError(),
                    "check that the Multimedia Class Scheduler service (MMCSS) is running");
        }
        boolean high = avrt.AvSetMmThreadPriority(handle, AVRT_PRIORITY_HIGH);
        return new PriorityGrant(true, "MMCSS \"Pro Audio\"" + (high ? ", priority high" : ""), "");
    }
}
