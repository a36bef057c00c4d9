package io.antiphon.midi.port;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.List;
import javax.sound.midi.MidiDevice;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Sequencer;
import javax.sound.midi.Synthesizer;
import javax.sound.midi.spi.MidiDeviceProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.co.xfactorylibrarians.coremidi4j.CoreMidiDeviceInfo;
import uk.co.xfactorylibrarians.coremidi4j.CoreMidiDeviceProvider;
import uk.co.xfactorylibrarians.coremidi4j.CoreMidiException;

/**
 * Discovers the hardware and software MIDI devices of this machine. On macOS with CoreMIDI4J's native
 * library loaded, its ports come first and the JDK's own (SysEx-broken) CoreMIDI ports are left out;
 * elsewhere the JDK's devices are listed. The JDK's software synthesizer (Gervill) can be opened as an
 * output; its software sequencer is listed by {@link #devices()} but is not a port. Never throws: a device
 * that cannot be queried is logged and skipped. Every call reads the device list afresh (hot-plug).
 */
public final class MidiPorts {

    /** Provider name of ports that CoreMIDI4J serves (macOS). */
    public static final String COREMIDI4J = "CoreMIDI4J";
    /** Provider name of ports that the JDK's own javax.sound.midi providers serve. */
    public static final String JAVA_SOUND = "javax.sound.midi";

    private static final Logger LOG = LoggerFactory.getLogger(MidiPorts.class);
    private static volatile List<MidiDeviceProvider> providers;

    private MidiPorts() {
    }

    /** The hardware, driver and loopback ports ({@link MidiPortInfo.Kind#PORT}), as {@code doctor} shows them. */
    public static List<MidiPortInfo> list() {
        return devices().stream().filter(info -> info.kind() == MidiPortInfo.Kind.PORT).toList();
    }

    /** Every MIDI device, ports first, then the JDK's synthesizer and sequencer, as {@code devices} shows them. */
    public static List<MidiPortInfo> devices() {
        return all().stream().map(Port::info).toList();
    }

    /** A device found on this machine: what is listed about it and the device that opens it. */
    public record Port(MidiPortInfo info, MidiDevice device) {
    }

    /** What {@code play} can open by name: the ports, and the software synthesizer as an output. */
    public static List<Port> ports() {
        return all().stream().filter(port -> port.info().kind() != MidiPortInfo.Kind.SEQUENCER).toList();
    }

    private static List<Port> all() {
        List<MidiDevice.Info> infos = new ArrayList<>();
        List<MidiDeviceProvider> owners = new ArrayList<>();   // the provider of each info, null: to be looked up
        List<MidiDeviceProvider> providers = providers();
        try {
            if (coreMidi4jLoaded()) {
                for (MidiDevice.Info info : CoreMidiDeviceProvider.getMidiDeviceInfo()) {
                    infos.add(info);
                    owners.add(null);
                }
            } else {
                for (MidiDeviceProvider provider : providers) {
                    for (MidiDevice.Info info : provider.getDeviceInfo()) {
                        infos.add(info);
                        owners.add(provider);
                    }
                }
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("MIDI devices could not be listed: {}", e.toString());
            return List.of();
        }
        List<Port> ports = new ArrayList<>();
        for (int i = 0; i < infos.size(); i++) {
            MidiDevice.Info info = infos.get(i);
            try {
                MidiDevice device = owners.get(i) != null ? owners.get(i).getDevice(info) : device(providers, info);
                ports.add(new Port(describe(info, device, OperatingSystem.current()), device));
            } catch (MidiUnavailableException | RuntimeException e) {
                LOG.warn("MIDI device '{}' skipped: {}", info.getName(), e.toString());
            }
        }
        ports.sort(Comparator.comparing((Port port) -> port.info().kind())   // stable: ports, synthesizers, sequencers
                .thenComparing(port -> !COREMIDI4J.equals(port.info().provider())));   // CoreMIDI4J first
        return List.copyOf(ports);
    }

    private static MidiDevice device(List<MidiDeviceProvider> providers, MidiDevice.Info info) throws MidiUnavailableException {
        for (MidiDeviceProvider provider : providers) {
            if (provider.isDeviceSupported(info)) return provider.getDevice(info);
        }
        return MidiSystem.getMidiDevice(info);
    }

    /**
     * The MIDI device providers of this JVM, found once. {@code MidiSystem} looks them up through {@code ServiceLoader}
     * on every call (about 5 ms and 44 KB per call from the shaded jar, measured here), too much for a watcher that
     * lists the devices twice a second; each provider still reads the system's devices afresh on every
     * {@code getDeviceInfo()}, so hot-plugged ports appear.
     */
    private static List<MidiDeviceProvider> providers() {
        List<MidiDeviceProvider> found = providers;
        if (found != null) return found;
        List<MidiDeviceProvider> loaded = new ArrayList<>();
        Iterator<MidiDeviceProvider> it = ServiceLoader.load(MidiDeviceProvider.class).iterator();
        while (true) {
            try {
                if (!it.hasNext()) break;
                loaded.add(it.next());
            } catch (ServiceConfigurationError | LinkageError e) {
                LOG.warn("a MIDI device provider could not be loaded: {}", e.toString());
            }
        }
        providers = List.copyOf(loaded);
        return providers;
    }

    /** What is listed about a device: its kind from its class, its direction from its receivers and transmitters. */
    static MidiPortInfo describe(MidiDevice.Info info, MidiDevice device, OperatingSystem os) {
        MidiPortInfo.Kind kind = device instanceof Sequencer ? MidiPortInfo.Kind.SEQUENCER
                : device instanceof Synthesizer ? MidiPortInfo.Kind.SYNTHESIZER : MidiPortInfo.Kind.PORT;
        String provider = info instanceof CoreMidiDeviceInfo ? COREMIDI4J : JAVA_SOUND;
        int receivers = device.getMaxReceivers();
        int transmitters = device.getMaxTransmitters();
        return new MidiPortInfo(info.getName(), info.getVendor(), info.getDescription(), info.getVersion(),
                transmitters != 0, receivers != 0, provider, kind,
                MidiPortCapabilities.of(info.getName(), provider, kind, receivers, transmitters, os));
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
