package io.antiphon.ui;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import io.antiphon.engine.realtime.NanoClock;

/**
 * How the live page is served.
 *
 * @param bind         the address to listen on: loopback by default; any other address needs the token
 * @param port         the TCP port (0: any free port)
 * @param token        the secret a request must carry ({@code ?token=} once, then a cookie) when {@code bind} is not
 *                     loopback; null on loopback
 * @param presets      the presets the page offers, by Program Change number (index), or empty
 * @param presetSwitch whether choosing a preset sends its Program Change (the session loads programs)
 * @param recordFolder where Record/Stop writes its MIDI files
 * @param clock        the session's clock (times on the page count from when the page opened)
 */
public record PageOptions(InetAddress bind, int port, String token, List<String> presets, boolean presetSwitch,
                          Path recordFolder, NanoClock clock) {

    public PageOptions {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(presets, "presets");
        Objects.requireNonNull(recordFolder, "recordFolder");
        Objects.requireNonNull(clock, "clock");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("--ui port must be 0..65535, got " + port);
        if (!bind.isLoopbackAddress() && (token == null || token.length() < 16)) {
            throw new IllegalArgumentException("a page bound to " + bind.getHostAddress() + " (not loopback) needs a token");
        }
        presets = List.copyOf(presets);
    }

    /**
     * Options for {@code --ui PORT} and {@code --ui-bind ADDRESS}: loopback without a token, any other address with a
     * fresh random token.
     *
     * @throws IllegalArgumentException naming the address when it is not one of this machine's
     */
    public static PageOptions of(String bindAddress, int port, List<String> presets, boolean presetSwitch, Path recordFolder) {
        InetAddress bind;
        try {
            bind = bindAddress == null ? InetAddress.getLoopbackAddress() : InetAddress.getByName(bindAddress);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--ui-bind " + bindAddress + " is not an address of this machine");
        }
        return new PageOptions(bind, port, bind.isLoopbackAddress() ? null : newToken(), presets, presetSwitch,
                recordFolder, NanoClock.SYSTEM);
    }

    /** 128 random bits in hex. */
    static String newToken() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
