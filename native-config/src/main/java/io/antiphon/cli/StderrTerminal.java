package io.antiphon.cli;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Whether standard error is a terminal (so a status line may be rewritten in place with {@code \r}). The launcher,
 * which passes its child's stderr through a filter, asks before it starts the child and hands the answer down in
 * {@value #PROPERTY}; a JVM started directly asks the C library ({@code isatty(2)}).
 */
public final class StderrTerminal {

    /** System property carrying the launcher's answer to the child JVM: {@code true} or {@code false}. */
    public static final String PROPERTY = "antiphon.stderr.terminal";

    private interface C extends Library {
        int isatty(int fd);
    }

    private StderrTerminal() {
    }

    /** The answer for this JVM: the launcher's if it gave one, else this process's own stderr. */
    static boolean isTerminal() {
        String given = System.getProperty(PROPERTY);
        return given != null ? Boolean.parseBoolean(given) : ownStderrIsTerminal();
    }

    /** Whether this process's file descriptor 2 is a terminal; without a C library to ask, whether it has a console. */
    public static boolean ownStderrIsTerminal() {
        if (!Platform.isWindows()) {
            try {
                return Native.load("c", C.class).isatty(2) == 1;
            } catch (LinkageError | RuntimeException e) {
                // no C library here: fall through
            }
        }
        return System.console() != null;
    }
}
