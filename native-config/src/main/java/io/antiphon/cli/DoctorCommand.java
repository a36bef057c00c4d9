package io.antiphon.cli;

import io.antiphon.midi.port.MidiPortInfo;
import io.antiphon.midi.port.MidiPorts;
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
        description = "Report Java, OS/arch, the ND4J backend and native build, CPU SIMD level, CoreMidi4J and the MIDI devices found.")
final class DoctorCommand implements Callable<Integer> {

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
        report.put("omp_num_threads", System.getenv().getOrDefault("OMP_NUM_THREADS", "(unset)"));
        report.put("nd4j", nd4j());
        report.put("cpu_simd", cpuSimd());
        report.put("vector_api", vectorApi());
        report.put("coremidi4j_loaded", MidiPorts.coreMidi4jLoaded());
        List<Map<String, Object>> devices = new ArrayList<>();
        for (MidiPortInfo port : MidiPorts.list()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("name", port.name());
            d.put("provider", port.provider());
            d.put("input", port.input());
            d.put("output", port.output());
            d.put("vendor", port.vendor());
            d.put("description", port.description());
            devices.add(d);
        }
        report.put("midi_devices", devices);
        if (json) {
            System.out.println(Json.pretty(report));
        } else {
            report.forEach((k, v) -> {
                if (v instanceof List<?> list) {
                    System.out.printf("%-18s %d found%n", k, list.size());
                    for (Object item : list) System.out.printf("%-18s   %s%n", "", item);
                } else {
                    System.out.printf("%-18s %s%n", k, v);
                }
            });
        }
        return 0;
    }

    private static Map<String, Object> nd4j() {
        Map<String, Object> nd4j = new LinkedHashMap<>();
        try {
            nd4j.put("backend", Nd4j.getBackend().getClass().getSimpleName());
            Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
            for (String key : new String[]{"blas.vendor", "omp.threads", "cores", "memory.available", "backend"}) {
                Object value = env.get(key);
                if (value != null) nd4j.put(key, String.valueOf(value));
            }
            nd4j.put("native_build", nativeBuild());
        } catch (Throwable t) { // a broken native install must be reported, not crash the doctor
            nd4j.put("error", t.getClass().getSimpleName() + ": " + t.getMessage());
        }
        return nd4j;
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
