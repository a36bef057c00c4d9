package io.antiphon.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.sound.midi.ShortMessage;

import com.fasterxml.jackson.databind.JsonNode;
import io.antiphon.engine.perform.Parameter;
import io.antiphon.engine.perform.PerformerParameters;
import io.antiphon.engine.realtime.LiveSession;
import io.antiphon.engine.realtime.NanoClock;
import io.antiphon.engine.realtime.RecordingReceiver;
import io.antiphon.engine.realtime.ShellOptions;
import io.antiphon.engine.realtime.TinyPerformers;
import io.antiphon.engine.perform.Performer;
import io.antiphon.midi.file.MidiFileReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page's HTTP API, WebSocket and access rules, against a real live session on a tiny model. */
class LivePageTest {

    private static final int ANSWER_NOW_CC = 80;
    private static final int TEMPERATURE_CC = 16;

    @TempDir
    Path folder;

    private PageOptions loopback() {
        return new PageOptions(InetAddress.getLoopbackAddress(), 0, null, List.of("chorale", "folk"), false, folder, NanoClock.SYSTEM);
    }

    @Test
    void stateAndParametersThroughTheApiAllOrNothing() throws Exception {
        PerformerParameters parameters = TinyPerformers.parameters();
        try (LivePage page = LivePage.start(loopback(), parameters);
             LiveSession session = open(page, parameters);
             PageClient client = new PageClient(page)) {
            page.attach(PageSession.of(session));
            JsonNode state = client.state();
            assertThat(state.path("mode").asText()).isEqualTo("call");
            assertThat(state.path("phase").asText()).isEqualTo("listening");
            assertThat(state.path("tempo_bpm").asDouble()).isEqualTo(240.0);
            assertThat(state.path("parameters").size()).isEqualTo(Parameter.values().length);
            assertThat(state.path("parameters").path("plan_beats").asDouble()).as("how far ahead the model plans").isEqualTo(0.0);
            assertThat(state.path("presets").get(1).path("name").asText()).isEqualTo("folk");

            HttpResponse<String> ok = client.post("/api/parameters", "application/json", "{\"temperature\": 0.5, \"scale\": \"dorian\"}");
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(client.state().path("parameters").path("temperature").asDouble()).isEqualTo(0.5);
            assertThat(client.state().path("parameters").path("scale").asDouble()).isEqualTo(4.0);

            HttpResponse<String> hot = client.post("/api/parameters", "application/json", "{\"top_p\": 0.5, \"temperature\": \"hot\"}");
            assertThat(hot.statusCode()).isEqualTo(400);
            assertThat(hot.body().strip()).isEqualTo("performer parameter 'temperature' takes a number within 0.0..2.0, not 'hot'");
            HttpResponse<String> unknown = client.post("/api/parameters", "application/json", "{\"warmth\": 1}");
            assertThat(unknown.statusCode()).isEqualTo(400);
            assertThat(unknown.body()).startsWith("unknown performer parameter 'warmth'");
            assertThat(client.post("/api/parameters", "application/json", "[1, 2]").statusCode()).isEqualTo(400);
            assertThat(client.post("/api/parameters", "text/plain", "{\"temperature\": 1}").statusCode()).isEqualTo(415);
            JsonNode after = client.state().path("parameters");
            assertThat(after.path("top_p").asDouble()).as("nothing of a refused change is set").isEqualTo(0.95);
            assertThat(after.path("temperature").asDouble()).isEqualTo(0.5);
        }
        assertThat(parameters.temperature()).as("the performer's own parameter").isEqualTo(0.5);
        assertThat(parameters.topP()).isEqualTo(0.95);
    }

