package io.antiphon.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antiphon.engine.perform.ControlAction;
import io.antiphon.engine.perform.Parameter;
import io.antiphon.engine.perform.PerformerMode;
import io.antiphon.engine.perform.PerformerParameters;
import io.antiphon.engine.perform.PerformerPhase;
import io.antiphon.engine.realtime.LatencyReport;
import io.antiphon.engine.realtime.ParameterBatch;
import io.antiphon.engine.realtime.SessionObserver;
import io.antiphon.engine.realtime.ShellCounters;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsMessageContext;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.api.Callback;

/**
 * The live page: a local web server beside a live session that shows the music as it is played (a piano
 * roll of the human's and Antiphon's notes, the plan (notes sampled ahead, not yet played) drawn ahead of the now-line),
 * the tempo and beat, the phase, latency and counters, and a control for every parameter.
 *
 * <p>The real-time path never waits for the page: the shell's {@link SessionObserver} ({@link #observer()}) copies
 * into a preallocated ring; the page's own thread drains it every {@value #TICK_MILLIS} ms, keeps the page's state and
 * sends updates to the browsers (asynchronously; a browser more than {@value #MAX_PENDING_SENDS} messages behind is
 * disconnected and reconnects). Changes from the page go to the performer thread as a checked batch
 * ({@link PageSession#setParameters}), as a controller would move them; a controller moved on the keyboard comes back
 * through the ring and moves the page's control.
 *
 * <p>HTTP: {@code GET /} (the page, its {@code app.js} and {@code style.css}, from the jar, nothing else),
 * {@code GET /api/state}, {@code POST /api/parameters} (all-or-nothing; a bad name or value is refused with 400 and
 * one sentence), {@code /ws} (the page's WebSocket). See {@link PageAccess} for who may ask.
 */
public final class LivePage implements AutoCloseable {

    static final long TICK_MILLIS = 33;
    static final int MAX_PENDING_SENDS = 64;
    static final int MAX_MESSAGE_CHARS = 4096;
    private static final int RING_SLOTS = 1 << 14;
    private static final long METERS_EVERY_MILLIS = 500;
    private static final Parameter[] PARAMETERS = Parameter.values();
    private static final String PAGE_FOLDER = "/io/antiphon/ui/page/";
    private static final String INITIAL_STATE = "{\"type\": \"none\"}";
    private static final Map<String, String> PAGE_FILES = Map.of(
            "/", "index.html", "/app.js", "app.js", "/style.css", "style.css");

    private final PageOptions options;
    private final PageAccess access;
    private final WatchRing ring = new WatchRing(RING_SLOTS);
    private final ObjectMapper json = new ObjectMapper();
    private final long originNanos;
    private final Map<String, Integer> actionControllers = new LinkedHashMap<>();
    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private final AtomicLong refusedMessages = new AtomicLong();
    private final AtomicLong slowBrowsers = new AtomicLong();
    private final ScheduledExecutorService pageThread;
    private final Javalin server;

    /** The page's state; the page's thread writes it, HTTP and WebSocket threads read it, all under this lock. */
    private final Object lock = new Object();
    private final double[] values = new double[PARAMETERS.length];
    private final NoteHistory notes = new NoteHistory();
    private final PageRecorder recorder;
    private final List<NoteHistory.PageNote> changedNotes = new ArrayList<>();
    /** The ids of planned notes dropped unsent since the last update. */
    private final List<Long> droppedNotes = new ArrayList<>();
    private final Map<String, Object> changedParameters = new LinkedHashMap<>();
    private PerformerMode mode;
    private PerformerPhase phase = PerformerPhase.LISTENING;
    private double tempoBpm;
    private boolean clockRunning;
    private long bar;
    private int beat;
    private long answers;
    private double nowMs;
    private boolean running;
    private LatencyReport latency;
    private ShellCounters counters;
    private String lastRecording;
    private long metersAtMillis;
    private PageSession session;

