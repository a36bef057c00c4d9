package io.antiphon.midi.port;

import java.util.Locale;

/** The operating-system families whose MIDI plumbing differs. */
public enum OperatingSystem {
    LINUX, MACOS, WINDOWS, OTHER;

    /** This JVM's OS family, from {@code os.name}. */
    public static OperatingSystem current() {
        return of(System.getProperty("os.name", ""));
    }

    /** The family of an {@code os.name} value. */
    public static OperatingSystem of(String osName) {
        String name = osName.toLowerCase(Locale.ROOT);
        if (name.startsWith("linux")) return LINUX;
        if (name.startsWith("mac") || name.startsWith("darwin")) return MACOS;
        if (name.startsWith("windows")) return WINDOWS;
        return OTHER;
    }
}
