package io.antiphon.engine.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Receiver;
import javax.sound.midi.Sequence;
import javax.sound.midi.Sequencer;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import org.junit.jupiter.api.Test;

/** How the demo plays a call through the JDK's sequencer ({@link DemoSession#playCall}). */
class DemoCallPlaybackTest {

    @Test
    void aSequencerThatDropsItsFirstStartStillPlaysTheWholeCall() throws Exception {
        Sequence call = new Sequence(Sequence.PPQ, 480);
        Track track = call.createTrack();
        for (int i = 0; i < 4; i++) {
            track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 0, 60 + i, 90), i * 120L));
            track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, 0, 60 + i, 0), i * 120L + 100));
        }
        AtomicInteger starts = new AtomicInteger();
        Sequencer real = MidiSystem.getSequencer(false);
        // the JDK's sequencer, but its first start is lost, as the real one now and then loses one: stopped at tick 0
        Sequencer dropping = (Sequencer) Proxy.newProxyInstance(Sequencer.class.getClassLoader(),
                new Class<?>[] {Sequencer.class}, (proxy, method, args) -> {
                    if (method.getName().equals("start") && starts.incrementAndGet() == 1) return null;
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        List<Integer> heard = Collections.synchronizedList(new ArrayList<>());
        Receiver human = new Receiver() {
            @Override
            public void send(MidiMessage message, long timeStamp) {
                if (message instanceof ShortMessage m
                        && (m.getCommand() == ShortMessage.NOTE_ON || m.getCommand() == ShortMessage.NOTE_OFF)) {
                    heard.add(m.getCommand() == ShortMessage.NOTE_ON && m.getData2() > 0 ? m.getData1() : -m.getData1());
                }
            }

            @Override
            public void close() {
            }
        };

        DemoSession.playCall(dropping, call, human, "a dropped start");

        assertThat(starts.get()).isEqualTo(2);
        assertThat(heard).containsExactly(60, -60, 61, -61, 62, -62, 63, -63);
    }
}
