package io.antiphon.midi.net;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The independent RTP-MIDI implementation the interoperability test talks to: the npm package {@code rtpmidi}
 * (1.0.0) in a Node process running {@code src/test/node/rtpmidi-peer.js}, on 127.0.0.1 only, driven by lines on
 * stdin and reporting events as lines on stdout.
 *
 * <p>Where the package comes from: the folder named by {@code -Dantiphon.rtpmidi.peer.dir} or
 * {@code ANTIPHON_RTPMIDI_PEER_DIR}, else {@code ~/.cache/antiphon/rtpmidi-peer} (outside version control); if
 * {@code node_modules/rtpmidi} is not there, {@code npm install --omit=optional rtpmidi@1.0.0} puts it there
 * ({@code .ci/run} does this before Maven runs). If Node, npm or the package are still missing the test fails,
 * unless {@code -Dantiphon.rtpmidi.peer=optional} or {@code ANTIPHON_RTPMIDI_PEER=optional} says the peer is not
 * required, and then it is skipped with that message.
 */
final class NpmRtpMidiPeer implements AutoCloseable {

    static final String PACKAGE = "rtpmidi@1.0.0";
    private static final Path SCRIPT = Path.of("src", "test", "node", "rtpmidi-peer.js");
    private static final long INSTALL_SECONDS = 300;

    private final Process process;
    private final Writer stdin;
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final Deque<String> otherOutput = new ArrayDeque<>();
    private final Thread reader;
    final int port;

    private NpmRtpMidiPeer(Process process, int port) {
        this.process = process;
        this.port = port;
        this.stdin = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.reader = new Thread(this::read, "npm-rtpmidi-peer-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the peer as session {@code name} on a free even/odd port pair of 127.0.0.1 and waits until it listens. */
    static NpmRtpMidiPeer start(String name) throws IOException, InterruptedException {
        return start(name, freePortPair());
    }

    /** Starts the peer as session {@code name} on control port {@code port} of 127.0.0.1 and waits until it listens. */
    static NpmRtpMidiPeer start(String name, int port) throws IOException, InterruptedException {
        Path modules = modules();
        ProcessBuilder builder = new ProcessBuilder(node(), SCRIPT.toString(), Integer.toString(port), name)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("NODE_PATH", modules.toAbsolutePath().toString());
        NpmRtpMidiPeer peer = new NpmRtpMidiPeer(builder.start(), port);
        peer.await("ready");
        return peer;
    }

    private static String node() {
        return System.getProperty("antiphon.node", "node");
    }

    private static boolean required() {
        String setting = System.getProperty("antiphon.rtpmidi.peer", System.getenv("ANTIPHON_RTPMIDI_PEER"));
        return !"optional".equalsIgnoreCase(setting);
    }

    private static Path peerDirectory() {
        String dir = System.getProperty("antiphon.rtpmidi.peer.dir", System.getenv("ANTIPHON_RTPMIDI_PEER_DIR"));
        return dir != null && !dir.isBlank() ? Path.of(dir)
                : Path.of(System.getProperty("user.home"), ".cache", "antiphon", "rtpmidi-peer");
    }

    /** The node_modules folder holding the package, installing it if needed; fails or skips (see the class comment). */
    static Path modules() throws InterruptedException {
        Path dir = peerDirectory();
        Path modules = dir.resolve("node_modules");
        if (Files.isRegularFile(modules.resolve("rtpmidi").resolve("package.json"))) return modules;
        String problem;
        try {
            Files.createDirectories(dir);
            Process install = new ProcessBuilder("npm", "install", "--omit=optional", "--no-save", "--no-audit", "--no-fund",
                    "--prefix", dir.toString(), PACKAGE).redirectErrorStream(true).start();
            String output = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!install.waitFor(INSTALL_SECONDS, TimeUnit.SECONDS)) install.destroyForcibly();
            problem = "npm install " + PACKAGE + " into " + dir + " did not provide it: " + output.strip();
        } catch (IOException e) {
            problem = "npm could not be run to install " + PACKAGE + " into " + dir + ": " + e.getMessage();
        }
        if (Files.isRegularFile(modules.resolve("rtpmidi").resolve("package.json"))) return modules;
        String message = "The RTP-MIDI interoperability peer is missing. " + problem
                + " (install Node 20 and npm, or set ANTIPHON_RTPMIDI_PEER=optional to skip this test)";
        if (required()) Assertions.fail(message);
        Assumptions.abort(message);
        return modules;
    }

    /** A port P on 127.0.0.1 with P even and P, P+1 free now (the peer binds them a moment later). */
    static int freePortPair() throws SocketException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        for (int attempt = 0; attempt < 100; attempt++) {
            try (DatagramSocket first = new DatagramSocket(new InetSocketAddress(loopback, 0))) {
                int port = first.getLocalPort();
                if (port % 2 != 0 || port >= 65534) continue;
                try (DatagramSocket second = new DatagramSocket(new InetSocketAddress(loopback, port + 1))) {
                    return port;
                } catch (SocketException busy) {
                    // try another pair
                }
            }
        }
        throw new SocketException("no free even/odd UDP port pair on 127.0.0.1");
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.startsWith("@")) {
                    events.add(line.substring(1));
                } else {
                    synchronized (otherOutput) {
                        otherOutput.addLast(line);
                        if (otherOutput.size() > 50) otherOutput.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            events.add("error stdout closed: " + e.getMessage());
        }
        events.add("exited");
    }

    /** Sends one command line to the peer. */
    void command(String line) throws IOException {
        stdin.write(line + "\n");
        stdin.flush();
    }

    /** Waits (up to 20 s) for the next event starting with {@code prefix}, skipping others; fails on an error event. */
    String await(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            String event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (event == null) Assertions.fail("the npm peer did not report '" + prefix + "' within 20 s; its other output: " + otherOutput());
            if (event.startsWith(prefix)) return event;
            if (event.startsWith("error") || event.equals("exited")) {
                Assertions.fail("the npm peer reported '" + event + "' while waiting for '" + prefix + "'; its other output: " + otherOutput());
            }
        }
    }

    /** The next {@code count} MIDI messages the peer received, as "STATUS DATA1 DATA2" in decimal. */
    List<String> awaitMidi(int count) throws InterruptedException {
        String[] received = new String[count];
        for (int i = 0; i < count; i++) received[i] = await("midi ").substring("midi ".length());
        return List.of(received);
    }

    private String otherOutput() {
        synchronized (otherOutput) {
            return String.join(" | ", otherOutput);
        }
    }

    /** Kills the peer at once (SIGKILL): it says no BY, as when a peer crashes or its machine loses the network. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
        reader.join(5_000);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        reader.join(5_000);
    }
}
