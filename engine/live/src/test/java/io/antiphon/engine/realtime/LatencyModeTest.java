package io.antiphon.engine.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.sound.midi.ShortMessage;

import io.antiphon.engine.perform.PerformerPhase;
import io.antiphon.engine.perform.PerformerStatus;
import io.antiphon.midi.file.TempoMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class LatencyModeTest {

    @Test
    void readsTheNamesUsersType() {
        assertThat(LatencyMode.parse("balanced")).isEqualTo(LatencyMode.BALANCED);
        assertThat(LatencyMode.parse(" LOW ")).isEqualTo(LatencyMode.LOW);
        assertThat(LatencyMode.BALANCED.newWaitStrategy()).isInstanceOf(BalancedWait.class);
        assertThat(LatencyMode.LOW.newWaitStrategy()).isInstanceOf(SpinningWait.class);
        assertThatThrownBy(() -> LatencyMode.parse("fast")).hasMessage("latency mode must be one of balanced, low: fast");
    }

    @ParameterizedTest
    @EnumSource(LatencyMode.class)
    void eachModeAnswersAndLeavesNothingSounding(LatencyMode mode) {
        RecordingReceiver out = new RecordingReceiver(NanoClock.SYSTEM, 10_000);
        PerformerStatus status = new PerformerStatus();
        try (LiveSession session = LiveSession.open(out, TinyPerformers::performer,
                ShellOptions.defaults().withShutdownHook(false).withLatencyMode(mode))) {
            for (int call = 0; call < 3; call++) {
                LiveSessionTest.playCall(session, 60 + call);
                session.control(ShortMessage.CONTROL_CHANGE, 80, 127);
                int answers = call + 1;
                Await.until("answer " + answers, 20, () -> session.readStatus(status) && status.answers() >= answers
                        && status.phase() == PerformerPhase.LISTENING && status.machineNotesSounding() == 0);
            }
            assertThat(session.latency().inputToOutput().count()).isPositive();
        }
        assertThat(RecordedNotes.pair(out.messages(), 0, TempoMap.constant(480, 120), 1).hanging()).isZero();
    }
}
