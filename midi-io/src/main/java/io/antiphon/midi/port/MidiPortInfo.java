package io.antiphon.midi.port;

/**
 * A MIDI device the system offers, as {@code antiphon doctor} and {@code antiphon devices} show it.
 *
 * @param name         the device's name, by which it is opened
 * @param vendor       the vendor string of the driver or device
 * @param description  the driver's description
 * @param version      the driver's version string
 * @param input        whether it sends MIDI to us (a keyboard: it has transmitters)
 * @param output       whether it takes MIDI from us (a synth: it has receivers)
 * @param provider     {@value MidiPorts#COREMIDI4J} or {@value MidiPorts#JAVA_SOUND}
 * @param kind         what the device is
 * @param capabilities what it can do beyond carrying notes
 */
public record MidiPortInfo(String name, String vendor, String description, String version,
                           boolean input, boolean output, String provider, Kind kind, MidiPortCapabilities capabilities) {

    /** What a device is: a port to another program or instrument, or one of the JDK's software devices. */
    public enum Kind {
        /** A hardware port, a driver's port or a loopback port: what {@code play} opens by name. */
        PORT,
        /** A software synthesizer (the JDK's Gervill): an output that sounds through the audio device. */
        SYNTHESIZER,
        /** A software sequencer (the JDK's Real Time Sequencer): plays sequences, not a live port. */
        SEQUENCER
    }

    /** A port ({@link Kind#PORT}) whose capabilities follow from its provider on this OS. */
    public MidiPortInfo(String name, String vendor, String description, String version,
                        boolean input, boolean output, String provider) {
        this(name, vendor, description, version, input, output, provider, Kind.PORT,
                MidiPortCapabilities.of(name, provider, Kind.PORT, input ? -1 : 0, output ? -1 : 0, OperatingSystem.current()));
    }
}
