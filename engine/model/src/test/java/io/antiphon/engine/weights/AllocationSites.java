package io.antiphon.engine.weights;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.antiphon.engine.kernel.AllocationMeter;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a body allocates, from a JFR recording of the calling thread's allocation events (new TLABs and objects
 * outside them) while it runs: for the failure message of a test that finds a hot path still allocating once warm.
 * Three clean-clone CI runs found the Vector API kernel allocating 3,168 bytes a step after every warm-up round; this
 * named the JDK's plain-Java vector paths, which led to the cause (docs/design.md, JIT and warm-up).
 */
final class AllocationSites {

    private static final int SHOWN = 5;
    /** Rounds of 20,000 warm-up calls and 2,000 counted ones before a call must allocate nothing. */
    private static final int WARM_UP_ROUNDS = 30;

    private AllocationSites() {
    }

    /**
     * Runs {@code body} until a window of calls allocates nothing ({@link AllocationMeter#settledBytesPerCall}); if none
     * does, fails saying the bytes per {@code call} (a step, a frame) and where they were allocated. Skipped on a JVM
     * that cannot count per-thread allocation.
     */
    static void assertNothingOnceWarm(AllocationMeter.Body body, String call) {
        assumeTrue(AllocationMeter.isSupported(), "this JVM cannot count per-thread allocation");
        assertThat(new AllocationMeter().settledBytesPerCall(body, 20_000, 2_000, WARM_UP_ROUNDS))
                .as(() -> "bytes a " + call + " once warm; allocated: " + of(body, 2_000)).isZero();
    }

    /**
     * The commonest allocation sites of {@code calls} calls of {@code body}, most events first: each as the class
     * allocated, the frame that allocated it and the first frame outside the JDK that led there.
     */
    static String of(AllocationMeter.Body body, int calls) {
        Path file = null;
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ObjectAllocationInNewTLAB").withStackTrace();
            recording.enable("jdk.ObjectAllocationOutsideTLAB").withStackTrace();
            recording.start();
            for (int i = 0; i < calls; i++) body.run(i);
            recording.stop();
            file = Files.createTempFile("allocation-sites", ".jfr");
            recording.dump(file);
            long thread = Thread.currentThread().getId();
            Map<String, Integer> sites = new HashMap<>();
            for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
                if (event.getThread() == null || event.getThread().getJavaThreadId() != thread || byTheRecording(event)) continue;
                sites.merge(site(event), 1, Integer::sum);
            }
            if (sites.isEmpty()) return "no allocation event recorded in " + calls + " calls";
            return sites.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(SHOWN)
                    .map(e -> e.getValue() + " x " + e.getKey()).collect(Collectors.joining("; "));
        } catch (IOException | RuntimeException e) {
            return "allocation sites not recorded (" + e + ")";
        } finally {
            if (file != null) file.toFile().delete();
        }
    }

    /** Whether the recording's own start or stop allocated it (a TLAB it happened to fill), not the body. */
    private static boolean byTheRecording(RecordedEvent event) {
        return event.getStackTrace() != null && event.getStackTrace().getFrames().stream()
                .anyMatch(f -> f.getMethod().getType().getName().startsWith("jdk.jfr."));
    }

    private static String site(RecordedEvent event) {
        String allocated = typeName(event.getClass("objectClass").getName());
        List<RecordedFrame> frames = event.getStackTrace() == null ? List.of() : event.getStackTrace().getFrames();
        if (frames.isEmpty()) return allocated;
        String top = frame(frames.get(0));
        String ours = frames.stream().filter(f -> f.getMethod().getType().getName().startsWith("io.antiphon."))
                .findFirst().map(AllocationSites::frame).orElse("?");
        return top.equals(ours) ? allocated + " at " + top : allocated + " at " + top + " from " + ours;
    }

    /** {@code long[]} for {@code [J}: a JVM class name as Java writes it (unchanged if the class is not found). */
    private static String typeName(String jvmName) {
        try {
            return Class.forName(jvmName, false, AllocationSites.class.getClassLoader()).getTypeName();
        } catch (ClassNotFoundException | LinkageError e) {
            return jvmName;
        }
    }

    private static String frame(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName() + ":" + frame.getLineNumber();
    }
}
