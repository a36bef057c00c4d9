package io.antiphon.engine.realtime;

/**
 * What the operating system granted when a thread asked for real-time priority ({@link RealtimePriority}).
 *
 * @param granted whether the thread now runs at real-time priority
 * @param what    what was asked and what came of it, in words (e.g. {@code SCHED_FIFO priority 70})
 * @param howTo   how a user grants it on this system, when it was refused; empty otherwise
 */
public record PriorityGrant(boolean granted, String what, String howTo) {

    /** The thread has not asked yet. */
    public static final PriorityGrant PENDING = new PriorityGrant(false, "not asked yet", "");

    /** Real-time priority was not asked for (the session's options said no). */
    public static PriorityGrant notAsked() {
        return new PriorityGrant(false, "not asked for", "");
    }

    /** One line for the terminal: granted, or refused with the remedy. */
    public String sentence() {
        if (granted) return "real-time priority granted (" + what + ")";
        return howTo.isEmpty() ? "real-time priority " + what : "real-time priority not granted (" + what + "); " + howTo;
    }
}
