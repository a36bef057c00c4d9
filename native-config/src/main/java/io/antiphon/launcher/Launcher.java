package io.antiphon.launcher;

import io.antiphon.cli.AntiphonCommand;
import io.antiphon.cli.StderrTerminal;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Entry point of {@code antiphon.jar}. ND4J and the live path need settings that only exist at JVM start:
 * {@code OMP_NUM_THREADS=1} (OpenMP spin-waits otherwise eat the second core), the Vector API module for the
 * step kernel, Gervill's offline renderer export, JavaCPP's cheap allocation accounting and ParallelGC.
 * When the running JVM lacks them, the launcher starts one child JVM that has them and passes its exit code on; the
 * child's stderr passes through {@link IncubatorWarningFilter}, which drops the JVM's warning about the Vector API module.
 * Set {@code ANTIPHON_NO_RELAUNCH=1} to run in the current JVM as it is.
 */
public final class Launcher {

    static final String LAUNCHED_PROPERTY = "antiphon.launched";
    /** How long the launcher waits, once the child has ended, for the rest of its stderr. */
    private static final long STDERR_DRAIN_MILLIS = 2_000;

    /** JVM flags the child gets (see the class comment). */
    static final List<String> JVM_FLAGS = List.of(
            "--add-modules", "jdk.incubator.vector",
            "--add-exports", "java.desktop/com.sun.media.sound=ALL-UNNAMED",
            "-XX:+UseParallelGC",
            "-Xmn64m",
            "-Dorg.bytedeco.javacpp.maxphysicalbytes=0",
            "-D" + LAUNCHED_PROPERTY + "=true");

    private Launcher() {
    }

    public static void main(String[] args) {
        if (needsRelaunch()) {
            Integer code = relaunch(args);
            if (code != null) System.exit(code);
        }
        AntiphonCommand.main(args);
    }

    static boolean needsRelaunch() {
        if (Boolean.getBoolean(LAUNCHED_PROPERTY)) return false;
        if ("1".equals(System.getenv("ANTIPHON_NO_RELAUNCH"))) return false;
        boolean vector = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        return !vector || !"1".equals(System.getenv("OMP_NUM_THREADS"));
    }

    /** Runs the command in a child JVM with the right flags; null when that cannot be done (then run here). */
    private static Integer relaunch(String[] args) {
        String java = ProcessHandle.current().info().command().orElse(null);
        Path jar = ownJar();
        if (java == null || jar == null) return null;
        List<String> command = new ArrayList<>();
        command.add(java);
        String heap = System.getenv().getOrDefault("ANTIPHON_HEAP", "");
        if (!heap.isEmpty()) command.add("-Xmx" + heap);
        command.addAll(JVM_FLAGS);
        command.addAll(forwardedProperties(ManagementFactory.getRuntimeMXBean().getInputArguments()));
        command.add("-cp");
        command.add(jar.toString());
        command.add(AntiphonCommand.class.getName());
        command.addAll(List.of(args));
        // stderr goes through the filter that drops the JVM's incubator-module warning; the child learns from us
        // whether the real stderr is a terminal (its own is then a pipe)
        command.add(command.indexOf("-cp"), "-D" + StderrTerminal.PROPERTY + "=" + StderrTerminal.ownStderrIsTerminal());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.INHERIT)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.PIPE);
        Map<String, String> env = builder.environment();
        env.putIfAbsent("OMP_NUM_THREADS", "1");
        if (!"1".equals(env.get("OMP_NUM_THREADS"))) return null; // the user chose otherwise: respect it, run here
        try {
            Process child = builder.start();
            Thread stderr = new Thread(new IncubatorWarningFilter(child.getErrorStream(), System.err), "antiphon-launcher-stderr");
            stderr.setDaemon(true);
            stderr.start();
            // Ctrl-C reaches the child through the process group; a SIGTERM sent to this process alone does not, so the
            // hook passes it on (destroy() is SIGTERM on Unix; a second one to a child already stopping is harmless),
            // then waits for the child's clean shutdown: all notes off, recording written, its last words on stderr.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAndWait(child, stderr), "antiphon-launcher-stop"));
            int code = child.waitFor();
            stderr.join(STDERR_DRAIN_MILLIS);
            return code;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    /**
     * The system properties the user gave this JVM ({@code java -Dantiphon.data=DIR -jar antiphon.jar ...},
     * {@code -Dlogback.level=debug}): the child gets them too, else they would silently do nothing.
     */
    static List<String> forwardedProperties(List<String> inputArguments) {
        return inputArguments.stream().filter(argument -> argument.startsWith("-D") && argument.length() > 2)
                .filter(argument -> !argument.startsWith("-D" + LAUNCHED_PROPERTY + "=") && !argument.startsWith("-D" + StderrTerminal.PROPERTY + "="))
                .toList();
    }

    private static void stopAndWait(Process child, Thread stderr) {
        child.destroy();
        try {
            child.waitFor();
            stderr.join(STDERR_DRAIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path ownJar() {
        try {
            var location = Launcher.class.getProtectionDomain().getCodeSource().getLocation();
            Path path = Path.of(location.toURI());
            return path.toString().endsWith(".jar") && new File(path.toString()).isFile() ? path : null;
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return null;
        }
    }
}
