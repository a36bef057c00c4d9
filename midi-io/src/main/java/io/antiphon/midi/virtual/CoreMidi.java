package io.antiphon.midi.virtual;

import com.sun.jna.Callback;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

/**
 * The CoreMIDI, CoreFoundation and libSystem functions a virtual source and destination need (macOS), bound by JNA
 * direct mapping on first use ({@link #load}). Signatures as in Apple's {@code MIDIServices.h}: {@code MIDIClientRef}
 * and {@code MIDIEndpointRef} are {@code UInt32}, {@code OSStatus} is {@code SInt32}, {@code MIDITimeStamp} is host
 * time ({@code mach_absolute_time}).
 */
final class CoreMidi {

    /** {@code kCFStringEncodingUTF8}. */
    static final int UTF8 = 0x08000100;

    private static boolean loaded;

    private CoreMidi() {
    }

    /** {@code MIDIReadProc}: called on CoreMIDI's own high-priority thread with the packets sent to a destination. */
    interface ReadProc extends Callback {
        void invoke(Pointer packetList, Pointer readProcRefCon, Pointer srcConnRefCon);
    }

    /** Binds the natives once. @throws UnsatisfiedLinkError off macOS */
    static synchronized void load() {
        if (loaded) return;
        Native.register(Midi.class, NativeLibrary.getInstance("CoreMIDI"));
        Native.register(Foundation.class, NativeLibrary.getInstance("CoreFoundation"));
        Native.register(System.class, NativeLibrary.getInstance("System"));
        loaded = true;
    }

    static final class Midi {
        private Midi() {
        }

        static native int MIDIClientCreate(Pointer name, Pointer notifyProc, Pointer notifyRefCon, IntByReference outClient);

        static native int MIDIClientDispose(int client);

        static native int MIDISourceCreate(int client, Pointer name, IntByReference outSrc);

        static native int MIDIDestinationCreate(int client, Pointer name, ReadProc readProc, Pointer refCon, IntByReference outDest);

        static native int MIDIEndpointDispose(int endpoint);

        static native int MIDIReceived(int source, Pointer packetList);
    }

    static final class Foundation {
        private Foundation() {
        }

        static native Pointer CFStringCreateWithCString(Pointer allocator, String cString, int encoding);

        static native void CFRelease(Pointer cf);
    }

    static final class System {
        private System() {
        }

        static native long mach_absolute_time();
    }
}
