package io.antiphon.midi.port;

import java.util.Locale;

/**
 * What a MIDI device can do beyond carrying notes, as far as Antiphon knows it from the provider and the OS.
 *
 * @param maxReceivers    receivers it offers (-1 unlimited, 0 not an output)
 * @param maxTransmitters transmitters it offers (-1 unlimited, 0 not an input)
 * @param sysex           whether system-exclusive messages get through (the JDK's own CoreMIDI ports on macOS lose them)
 * @param timestamps      whether it honours the timestamp of {@code Receiver.send} (CoreMIDI4J and the JDK's
 *                        synthesizer do; the JDK's hardware ports do not, so Antiphon schedules itself)
 * @param hotPlug         how Antiphon learns that it came or went: {@code notified} (CoreMIDI4J's notifications),
 *                        {@code polled} (the device list, read by a low-priority watcher) or {@code none} (software
 *                        devices that are always there)
 * @param loopback        whether its name marks it as an app-to-app loopback port (loopMIDI, Windows MIDI Services)
 */
public record MidiPortCapabilities(int maxReceivers, int maxTransmitters, boolean sysex, boolean timestamps,
                                   String hotPlug, boolean loopback) {

    /** What a device of this provider and kind offers on this OS. */
    static MidiPortCapabilities of(String name, String provider, MidiPortInfo.Kind kind, int maxReceivers,
                                   int maxTransmitters, OperatingSystem os) {
        boolean coreMidi4j = MidiPorts.COREMIDI4J.equals(provider);
        boolean port = kind == MidiPortInfo.Kind.PORT;
        boolean sysex = coreMidi4j || !(port && os == OperatingSystem.MACOS);
        boolean timestamps = coreMidi4j || kind == MidiPortInfo.Kind.SYNTHESIZER;
        String hotPlug = !port ? "none" : coreMidi4j ? "notified" : "polled";
        return new MidiPortCapabilities(maxReceivers, maxTransmitters, sysex, timestamps, hotPlug, port && isLoopbackName(name));
    }

    /** Whether a port name is one that loopMIDI or a Windows MIDI Services loopback typically carries. */
    static boolean isLoopbackName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("loopmidi") || n.contains("loopback") || n.contains("loopbe");
    }
}