    private LivePage(PageOptions options, PerformerParameters parameters) {
        this.options = options;
        this.access = new PageAccess(options);
        this.originNanos = options.clock().nanoTime();
        this.recorder = new PageRecorder(options.recordFolder());
        for (Parameter parameter : PARAMETERS) values[parameter.ordinal()] = parameters.get(parameter);
        for (ControlAction action : ControlAction.values()) {
            int cc = parameters.controls().controllerOf(action);
            if (cc >= 0) actionControllers.put(action.label(), cc);
        }
        this.mode = parameters.mode();
        this.tempoBpm = parameters.tempoBpm();
        this.pageThread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "antiphon-page");
            thread.setDaemon(true);
            return thread;
        });
        QueuedThreadPool pool = new QueuedThreadPool(16, 2);
        pool.setName("antiphon-page-http");
        pool.setDaemon(true);
        this.server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.host = options.bind().getHostAddress();
            config.jetty.port = options.port();
            config.jetty.threadPool = pool;
            config.http.maxRequestSize = 64 * 1024;
            config.jetty.modifyWebSocketServletFactory(factory -> {
                factory.setMaxTextMessageSize(MAX_MESSAGE_CHARS);
                factory.setMaxBinaryMessageSize(16);
                factory.setIdleTimeout(java.time.Duration.ofMinutes(10));
            });
            config.routes.exception(PageAccess.Refusal.class, (refusal, ctx) ->
                    ctx.status(refusal.status()).contentType("text/plain; charset=utf-8").result(refusal.getMessage() + "\n"));
            config.routes.before(access::check);
            config.routes.wsBeforeUpgrade(ctx -> {
                access.check(ctx);
                access.checkOrigin(ctx);
            });
            for (Map.Entry<String, String> file : PAGE_FILES.entrySet()) {
                byte[] bytes = pageFile(file.getValue());
                String type = contentType(file.getValue());
                if (file.getKey().equals("/")) {
                    // the page arrives with the state in it: it draws at once, before its WebSocket connects
                    String html = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
                    config.routes.get("/", ctx -> serveFile(ctx, html.replace(INITIAL_STATE, write(hello()).replace("</", "<\\/"))
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8), type));
                } else {
                    config.routes.get(file.getKey(), ctx -> serveFile(ctx, bytes, type));
                }
            }
            config.routes.get("/api/state", ctx -> ctx.json(state()));
            config.routes.post("/api/parameters", this::postParameters);
            config.routes.ws("/ws", ws -> {
                ws.onConnect(this::connected);
                ws.onMessage(this::message);
                ws.onBinaryMessage(ctx -> refuse(ctx, "the page speaks JSON text, not binary"));
                ws.onClose(ctx -> clients.removeIf(client -> client.ctx.sessionId().equals(ctx.sessionId())));
                ws.onError(ctx -> clients.removeIf(client -> client.ctx.sessionId().equals(ctx.sessionId())));
            });
        });
    }

    /**
     * Starts the page's server and thread. Read {@code parameters} now, on this thread, before the session opens (the
     * performer thread owns them afterwards).
     *
     * @throws IllegalStateException with one sentence when the address or port cannot be used
     */
    public static LivePage start(PageOptions options, PerformerParameters parameters) {
        LivePage page = new LivePage(options, parameters);
        try {
            page.server.start();
        } catch (RuntimeException e) {
            page.pageThread.shutdownNow();
            throw new IllegalStateException("the live page cannot listen on " + options.bind().getHostAddress() + ":"
                    + options.port() + " (" + rootMessage(e) + ")", e);
        }
        page.pageThread.scheduleWithFixedDelay(page::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        return page;
    }

    /** What the shell tells the page: pass it to {@code ShellOptions.withObserver}. Allocation-free, never blocks. */
    public SessionObserver observer() {
        return ring;
    }

    /** The session the page controls, from when it opens; the page shows it as running. */
    public void attach(PageSession session) {
        synchronized (lock) {
            this.session = session;
            this.running = true;
        }
    }

    /**
     * The session has ended: the page keeps showing what was played (its clock stops) and stays up until
     * {@link #close}; parameter changes are then kept on the page only.
     */
    public void detach() {
        tick();   // what the ring still holds
        synchronized (lock) {
            if (session != null) {
                latency = session.latency();
                counters = session.counters();
            }
            session = null;
            running = false;
            for (NoteHistory.PageNote planned : notes.dropAllPlans()) noteDropped(planned);
            notes.endAll(NoteHistory.Part.HUMAN, nowMs);
            notes.endAll(NoteHistory.Part.MACHINE, nowMs);
        }
        broadcast(update(true));
    }

    /** The page's address, with the token when one is needed. */
    public String url() {
        String host = options.bind().getHostAddress();
        if (host.contains(":")) host = "[" + host + "]";
        return "http://" + host + ":" + server.port() + "/" + (options.token() == null ? "" : "?token=" + options.token());
    }

    /** The port the page listens on (useful with port 0). */
    public int port() {
        return server.port();
    }

    /** WebSocket messages refused (not JSON, unknown type, bad name or value). */
    public long refusedMessages() {
        return refusedMessages.get();
    }

    /** Events the real-time side dropped because the page's thread had not drained them. */
    public long droppedEvents() {
        return ring.dropped();
    }

    /** Browsers connected now. */
    public int browsers() {
        return clients.size();
    }

    /** Stops the server and the page's thread. */
    @Override
    public void close() {
        pageThread.shutdownNow();
        server.stop();
    }

    // ---- the page's thread ----

    private void tick() {
        try {
            synchronized (lock) {
                ring.drain(this::onEvent);
                long wallMillis = System.currentTimeMillis();
                if (session != null && wallMillis - metersAtMillis >= METERS_EVERY_MILLIS) {
                    metersAtMillis = wallMillis;
                    latency = session.latency();
                    counters = session.counters();
                    running = session.isRunning();
                }
            }
            broadcast(update(false));
        } catch (Exception | LinkageError e) {
            // the page must outlive anything a browser or a drain throws; the performer is not involved
            org.slf4j.LoggerFactory.getLogger(LivePage.class).warn("live page: {}", e.toString());
        }
    }

    private boolean onEvent(WatchEvent event, long sequence, boolean endOfBatch) {
        switch (event.kind) {
            case HUMAN -> {
                int command = event.status & 0xF0;
                if (command == 0x90 || command == 0x80) {
                    noteChanged(notes.note(NoteHistory.Part.HUMAN, event.status & 0x0F, event.data1,
                            command == 0x90 ? event.data2 : 0, millisOf(event.nanos)));
                }
            }
            case MACHINE -> noteChanged(notes.note(NoteHistory.Part.MACHINE, event.status, event.data1, event.data2,
                    millisOf(event.nanos)));
            case PLANNED -> noteChanged(notes.planned(event.status, event.data1, event.data2, millisOf(event.nanos)));
            case DROPPED -> noteDropped(notes.dropped(event.status, event.data1, millisOf(event.nanos)));
            case PARAMETER -> {
                values[event.data1] = event.value;
                changedParameters.put(PARAMETERS[event.data1].label(), event.value);
            }
            case STATUS -> {
                nowMs = millisOf(event.nanos);
                mode = event.mode;
                phase = event.phase;
                tempoBpm = event.tempoBpm;
                clockRunning = event.clockRunning;
                bar = event.bar;
                beat = event.beat;
                answers = event.answers;
            }
        }
        return true;
    }

    private void noteDropped(NoteHistory.PageNote note) {
        if (note == null) return;
        changedNotes.remove(note);
        droppedNotes.add(note.id);
    }

    private void noteChanged(NoteHistory.PageNote note) {
        if (note == null) return;
        changedNotes.add(note);
        if (!Double.isNaN(note.endMs)) recorder.ended(note);
    }

    private double millisOf(long nanos) {
        return (nanos - originNanos) / 1e6;
    }

    // ---- what the browsers get ----

    /** The update since the last one (all of the status every time, notes and parameters that changed); null if none. */
    private String update(boolean always) {
        Map<String, Object> message;
        synchronized (lock) {
            if (!always && clients.isEmpty()) {
                changedNotes.clear();
                droppedNotes.clear();
                changedParameters.clear();
                return null;
            }
            message = status("update");
            List<List<Object>> rows = new ArrayList<>(changedNotes.size());
            for (NoteHistory.PageNote note : changedNotes) rows.add(note.toList());
            message.put("notes", rows);
            message.put("dropped", new ArrayList<>(droppedNotes));
            message.put("changed", new LinkedHashMap<>(changedParameters));
            droppedNotes.clear();
            changedNotes.clear();
            changedParameters.clear();
        }
        return write(message);
    }

    /** The status part of every message. Under the lock. */
    private Map<String, Object> status(String type) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", type);
        message.put("running", running);
        message.put("now_ms", NoteHistory.round(nowMs));
        message.put("mode", mode == null ? null : Parameter.MODE.choices().get(mode.ordinal()));
        message.put("phase", phase.name().toLowerCase(java.util.Locale.ROOT));
        message.put("tempo_bpm", Math.round(tempoBpm * 100) / 100.0);
        message.put("clock_running", clockRunning);
        message.put("bar", bar);
        message.put("beat", beat);
        message.put("beats_per_bar", (int) values[Parameter.BEATS_PER_BAR.ordinal()]);
        message.put("answers", answers);
        message.put("recording", recorder.recording());
        message.put("last_recording", lastRecording);
        message.put("latency", latency == null ? null : latency.toMap());
        Map<String, Object> counted = new LinkedHashMap<>();
        if (counters != null) counted.putAll(counters.toMap());
        counted.put("page_events_dropped", ring.dropped());
        counted.put("page_messages_refused", refusedMessages.get());
        counted.put("page_slow_browsers", slowBrowsers.get());
        message.put("counters", counted);
        return message;
    }

    /** The state {@code GET /api/state} returns, and a browser's first message (with the controls and notes). */
    Map<String, Object> state() {
        synchronized (lock) {
            Map<String, Object> state = status("state");
            state.put("parameters", parameterValues());
            List<Map<String, Object>> presets = new ArrayList<>();
            for (int program = 0; program < options.presets().size(); program++) {
                Map<String, Object> preset = new LinkedHashMap<>();
                preset.put("name", options.presets().get(program));
                preset.put("program", program);
                presets.add(preset);
            }
            state.put("presets", presets);
            state.put("preset_switching", options.presetSwitch());
            return state;
        }
    }

    private Map<String, Object> parameterValues() {
        Map<String, Object> byName = new LinkedHashMap<>();
        for (Parameter parameter : PARAMETERS) byName.put(parameter.label(), values[parameter.ordinal()]);
        return byName;
    }

    private Map<String, Object> hello() {
        Map<String, Object> hello = state();
        hello.put("type", "hello");
        List<Map<String, Object>> controls = new ArrayList<>();
        for (Parameter parameter : PARAMETERS) {
            Map<String, Object> control = new LinkedHashMap<>();
            control.put("name", parameter.label());
            control.put("min", parameter.min());
            control.put("max", parameter.max());
            control.put("whole", parameter.whole());
            control.put("choices", parameter.choices());
            control.put("default", parameter.defaultValue());
            controls.add(control);
        }
        hello.put("controls", controls);
        hello.put("actions", new ArrayList<>(actionControllers.keySet()));
        synchronized (lock) {
            List<List<Object>> rows = new ArrayList<>();
            for (NoteHistory.PageNote note : notes.all()) rows.add(note.toList());
            hello.put("notes", rows);
        }
        return hello;
    }

    private void broadcast(String message) {
        if (message == null) return;
        for (Client client : clients) client.send(message);
    }

    private String write(Object message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the page's message cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    /** One connected browser: sends never block; one too far behind is disconnected. */
    private final class Client {
        final WsContext ctx;
        final AtomicInteger pending = new AtomicInteger();

        Client(WsContext ctx) {
            this.ctx = ctx;
        }

        void send(String message) {
            if (!ctx.session.isOpen()) {
                clients.remove(this);
                return;
            }
            if (pending.incrementAndGet() > MAX_PENDING_SENDS) {
                slowBrowsers.incrementAndGet();
                clients.remove(this);
                ctx.session.close(1013, "too slow: reconnect", Callback.NOOP);
                return;
            }
            ctx.session.sendText(message, Callback.from(pending::decrementAndGet, failure -> pending.decrementAndGet()));
        }
    }

    private void connected(WsContext ctx) {
        Client client = new Client(ctx);
        client.send(write(hello()));
        clients.add(client);
    }

    // ---- what the browsers and the API ask ----

    private void message(WsMessageContext ctx) {
        JsonNode message;
        try {
            message = json.readTree(ctx.message());
        } catch (IOException e) {
            refuse(ctx, "a message must be a JSON object such as {\"type\": \"set\", \"name\": \"temperature\", \"value\": 0.5}");
            return;
        }
        if (message == null || !message.isObject() || !message.path("type").isTextual()) {
            refuse(ctx, "a message must be a JSON object with a \"type\"");
            return;
        }
        String error = switch (message.get("type").asText()) {
            case "set" -> message.path("name").isTextual() && message.has("value")
                    ? setParameters(Map.of(message.get("name").asText(), valueOf(message.get("value"))))
                    : "a set message needs a \"name\" and a \"value\"";
            case "preset" -> switchPreset(message.path("program"));
            case "action" -> action(message.path("name").asText(""));
            case "record" -> record();
            case "stop" -> stopRecording();
            default -> "unknown message type '" + abbreviate(message.get("type").asText()) + "'";
        };
        if (error != null) refuse(ctx, error);
    }

    private void refuse(WsContext ctx, String sentence) {
        refusedMessages.incrementAndGet();
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("type", "error");
        reply.put("message", sentence);
        for (Client client : clients) {
            if (client.ctx.sessionId().equals(ctx.sessionId())) client.send(write(reply));
        }
    }

    private void postParameters(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            plain(ctx, 415, "send the parameters as a JSON object with Content-Type: application/json");
            return;
        }
        JsonNode body;
        try {
            body = json.readTree(ctx.body());
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            plain(ctx, 400, "the body must be a JSON object of parameter names and values, such as {\"temperature\": 0.5}");
            return;
        }
        Map<String, Object> byName = new LinkedHashMap<>();
        body.fields().forEachRemaining(field -> byName.put(field.getKey(), valueOf(field.getValue())));
        String error = setParameters(byName);
        if (error != null) {
            plain(ctx, error.startsWith("the performer") ? 503 : 400, error);
            return;
        }
        synchronized (lock) {
            ctx.json(parameterValues());
        }
    }

    private static Object valueOf(JsonNode value) {
        if (value.isNumber()) return value.doubleValue();
        if (value.isTextual()) return value.asText();
        return value.isNull() ? null : value.toString();
    }

    /**
     * Checks every name and value, then sets them all on the performer thread (or on the page alone once the session
     * has ended). Returns null, or the one sentence that says why nothing was changed.
     */
    String setParameters(Map<String, Object> byName) {
        Map<Parameter, Double> parsed = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, Object> entry : byName.entrySet()) {
                Parameter parameter = Parameter.byLabel(entry.getKey());
                Object value = entry.getValue();
                double number;
                if (value instanceof Double d) {
                    number = d;
                    parameter.check(number);
                } else if (value instanceof String text && !text.isBlank() && !text.strip().startsWith("{") && !text.strip().startsWith("[")) {
                    number = parameter.parse(text);
                } else if (value == null) {
                    throw new IllegalArgumentException("performer parameter '" + parameter.label() + "' has no value");
                } else {
                    throw new IllegalArgumentException("performer parameter '" + parameter.label() + "' takes a number or a name, not " + abbreviate(String.valueOf(value)));
                }
                parsed.put(parameter, number);
            }
        } catch (IllegalArgumentException e) {
            return abbreviate(e.getMessage());
        }
        if (parsed.isEmpty()) return null;
        PageSession target;
        synchronized (lock) {
            target = session;
        }
        if (target != null && target.isRunning() && !target.setParameters(new ParameterBatch(parsed))) {
            return "the performer did not take the change in time; nothing was changed";
        }
        synchronized (lock) {
            for (Map.Entry<Parameter, Double> entry : parsed.entrySet()) {
                values[entry.getKey().ordinal()] = entry.getValue();
                changedParameters.put(entry.getKey().label(), entry.getValue());
            }
        }
        return null;
    }

    private String switchPreset(JsonNode program) {
        if (!program.canConvertToInt() || program.asInt() < 0 || program.asInt() >= options.presets().size()) {
            return "choose a preset by its program number 0.." + (options.presets().size() - 1);
        }
        if (!options.presetSwitch()) return "this session does not switch presets (play in call or jam mode does)";
        PageSession target = runningSession();
        if (target == null) return "no performance is running";
        return target.control(0xC0, program.asInt(), 0) ? null : "the performer's input is full; try again";
    }

    private String action(String name) {
        Integer cc = actionControllers.get(name);
        if (cc == null) return "unknown action '" + abbreviate(name) + "'; actions: " + String.join(", ", actionControllers.keySet());
        PageSession target = runningSession();
        if (target == null) return "no performance is running";
        return target.control(0xB0, cc, 127) ? null : "the performer's input is full; try again";
    }

    private String record() {
        synchronized (lock) {
            if (recorder.recording()) return "already recording";
            recorder.start(nowMs);
            lastRecording = null;
        }
        return null;
    }

    private String stopRecording() {
        synchronized (lock) {
            if (!recorder.recording()) return "not recording";
            try {
                Path file = recorder.stop(tempoBpm > 0 ? tempoBpm : values[Parameter.TEMPO_BPM.ordinal()]);
                lastRecording = file.toString();
                return null;
            } catch (IOException | RuntimeException e) {
                return "the recording could not be written to " + options.recordFolder() + ": " + e.getMessage();
            }
        }
    }

    private PageSession runningSession() {
        synchronized (lock) {
            return session != null && session.isRunning() ? session : null;
        }
    }

    private static void plain(Context ctx, int status, String sentence) {
        ctx.status(status).contentType("text/plain; charset=utf-8").result(sentence + "\n");
    }

    private static void serveFile(Context ctx, byte[] bytes, String type) {
        ctx.header("Content-Security-Policy", "default-src 'self'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", "no-store");
        ctx.contentType(type).result(bytes);
    }

    private static byte[] pageFile(String name) {
        try (InputStream in = LivePage.class.getResourceAsStream(PAGE_FOLDER + name)) {
            if (in == null) throw new IllegalStateException("the page's file " + name + " is missing from the jar");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("the page's file " + name + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static String contentType(String name) {
        if (name.endsWith(".html")) return "text/html; charset=utf-8";
        if (name.endsWith(".js")) return "text/javascript; charset=utf-8";
        return "text/css; charset=utf-8";
    }

    static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) root = root.getCause();
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
