package io.antiphon.cli;

import io.antiphon.midi.port.MidiPortCapabilities;
import io.antiphon.midi.port.MidiPortInfo;
import io.antiphon.midi.port.MidiPorts;
import io.antiphon.midi.port.OperatingSystem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code antiphon devices}: every MIDI input and output of this machine, with its provider and capabilities. */
@Command(name = "devices", mixinStandardHelpOptions = true,
        description = {"List every MIDI input and output (hardware and driver ports, loopback ports, the JDK's synthesizer and",
                "sequencer) with its provider and capabilities. `play --in/--out` take a case-insensitive part of a name."})
final class DevicesCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print the list as JSON.")
    boolean json;

    @Override
    public Integer call() {
        List<MidiPortInfo> devices = MidiPorts.devices();
        if (json) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("os", OperatingSystem.current().name().toLowerCase(Locale.ROOT));
            report.put("coremidi4j_loaded", MidiPorts.coreMidi4jLoaded());
            List<Map<String, Object>> rows = new ArrayList<>();
            for (MidiPortInfo device : devices) rows.add(row(device));
            report.put("devices", rows);
            System.out.println(Json.pretty(report));
            return 0;
        }
        if (devices.isEmpty()) {
            System.out.println("No MIDI devices found.");
            return 0;
        }
        System.out.printf("%-32s %-11s %-6s %-16s %s%n", "NAME", "KIND", "DIR", "PROVIDER", "CAPABILITIES");
        for (MidiPortInfo device : devices) {
            MidiPortCapabilities c = device.capabilities();
            String direction = (device.input() ? "in" : "") + (device.input() && device.output() ? "/" : "") + (device.output() ? "out" : "");
            List<String> capabilities = new ArrayList<>();
            if (c.sysex()) capabilities.add("sysex");
            if (c.timestamps()) capabilities.add("timestamps");
            capabilities.add("hot-plug " + c.hotPlug());
            if (c.loopback()) capabilities.add("loopback");
            System.out.printf("%-32s %-11s %-6s %-16s %s%n", device.name(), device.kind().name().toLowerCase(Locale.ROOT),
                    direction, device.provider(), String.join(", ", capabilities));
        }
        return 0;
    }

    /** One device as a JSON object (also in {@code doctor --json}). */
    static Map<String, Object> row(MidiPortInfo device) {
        MidiPortCapabilities c = device.capabilities();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", device.name());
        row.put("kind", device.kind().name().toLowerCase(Locale.ROOT));
        row.put("provider", device.provider());
        row.put("input", device.input());
        row.put("output", device.output());
        row.put("vendor", device.vendor());
        row.put("description", device.description());
        row.put("version", device.version());
        row.put("max_receivers", c.maxReceivers());
        row.put("max_transmitters", c.maxTransmitters());
        row.put("sysex", c.sysex());
        row.put("timestamps", c.timestamps());
        row.put("hot_plug", c.hotPlug());
        row.put("loopback", c.loopback());
        return row;
    }
}
