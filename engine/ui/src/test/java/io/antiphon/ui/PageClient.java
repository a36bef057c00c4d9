package io.antiphon.ui;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A plain HTTP and WebSocket client of a {@link LivePage}, as a browser (or a script) would talk to it. */
final class PageClient implements AutoCloseable {

    static {
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");   // the DNS-rebinding check sends a foreign Host
    }

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private WebSocket socket;

    PageClient(LivePage page) {
        this.base = "http://127.0.0.1:" + page.port();
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String headerName, String headerValue) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header(headerName, headerValue).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode state() throws Exception {
        return JSON.readTree(get("/api/state").body());
    }

    /** Opens the page's WebSocket; every message it receives is kept in {@link #received}. */
    PageClient connect() {
        socket = http.newWebSocketBuilder().buildAsync(URI.create(base.replace("http", "ws") + "/ws"), new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    try {
                        received.add(JSON.readTree(partial.toString()));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    partial.setLength(0);
                }
                webSocket.request(1);
                return null;
            }
        }).join();
        return this;
    }

    /** Opens the page's WebSocket and never reads from it: a stalled browser. */
    PageClient connectWithoutReading() {
        socket = http.newWebSocketBuilder().buildAsync(URI.create(base.replace("http", "ws") + "/ws"), new WebSocket.Listener() {
            @Override
            public void onOpen(WebSocket webSocket) {
                // no request(): nothing is ever read
            }
        }).join();
        return this;
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    /** Whether a received message of {@code type} satisfies {@code test}. */
    boolean saw(String type, java.util.function.Predicate<JsonNode> test) {
        return received.stream().anyMatch(message -> type.equals(message.path("type").asText()) && test.test(message));
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) throw new AssertionError("timed out after 30 s waiting for " + what);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    @Override
    public void close() {
        if (socket != null) socket.abort();
    }
}