    @Test
    void theWebSocketShowsNotesAndControllerMovesAndRefusesBadMessages() throws Exception {
        PerformerParameters parameters = TinyPerformers.parameters();
        try (LivePage page = LivePage.start(loopback(), parameters);
             LiveSession session = open(page, parameters);
             PageClient client = new PageClient(page).connect()) {
            page.attach(PageSession.of(session));
            PageClient.await("the hello", () -> client.saw("hello", hello -> hello.path("controls").size() == Parameter.values().length));
            for (int key : new int[]{60, 64, 67}) {
                session.input().send(new ShortMessage(ShortMessage.NOTE_ON, 0, key, 90), -1);
                session.input().send(new ShortMessage(ShortMessage.NOTE_OFF, 0, key, 0), -1);
            }
            session.control(ShortMessage.CONTROL_CHANGE, ANSWER_NOW_CC, 127);
            session.input().send(new ShortMessage(ShortMessage.CONTROL_CHANGE, 0, TEMPERATURE_CC, 127), -1);
            PageClient.await("human and machine notes", () -> client.saw("update", u -> hasPart(u, "human"))
                    && client.saw("update", u -> hasPart(u, "machine")));
            PageClient.await("the controller's move", () -> client.saw("update", u -> u.path("changed").path("temperature").asDouble() == 2.0));

            client.send("not json");
            client.send("{\"type\": \"set\", \"name\": \"temperature\", \"value\": \"hot\"}");
            client.send("{\"type\": \"launch\"}");
            PageClient.await("three refusals", () -> page.refusedMessages() == 3);
            PageClient.await("the refusal's sentence", () -> client.saw("error", e -> e.path("message").asText()
                    .equals("performer parameter 'temperature' takes a number within 0.0..2.0, not 'hot'")));

            client.send("{\"type\": \"set\", \"name\": \"key_root\", \"value\": \"D\"}");
            PageClient.await("key_root set", () -> client.saw("update", u -> u.path("changed").path("key_root").asDouble() == 2.0));
            client.send("{\"type\": \"record\"}");
            PageClient.await("recording", () -> client.saw("update", u -> u.path("recording").asBoolean()));
            session.input().send(new ShortMessage(ShortMessage.NOTE_ON, 0, 72, 90), -1);
            session.input().send(new ShortMessage(ShortMessage.NOTE_OFF, 0, 72, 0), -1);
            PageClient.await("the note after record", () -> client.saw("update", u -> hasKey(u, 72)));
            client.send("{\"type\": \"stop\"}");
            PageClient.await("the recording written", () -> client.saw("update", u -> !u.path("last_recording").isNull()));
        }
        assertThat(parameters.keyRoot()).isEqualTo(2);
        try (var files = Files.list(folder)) {
            Path written = files.filter(f -> f.toString().endsWith(".mid")).findFirst().orElseThrow();
            assertThat(MidiFileReader.read(written).notes()).anyMatch(note -> note.pitch() == 72);
        }
    }

    @Test
    void thePlanIsShownAheadOfNowAndADroppedPlanDisappears() throws Exception {
        PerformerParameters parameters = TinyPerformers.parameters();
        parameters.set(Parameter.PLAN_BEATS, 4);          // a second at 240 BPM
        parameters.set(Parameter.ANSWER_MIN_BEATS, 16);   // four seconds of answer: a barge-in finds notes planned
        parameters.set(Parameter.ANSWER_MAX_BEATS, 16);
        try (LivePage page = LivePage.start(loopback(), parameters);
             LiveSession session = open(page, parameters);
             PageClient client = new PageClient(page).connect()) {
            page.attach(PageSession.of(session));
            PageClient.await("the hello", () -> client.saw("hello", hello -> true));
            for (int key : new int[]{60, 64, 67}) {
                session.input().send(new ShortMessage(ShortMessage.NOTE_ON, 0, key, 90), -1);
                session.input().send(new ShortMessage(ShortMessage.NOTE_OFF, 0, key, 0), -1);
            }
            session.control(ShortMessage.CONTROL_CHANGE, ANSWER_NOW_CC, 127);
            PageClient.await("a planned note ahead of now", () -> client.saw("update", LivePageTest::hasPlanAhead));
            PageClient.await("a planned note played", () -> client.saw("update", u -> {
                for (JsonNode note : u.path("notes")) {
                    if (note.get(1).asText().equals("machine") && !note.get(6).asBoolean()) return true;
                }
                return false;
            }));
            session.input().send(new ShortMessage(ShortMessage.NOTE_ON, 0, 48, 90), -1);   // a barge-in
            PageClient.await("the dropped plan", () -> client.saw("update", u -> u.path("dropped").size() > 0));
            session.input().send(new ShortMessage(ShortMessage.NOTE_OFF, 0, 48, 0), -1);
        }
    }

