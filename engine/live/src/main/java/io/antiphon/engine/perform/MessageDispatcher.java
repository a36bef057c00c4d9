package io.antiphon.engine.perform;

import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.LongConsumer;
import java.util.function.ObjDoubleConsumer;

/**
 * The message dispatch both performer cores share: note-ons (velocity 0 as a note-off) and note-offs, program change,
 * pressure and pitch bend passed thru when thru is on, system messages; and of controllers the sustain pedal,
 * all-notes-off (CC 120 and 123), a CC mapped to a parameter (set, then reported), a CC mapped to an action (pressed at
 * 64 and above), and any other controller passed thru when thru is on. What each of these means is the core's: it is
 * handed the core's own methods. Allocation-free: one instance per core, made with it.
 */
final class MessageDispatcher {

    /** What a core does with a human note-on or note-off of {@code status}'s channel. */
    @FunctionalInterface
    interface NoteHandler {
        void note(int status, int key, int velocity);
    }

    /** What a core does with a system message (a followed clock's tick, transport), never passed thru. */
    @FunctionalInterface
    interface SystemHandler {
        void message(int status, int data1, int data2);
    }

    /** What a core does when the sustain pedal goes down ({@code true}) or up; thru has already passed it on. */
    @FunctionalInterface
    interface Sustain {
        void pedal(boolean down);
    }

    private final PerformerParameters parameters;
    private final ThruNotes thru;
    private final NoteHandler noteOn;
    private final NoteHandler noteOff;
    private final IntConsumer programChange;
    private final SystemHandler system;
    private final Sustain sustain;
    private final LongConsumer allNotesOff;
    private final ObjDoubleConsumer<Parameter> parameterChanged;
    private final Consumer<ControlAction> act;

    /**
     * @param noteOn           a human note-on (velocity above 0)
     * @param noteOff          a human note-off, or a note-on of velocity 0
     * @param programChange    a program change, with the program number
     * @param system           a system message
     * @param sustain          the sustain pedal moved
     * @param allNotesOff      CC 120 (all sound off) or CC 123 (all notes off), with the time heard
     * @param parameterChanged a mapped parameter was set from its controller to the value given
     * @param act              a mapped action's controller was pressed (value 64 or above)
     */
    MessageDispatcher(PerformerParameters parameters, ThruNotes thru, NoteHandler noteOn, NoteHandler noteOff,
                         IntConsumer programChange, SystemHandler system, Sustain sustain, LongConsumer allNotesOff,
                         ObjDoubleConsumer<Parameter> parameterChanged, Consumer<ControlAction> act) {
        this.parameters = parameters;
        this.thru = thru;
        this.noteOn = noteOn;
        this.noteOff = noteOff;
        this.programChange = programChange;
        this.system = system;
        this.sustain = sustain;
        this.allNotesOff = allNotesOff;
        this.parameterChanged = parameterChanged;
        this.act = act;
    }

    /** Dispatches a message heard at {@code now} (after the core has moved its time there). */
    void dispatch(long now, int status, int data1, int data2) {
        int key = data1 & 0x7F;
        int value = data2 & 0x7F;
        switch (status & 0xF0) {
            case 0x90 -> {
                if (value > 0) noteOn.note(status, key, value);
                else noteOff.note(status, key, value);
            }
            case 0x80 -> noteOff.note(status, key, value);
            case 0xB0 -> controlChange(now, status, key, value);
            case 0xC0 -> programChange.accept(key);
            case 0xA0, 0xD0, 0xE0 -> {
                // pressure and pitch bend: nothing the model hears, only passed through
                if (parameters.thru()) thru.pass(now, status, key, value);   // data bytes as MIDI carries them: 0..127
            }
            default -> system.message(status, data1, data2);   // never heard nor passed
        }
    }

    /** Dispatches controller {@code cc} = {@code value} of a control-change message with {@code status}, heard at {@code now}. */
    void controlChange(long now, int status, int cc, int value) {
        switch (cc) {
            case 64 -> {
                thru.sustain(now, status, value, parameters.thru());
                sustain.pedal(value >= 64);
            }
            case 120, 123 -> allNotesOff.accept(now);
            default -> {
                Parameter parameter = parameters.controls().parameterAt(cc);
                if (parameter != null) {
                    parameterChanged.accept(parameter, parameters.setFromController(parameter, value));
                    return;
                }
                ControlAction action = parameters.controls().actionAt(cc);
                if (action != null) {
                    if (value >= 64) act.accept(action);
                } else if (parameters.thru()) {
                    thru.pass(now, status, cc, value);
                }
            }
        }
    }
}
