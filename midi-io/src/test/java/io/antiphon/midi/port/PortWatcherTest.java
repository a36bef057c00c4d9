package io.antiphon.midi.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Receiver;
import javax.sound.midi.Sequence;
import javax.sound.midi.Sequencer;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import javax.sound.midi.VoiceStatus;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;

import com.sun.media.sound.AudioSynthesizer;
import org.junit.jupiter.api.Test;

class PortWatcherTest {

    private static final Duration NEVER = Duration.ofHours(1);

    /** What is plugged in: the watcher reads it on every check. */
    private final AtomicReference<List<MidiPorts.Port>> plugged = new AtomicReference<>(List.of());
    private final List<String> events = new ArrayList<>();
    private final PortWatcher.Events recordEvents = new PortWatcher.Events() {
        @Override
        public synchronized void lost(String direction, String name) {
            events.add("lost " + direction + " " + name);
        }

        @Override
        public synchronized void reconnected(String direction, String name) {
            events.add("reconnected " + direction + " " + name);
        }
    };

    @Test
    void gervillClosedMidAnswerIsLostWithoutFurtherExceptionsAndTakenBackWhenItReturns() throws Exception {
        AudioSynthesizer gervill = (AudioSynthesizer) MidiSystem.getSynthesizer();
        AudioFormat format = new AudioFormat(44_100, 16, 2, true, false);
        gervill.openStream(format, null);
        MidiPorts.Port port = new MidiPorts.Port(MidiPorts.describe(gervill.getDeviceInfo(), gervill, OperatingSystem.current()), gervill);
        plugged.set(List.of(port));
        try (PortWatcher watcher = new PortWatcher(plugged::get, NEVER, recordEvents)) {
            SupervisedOutput out = watcher.openOutput("gervill");
            out.send(noteOn(60), -1);

            gervill.close();                       // the synthesizer goes away mid-answer: its receiver throws
            plugged.set(List.of());
            assertThatThrownBy(() -> out.send(noteOff(60), -1)).isInstanceOf(IllegalStateException.class)
                    .isNotSameAs(PortLostException.INSTANCE);
            assertThat(out.connected()).isFalse();
            assertThatThrownBy(() -> out.send(noteOn(61), -1)).isSameAs(PortLostException.INSTANCE);
            watcher.checkNow();
            assertThat(out.connected()).isFalse();

            AudioInputStream stream = gervill.openStream(format, null);   // it returns
            plugged.set(List.of(port));
            watcher.checkNow();

            assertThat(out.connected()).isTrue();
            out.send(noteOn(62), -1);
            stream.read(new byte[4_410 * 4]);      // render 25 ms so the synthesizer takes the note
            assertThat(activeNotes(gervill)).contains(62).doesNotContain(60, 61);
            assertThat(out.failures()).isEqualTo(1);
            assertThat(out.refused()).isEqualTo(1);
            assertThat(out.losses()).isEqualTo(1);
            assertThat(out.reconnects()).isEqualTo(1);
            assertThat(events).containsExactly("lost output Gervill", "reconnected output Gervill");
        } finally {
            gervill.close();
        }
    }

    @Test
    void aReturningOutputGetsAllNotesOffOnEveryChannelBeforeAnythingElse() throws Exception {
        UnpluggableDevice synth = new UnpluggableDevice("Synth A");
        plugged.set(List.of(synth.port()));
        try (PortWatcher watcher = new PortWatcher(plugged::get, NEVER, recordEvents)) {
            SupervisedOutput out = watcher.openOutput("synth");
            out.send(noteOn(60), -1);

            plugged.set(List.of());                // unplugged without an error (sends would just vanish)
            watcher.checkNow();
            assertThat(synth.isOpen()).as("the lost device is closed").isFalse();
            assertThatThrownBy(() -> out.send(noteOn(64), -1)).isSameAs(PortLostException.INSTANCE);

            plugged.set(List.of(synth.port()));
            watcher.checkNow();
            out.send(noteOn(67), -1);

            List<int[]> received = synth.received();
            assertThat(received).hasSize(1 + 16 + 1);
            assertThat(received.get(0)).containsExactly(0x90, 60, 100);
            for (int channel = 0; channel < 16; channel++) {
                assertThat(received.get(1 + channel)).containsExactly(0xB0 | channel, 123, 0);
            }
            assertThat(received.get(17)).containsExactly(0x90, 67, 100);
            assertThat(events).containsExactly("lost output Synth A", "reconnected output Synth A");
        }
    }