    /** Whether {@code update} has a planned note that starts after the update's now. */
    static boolean hasPlanAhead(JsonNode update) {
        for (JsonNode note : update.path("notes")) {
            if (note.get(6).asBoolean() && note.get(4).asDouble() > update.path("now_ms").asDouble()) return true;
        }
        return false;
    }

    @Test
    void onlyItsOwnFilesOnlyByItsNameAndOnTheLanOnlyWithTheToken() throws Exception {
        PerformerParameters parameters = new PerformerParameters();
        try (LivePage page = LivePage.start(loopback(), parameters); PageClient client = new PageClient(page)) {
            assertThat(client.get("/").body()).contains("<canvas id=\"roll\"");
            assertThat(client.get("/app.js").statusCode()).isEqualTo(200);
            assertThat(client.get("/index.html").statusCode()).isEqualTo(404);
            assertThat(client.get("/io/antiphon/ui/LivePage.class").statusCode()).isEqualTo(404);
            assertThat(client.get("/..%2f..%2fetc/passwd").statusCode()).isIn(400, 404);
            assertThat(client.get("/api/state", "Host", "attacker.example:8765").statusCode()).as("DNS rebinding").isEqualTo(403);
        }
        PageOptions lan = new PageOptions(InetAddress.getLoopbackAddress(), 0, "0123456789abcdef0123", List.of(), false, folder, NanoClock.SYSTEM);
        try (LivePage page = LivePage.start(lan, parameters); PageClient client = new PageClient(page)) {
            assertThat(page.url()).endsWith("/?token=0123456789abcdef0123");
            assertThat(client.get("/api/state").statusCode()).isEqualTo(403);
            assertThat(client.get("/api/state?token=wrong").statusCode()).isEqualTo(403);
            HttpResponse<String> withToken = client.get("/?token=0123456789abcdef0123");
            assertThat(withToken.statusCode()).isEqualTo(200);
            assertThat(withToken.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie).contains("HttpOnly"));
            assertThat(client.get("/api/state", "Authorization", "Bearer 0123456789abcdef0123").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aPortInUseIsOneSentence() {
        PerformerParameters parameters = new PerformerParameters();
        try (LivePage first = LivePage.start(loopback(), parameters)) {
            PageOptions same = new PageOptions(InetAddress.getLoopbackAddress(), first.port(), null, List.of(), false, folder, NanoClock.SYSTEM);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> LivePage.start(same, parameters))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("the live page cannot listen on 127.0.0.1:" + first.port() + " (");
        }
    }

    private static LiveSession open(LivePage page, PerformerParameters parameters) {
        return LiveSession.open(new RecordingReceiver(NanoClock.SYSTEM, 100_000),
                out -> new Performer(TinyPerformers.kernel(), parameters, 5L, out),
                ShellOptions.defaults().withShutdownHook(false).withObserver(page.observer()));
    }

    static boolean hasPart(JsonNode update, String part) {
        for (JsonNode note : update.path("notes")) {
            if (note.get(1).asText().equals(part)) return true;
        }
        return false;
    }

    private static boolean hasKey(JsonNode update, int key) {
        for (JsonNode note : update.path("notes")) {
            if (note.get(2).asInt() == key) return true;
        }
        return false;
    }
}
