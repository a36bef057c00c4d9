package io.antiphon.cli;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;

import io.antiphon.engine.perform.PerformerParameters;
import io.antiphon.presets.PresetCatalogue;
import io.antiphon.presets.PresetException;
import io.antiphon.ui.LivePage;
import io.antiphon.ui.PageOptions;
import picocli.CommandLine.Option;

/** {@code --ui [PORT]} and {@code --ui-bind ADDRESS}: the live page beside play and demo (see docs/ui.md). */
final class LivePageOptions {

    static final int DEFAULT_PORT = 8765;

    @Option(names = "--ui", arity = "0..1", fallbackValue = "" + DEFAULT_PORT, paramLabel = "PORT",
            description = "Serve the live page (piano roll, the plan, tempo, phase, latency, every parameter as a control) at"
                    + " http://127.0.0.1:PORT/ (default port " + DEFAULT_PORT + ").")
    Integer port;

    @Option(names = "--ui-bind", paramLabel = "ADDRESS",
            description = "With --ui: listen on ADDRESS (e.g. this machine's LAN address, or 0.0.0.0) instead of loopback;"
                    + " the page then needs the token in the address printed at start.")
    String bind;

    /** Whether --ui was given. */
    boolean enabled() {
        return port != null;
    }

    /** Refuses a bad port or address, or --ui-bind without --ui, before any work starts. */
    void check() {
        if (port == null) {
            if (bind != null) throw new IllegalArgumentException("--ui-bind goes with --ui");
            return;
        }
        if (port < 0 || port > 65535) throw new IllegalArgumentException("--ui takes a TCP port 0..65535, got " + port);
        if (bind == null) return;
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--ui-bind " + bind + " is not an address");
        }
        try {
            if (!address.isAnyLocalAddress() && !address.isLoopbackAddress() && NetworkInterface.getByInetAddress(address) == null) {
                throw new IllegalArgumentException("--ui-bind " + bind + " is not an address of this machine");
            }
        } catch (SocketException e) {
            throw new IllegalArgumentException("--ui-bind " + bind + ": the network interfaces cannot be read (" + e.getMessage() + ")");
        }
    }

    /**
     * Starts the page (when --ui was given) and prints its address on {@code err}; null without --ui. Reads
     * {@code parameters} on this thread, before the session opens.
     */
    LivePage start(PerformerParameters parameters, boolean presetSwitch, Path recordFolder, PrintStream err) {
        if (port == null) return null;
        List<String> presets;
        try {
            presets = PresetCatalogue.names();
        } catch (PresetException e) {
            presets = List.of();
        }
        LivePage page = LivePage.start(PageOptions.of(bind, port, presets, presetSwitch, recordFolder), parameters);
        err.println(bind == null ? "live page: " + page.url()
                : "live page (listening on " + bind + "; the token lets anyone who has it play along): " + page.url());
        return page;
    }
}
