package io.antiphon.cli;

import io.antiphon.engine.realtime.PriorityGrant;
import io.antiphon.engine.realtime.RealtimePriority;
import io.antiphon.midi.port.MidiPortInfo;
import io.antiphon.midi.port.MidiPorts;
import io.antiphon.midi.port.OperatingSystem;
import io.antiphon.engine.corpus.DataDirectory;
import io.antiphon.presets.UserPresetFolder;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;

/** {@code antiphon doctor}: what this machine offers Antiphon (Java, natives, SIMD, MIDI). */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Report Java, OS/arch, the ND4J backend and native build, CPU SIMD level, the MIDI devices (as `antiphon devices`),",
                "whether --virtual can create a MIDI device here, whether real-time thread priority is granted (and how to grant it),",
                "the data folder and your preset folder."})
final class DoctorCommand implements Callable<Integer> {

    private static final Path ALSA_SEQUENCER = Path.of("/dev/snd/seq");

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Override
    public Integer call() {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("java_version", System.getProperty("java.version"));
        report.put("java_vendor", System.getProperty("java.vendor"));
        report.put("java_home", System.getProperty("java.home"));
        report.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        report.put("arch", System.getProperty("os.arch"));
        report.put("cores", Runtime.getRuntime().availableProcessors());
        report.put("max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);
        report.put("omp_num_threads", ompThreads());
        report.put("nd4j", nd4j());
        report.put("cpu_simd", cpuSimd());
        report.put("vector_api", vectorApi());
        PriorityGrant priority = RealtimePriority.probe();
        report.put("realtime_priority", priority.sentence());
        report.put("realtime_priority_granted", priority.granted());
        report.put("coremidi4j_loaded", MidiPorts.coreMidi4jLoaded());
        List<Map<String, Object>> devices = new ArrayList<>();
        for (MidiPortInfo device : MidiPorts.devices()) devices.add(DevicesCommand.row(device));   // the list `devices` shows
        report.put("midi_devices", devices);
        report.put("virtual_ports", virtualPorts());
        report.put("data_folder", DataDirectory.find().map(Path::toString).orElse("(none: set " + DataDirectory.ENVIRONMENT_VARIABLE
                + " or -D" + DataDirectory.PROPERTY + " to the folder holding jsb-chorales/ and nottingham-midi/)"));
        report.put("user_presets", UserPresetFolder.path().toString());
        if (json) {
            System.out.println(Json.pretty(report));
        } else {
            report.forEach((k, v) -> {
                if (v instanceof List<?> list) {
                    System.out.printf("%-18s %d found (antiphon devices lists them)%n", k, list.size());
                    for (Object item : list) {
                        Map<?, ?> device = (Map<?, ?>) item;
                        System.out.printf("%-18s   %s (%s)%n", "", device.get("name"), device.get("kind"));
                    }
                } else if (v instanceof Map<?, ?> map) {
                    System.out.printf("%-18s %s%n", k, inWords(map));
                } else {
                    System.out.printf("%-18s %s%n", k, v);
                }
            });
        }
        return 0;
    }

    /** A map as text for a reader, not Java's {@code {k=v, ...}}: {@code k v, k v}, a memory size in MB. */
    static String inWords(Map<?, ?> map) {
        List<String> parts = new ArrayList<>();
        map.forEach((key, value) -> parts.add(key.toString().startsWith("memory") && value instanceof Long bytes
                ? key.toString().replace('.', ' ') + " " + (bytes >> 20) + " MB"
                : key.toString().replace('.', ' ').replace('_', ' ') + " " + value));
        return String.join(", ", parts);
    }

    private static Map<String, Object> nd4j() {
        Map<String, Object> nd4j = new LinkedHashMap<>();
        try {
            nd4j.put("backend", Nd4j.getBackend().getClass().getSimpleName());
            Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
            for (String key : new String[]{"blas.vendor", "omp.threads", "cores", "memory.available", "backend"}) {
                Object value = env.get(key);
                if (value != null) nd4j.put(key, numberOrText(value));
            }
            nd4j.put("native_build", nativeBuild());
        } catch (Throwable t) { // a broken native install must be reported, not crash the doctor
            nd4j.put("error", t.getClass().getSimpleName() + ": " + t.getMessage());
        }
        return nd4j;
    }

    /** A number as a number (JSON numbers in --json), anything else as its text. */
    static Object numberOrText(Object value) {
        if (value instanceof Number) return value;
        String text = String.valueOf(value).strip();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException notWhole) {
            try {
                double d = Double.parseDouble(text);
                return Double.isFinite(d) ? d : text;
            } catch (NumberFormatException notNumber) {
                return text;
            }
        }
    }

    private static Object ompThreads() {
        String value = System.getenv("OMP_NUM_THREADS");
        return value == null ? "(unset)" : numberOrText(value);
    }

    /** Whether {@code play --virtual} can create a virtual MIDI device here, and why not. */
    static String virtualPorts() {
        return switch (OperatingSystem.current()) {
            case LINUX -> Files.exists(ALSA_SEQUENCER)
                    ? "possible (ALSA sequencer " + ALSA_SEQUENCER + ")"
                    : "not possible: no ALSA sequencer (" + ALSA_SEQUENCER + " is missing; `modprobe snd-seq` adds it); "
                    + "use net:NAME or a loopback port";
            case MACOS -> "possible (CoreMIDI)";
            default -> "not possible on " + System.getProperty("os.name") + ": use a loopback port such as loopMIDI, or net:NAME";
        };
    }

    /** The javacpp platform of the nd4j-native jar on the classpath (e.g. linux-x86_64, linux-x86_64-avx2). */
    private static String nativeBuild() {
        String platform = System.getProperty("org.bytedeco.javacpp.platform");
        return platform != null ? platform : org.bytedeco.javacpp.Loader.getPlatform();
    }

    private static String cpuSimd() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            try {
                String flags = Files.readAllLines(cpuinfo).stream().filter(l -> l.startsWith("flags")).findFirst().orElse("");
                if (flags.contains(" avx512f")) return "AVX-512";
                if (flags.contains(" avx2")) return "AVX2";
                if (flags.contains(" avx")) return "AVX";
                if (flags.contains(" sse4_2")) return "SSE4.2";
                return "baseline";
            } catch (IOException e) {
                return "unknown (" + e.getMessage() + ")";
            }
        }
        return "unknown on " + System.getProperty("os.name");
    }

    private static String vectorApi() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return "absent (the step kernel uses its scalar path; run through the launcher to enable it)";
        }
        return "present, " + VectorWidth.preferredBits() + "-bit vectors";
    }
}