    @Test
    void theWatcherThreadIsWokenByAFailedSendAndReopensAPortThatIsStillListed() throws Exception {
        UnpluggableDevice synth = new UnpluggableDevice("Synth B");
        plugged.set(List.of(synth.port()));
        CountDownLatch reconnected = new CountDownLatch(1);
        PortWatcher.Events events = new PortWatcher.Events() {
            @Override
            public void reconnected(String direction, String name) {
                reconnected.countDown();
            }
        };
        try (PortWatcher watcher = new PortWatcher(plugged::get, NEVER, events)) {
            SupervisedOutput out = watcher.openOutput("Synth B");
            watcher.start();
            synth.fail();
            assertThatThrownBy(() -> out.send(noteOn(60), -1)).hasMessage("device unplugged");

            assertThat(reconnected.await(10, TimeUnit.SECONDS)).as("reopened without waiting for the next poll").isTrue();
            out.send(noteOn(62), -1);
            assertThat(synth.opens()).isEqualTo(2);
            assertThat(synth.received().get(synth.received().size() - 1)).containsExactly(0x90, 62, 100);
        }
        assertThat(synth.isOpen()).as("closing the watcher closes its ports").isFalse();
    }

    @Test
    void aLostInputIsClosedAndFeedsTheSameReceiverWhenItReturns() throws Exception {
        Sequencer sequencer = MidiSystem.getSequencer(false);
        MidiPorts.Port port = new MidiPorts.Port(MidiPorts.describe(sequencer.getDeviceInfo(), sequencer, OperatingSystem.current()), sequencer);
        plugged.set(List.of(port));
        AtomicReference<CountDownLatch> heard = new AtomicReference<>(new CountDownLatch(1));
        Receiver session = new Receiver() {
            @Override
            public void send(MidiMessage message, long timeStamp) {
                if (message instanceof ShortMessage m && m.getCommand() == ShortMessage.NOTE_ON) heard.get().countDown();
            }

            @Override
            public void close() {
            }
        };
        try (PortWatcher watcher = new PortWatcher(plugged::get, NEVER, recordEvents)) {
            SupervisedInput in = watcher.openInput("real time");
            in.connect(session);
            play(sequencer);
            assertThat(heard.get().await(10, TimeUnit.SECONDS)).isTrue();

            plugged.set(List.of());
            watcher.checkNow();
            assertThat(in.connected()).isFalse();
            assertThat(sequencer.isOpen()).isFalse();

            heard.set(new CountDownLatch(1));
            plugged.set(List.of(port));
            watcher.checkNow();
            assertThat(in.connected()).isTrue();
            play(sequencer);
            assertThat(heard.get().await(10, TimeUnit.SECONDS)).as("the reopened input reaches the same receiver").isTrue();
            assertThat(in.losses()).isEqualTo(1);
            assertThat(in.reconnects()).isEqualTo(1);
            assertThat(events).containsExactly("lost input Real Time Sequencer", "reconnected input Real Time Sequencer");
        }
        assertThat(sequencer.isOpen()).isFalse();
    }

