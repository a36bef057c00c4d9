package io.antiphon.midi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.sound.midi.MidiDevice;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Sequencer;
import javax.sound.midi.Synthesizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.co.xfactorylibrarians.coremidi4j.CoreMidiDeviceInfo;
import uk.co.xfactorylibrarians.coremidi4j.CoreMidiDeviceProvider;
import uk.co.xfactorylibrarians.coremidi4j.CoreMidiException;

/**
 * Discovers the hardware and software MIDI ports of this machine. On macOS with CoreMIDI4J's native
 * library loaded, its ports come first and the JDK's own (SysEx-broken) CoreMIDI ports are left out;
 * elsewhere the JDK's devices are listed. The JDK's software sequencer and synthesizer are not ports
 * and are never listed. Never throws: a device that cannot be queried is logged and skipped.
 */
public final class MidiPorts {

    /** Provider name of ports that CoreMIDI4J serves (macOS). */
    public static final String COREMIDI4J = "CoreMIDI4J";
    /** Provider name of ports that the JDK's own javax.sound.midi providers serve. */
    public static final String JAVA_SOUND = "javax.sound.midi";

    private static final Logger LOG = LoggerFactory.getLogger(MidiPorts.class);

    private MidiPorts() {
    }

    public static List<MidiPortInfo> list() {
        return ports().stream().map(Port::info).toList();
    }

    /** A port found on this machine: what is listed about it and the device that opens it. */
    record Port(MidiPortInfo info, MidiDevice device) {
    }

    static List<Port> ports() {
        MidiDevice.Info[] infos;
        try {
            infos = coreMidi4jLoaded() ? CoreMidiDeviceProvider.getMidiDeviceInfo() : MidiSystem.getMidiDeviceInfo();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("MIDI devices could not be listed: {}", e.toString());
            return List.of();
        }
        List<Port> ports = new ArrayList<>();
        for (MidiDevice.Info info : infos) {
            try {
                MidiDevice device = MidiSystem.getMidiDevice(info);
                if (device instanceof Sequencer || device instanceof Synthesizer) continue;
                ports.add(new Port(new MidiPortInfo(info.getName(), info.getVendor(), info.getDescription(), info.getVersion(),
                        device.getMaxTransmitters() != 0, device.getMaxReceivers() != 0,
                        info instanceof CoreMidiDeviceInfo ? COREMIDI4J : JAVA_SOUND), device));
            } catch (MidiUnavailableException | RuntimeException e) {
                LOG.warn("MIDI device '{}' skipped: {}", info.getName(), e.toString());
            }
        }
        ports.sort(Comparator.comparing(port -> !COREMIDI4J.equals(port.info().provider())));   // stable: CoreMIDI4J first
        return List.copyOf(ports);
    }

    /** Whether CoreMIDI4J's native library is loaded (macOS only); false, never an exception, elsewhere. */
    public static boolean coreMidi4jLoaded() {
        try {
            return CoreMidiDeviceProvider.isLibraryLoaded();
        } catch (CoreMidiException | RuntimeException | LinkageError e) {
            LOG.warn("CoreMIDI4J native library status unknown: {}", e.toString());
            return false;
        }
    }
}
