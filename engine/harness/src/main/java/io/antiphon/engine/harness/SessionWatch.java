package io.antiphon.engine.harness;

import java.util.Objects;
import java.util.function.Consumer;

import io.antiphon.engine.realtime.LiveSession;
import io.antiphon.engine.realtime.SessionObserver;

/**
 * Who watches a demo's live session (the live page): the observer the shell feeds from its real-time threads, and what
 * to do with the session once it is open (on the demo's thread).
 */
public record SessionWatch(SessionObserver observer, Consumer<LiveSession> opened) {

    /** Nobody watches. */
    public static final SessionWatch NONE = new SessionWatch(SessionObserver.NONE, session -> { });

    public SessionWatch {
        Objects.requireNonNull(observer, "observer");
        Objects.requireNonNull(opened, "opened");
    }
}
