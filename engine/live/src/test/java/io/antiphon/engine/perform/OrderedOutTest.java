package io.antiphon.engine.perform;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OrderedOutTest {

    @Test
    void sendTimesNeverDecreaseAndNeverPrecedeThePresent() {
        List<Long> times = new ArrayList<>();
        OrderedOut out = new OrderedOut((nanos, status, data1, data2) -> times.add(nanos));
        out.send(100, 0x90, 60, 80);
        out.send(90, 0x80, 60, 0);        // stamped before the previous message: sent at its time
        out.notBefore(500);
        out.send(400, 0x90, 62, 80);      // a tick that has just passed: stamped now
        out.send(700, 0x80, 62, 0);       // the future keeps its time
        assertThat(times).containsExactly(100L, 100L, 500L, 700L);
    }
}