    @Test
    void keysHeldOnAnInputThatVanishesAreReleasedToItsReceiver() throws Exception {
        Sequencer sequencer = MidiSystem.getSequencer(false);
        MidiPorts.Port port = new MidiPorts.Port(MidiPorts.describe(sequencer.getDeviceInfo(), sequencer, OperatingSystem.current()), sequencer);
        plugged.set(List.of(port));
        List<String> heard = new ArrayList<>();
        CountDownLatch pressed = new CountDownLatch(2);
        Receiver session = new Receiver() {
            @Override
            public synchronized void send(MidiMessage message, long timeStamp) {
                ShortMessage m = (ShortMessage) message;
                if (m.getCommand() == ShortMessage.NOTE_ON || m.getCommand() == ShortMessage.NOTE_OFF
                        || m.getCommand() == ShortMessage.CONTROL_CHANGE) {
                    heard.add(Integer.toHexString(m.getStatus()) + " " + m.getData1() + " " + m.getData2());
                    pressed.countDown();
                }
            }

            @Override
            public void close() {
            }
        };
        try (PortWatcher watcher = new PortWatcher(plugged::get, NEVER, recordEvents)) {
            SupervisedInput in = watcher.openInput("real time");
            in.connect(session);
            Sequence sequence = new Sequence(Sequence.PPQ, 24);
            Track track = sequence.createTrack();
            track.add(new MidiEvent(new ShortMessage(ShortMessage.CONTROL_CHANGE, 0, 64, 127), 0));   // pedal down
            track.add(new MidiEvent(noteOn(60), 0));                                                   // and a key
            track.add(new MidiEvent(noteOff(60), 24 * 1000));                                          // released long after
            sequencer.setSequence(sequence);
            sequencer.start();
            assertThat(pressed.await(10, TimeUnit.SECONDS)).isTrue();

            plugged.set(List.of());                // the keyboard is unplugged mid-phrase with the key and pedal down
            watcher.checkNow();

            synchronized (session) {
                assertThat(heard).containsExactly("b0 64 127", "90 60 100", "80 60 0", "b0 64 0");
            }
            assertThat(in.connected()).isFalse();
        }
    }

    @Test
    void aLinuxPortPluggedBackUnderAnotherCardNumberIsTakenBackUnlessThatIsAmbiguous() throws Exception {
        UnpluggableDevice before = new UnpluggableDevice("KeyStep 37 [hw:1,0,0]");
        plugged.set(List.of(before.port()));
        try (PortWatcher watcher = new PortWatcher(plugged::get, NEVER, recordEvents)) {
            SupervisedOutput out = watcher.openOutput("keystep");
            plugged.set(List.of());
            watcher.checkNow();

            UnpluggableDevice twin = new UnpluggableDevice("KeyStep 37 [hw:3,0,0]");
            UnpluggableDevice after = new UnpluggableDevice("KeyStep 37 [hw:2,0,0]");
            plugged.set(List.of(after.port(), twin.port()));
            watcher.checkNow();
            assertThat(out.connected()).as("two candidates: neither is chosen").isFalse();

            plugged.set(List.of(after.port()));
            watcher.checkNow();
            out.send(noteOn(60), -1);
            assertThat(after.received()).last().satisfies(m -> assertThat(m).containsExactly(0x90, 60, 100));
            assertThat(PortWatcher.find(plugged.get(), "Other [hw:1,0,0]", info -> true)).isEmpty();
        }
    }

    @Test
    void aPortMissingAtTheStartIsRefusedWithTheListOfPorts() {
        plugged.set(List.of(new UnpluggableDevice("Synth C").port()));
        try (PortWatcher watcher = new PortWatcher(plugged::get, NEVER, recordEvents)) {
            assertThatThrownBy(() -> watcher.openOutput("moog")).isInstanceOf(MidiPortException.class)
                    .hasMessageContaining("No MIDI output port matches 'moog'").hasMessageContaining("Synth C");
        }
    }

    private static void play(Sequencer sequencer) throws Exception {
        Sequence sequence = new Sequence(Sequence.PPQ, 24);
        Track track = sequence.createTrack();
        track.add(new MidiEvent(noteOn(60), 0));
        track.add(new MidiEvent(noteOff(60), 1));
        sequencer.setSequence(sequence);
        sequencer.setTempoFactor(8f);
        sequencer.start();
    }

    private static List<Integer> activeNotes(AudioSynthesizer synth) {
        List<Integer> notes = new ArrayList<>();
        for (VoiceStatus voice : synth.getVoiceStatus()) if (voice.active) notes.add(voice.note);
        return notes;
    }

    private static ShortMessage noteOn(int key) throws Exception {
        return new ShortMessage(ShortMessage.NOTE_ON, 0, key, 100);
    }

    private static ShortMessage noteOff(int key) throws Exception {
        return new ShortMessage(ShortMessage.NOTE_OFF, 0, key, 0);
    }
}
