package io.antiphon.midi.virtual;

import com.sun.jna.Callback;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

/**
 * The few functions of ALSA's {@code libasound.so.2} that a sequencer client needs, bound by JNA direct mapping
 * (static natives: calls with primitive and pointer arguments allocate nothing). Bound on first use only, by
 * {@link #load}, so that nothing is looked for on other systems or when no virtual port is asked for.
 */
final class LibAsound {

    static final String LIBRARY = "libasound.so.2";
    static final int SND_SEQ_OPEN_DUPLEX = 3;
    static final int SND_SEQ_NONBLOCK = 1;
    static final short POLLIN = 1;
    static final int SND_SEQ_PORT_CAP_READ = 1;
    static final int SND_SEQ_PORT_CAP_WRITE = 1 << 1;
    static final int SND_SEQ_PORT_CAP_SUBS_READ = 1 << 5;
    static final int SND_SEQ_PORT_CAP_SUBS_WRITE = 1 << 6;
    static final int SND_SEQ_PORT_TYPE_MIDI_GENERIC = 1 << 1;
    static final int SND_SEQ_PORT_TYPE_APPLICATION = 1 << 20;

    private static boolean loaded;
    /** Kept reachable for as long as libasound may call it. */
    private static final ErrorHandler SILENT = (file, line, function, err, format) -> {
    };

    private LibAsound() {
    }

    /** libasound's error handler ({@code snd_lib_error_handler_t}; its variadic tail is not read). */
    interface ErrorHandler extends Callback {
        void invoke(String file, int line, String function, int err, String format);
    }

    /**
     * Finds {@code library} and, the first time, binds the natives to it and stops libasound printing its own errors
     * to stderr: the caller reports them in one sentence.
     *
     * @throws UnsatisfiedLinkError if the library is not installed
     */
    static synchronized void load(String library) {
        NativeLibrary found = NativeLibrary.getInstance(library);
        if (loaded) return;
        Native.register(LibAsound.class, found);
        Native.register(Poll.class, NativeLibrary.getInstance("c"));
        loaded = true;
        snd_lib_error_set_handler(SILENT);
    }

    static native int snd_lib_error_set_handler(ErrorHandler handler);

    static native String snd_strerror(int errnum);

    static native int snd_seq_open(PointerByReference handle, String name, int streams, int mode);

    static native int snd_seq_close(Pointer handle);

    static native int snd_seq_set_client_name(Pointer handle, String name);

    static native int snd_seq_client_id(Pointer handle);

    static native int snd_seq_create_simple_port(Pointer handle, String name, int caps, int type);

    static native int snd_seq_event_output_direct(Pointer handle, Pointer event);

    static native int snd_seq_event_input(Pointer handle, PointerByReference event);

    static native int snd_seq_poll_descriptors_count(Pointer handle, short events);

    static native int snd_seq_poll_descriptors(Pointer handle, Pointer pfds, int space, short events);

    /** libc's {@code poll}, to wait for sequencer input with a timeout. */
    static final class Poll {
        /** {@code sizeof(struct pollfd)}: int fd, short events, short revents. */
        static final int POLLFD_SIZE = 8;

        private Poll() {
        }

        static native int poll(Pointer fds, long nfds, int timeoutMillis);
    }
}
