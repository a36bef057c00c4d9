package io.antiphon.midi.virtual;

import com.sun.jna.Pointer;
import io.antiphon.midi.MidiByteParser;

/**
 * MIDI messages to and from ALSA sequencer events ({@code snd_seq_event_t}, 28 bytes on every Linux ABI: type, flags,
 * tag, queue, an 8-byte time stamp, source and destination addresses, 12 bytes of data). Written field by field into
 * native memory, as the {@code snd_seq_ev_*} macros do, so sending needs no native encoder and allocates nothing.
 */
final class AlsaEvents {

    static final int SIZE = 28;

    static final int NOTEON = 6;
    static final int NOTEOFF = 7;
    static final int KEYPRESS = 8;
    static final int CONTROLLER = 10;
    static final int PGMCHANGE = 11;
    static final int CHANPRESS = 12;
    static final int PITCHBEND = 13;
    static final int SONGPOS = 20;
    static final int SONGSEL = 21;
    static final int START = 30;
    static final int CONTINUE = 31;
    static final int STOP = 32;
    static final int CLOCK = 36;
    static final int TUNE_REQUEST = 40;
    static final int RESET = 41;
    static final int SENSING = 42;
    /** Sent by the sequencer when a program subscribes to a port: not a MIDI message. */
    static final int PORT_SUBSCRIBED = 66;
    static final int NONE = 255;

    static final int ADDRESS_SUBSCRIBERS = 254;
    static final int ADDRESS_UNKNOWN = 253;
    static final int QUEUE_DIRECT = 253;

    private static final int TYPE = 0;
    private static final int FLAGS = 1;
    private static final int QUEUE = 3;
    private static final int SOURCE_PORT = 13;
    private static final int DEST_CLIENT = 14;
    private static final int DEST_PORT = 15;
    private static final int CHANNEL = 16;
    private static final int NOTE = 17;
    private static final int VELOCITY = 18;
    private static final int PARAM = 20;
    private static final int VALUE = 24;

    private AlsaEvents() {
    }

    /**
     * Writes a short MIDI message as an event from {@code sourcePort} to its subscribers, to be delivered at once
     * (direct, no queue). Returns false, writing nothing that would be sent, for a status ALSA has no event for.
     */
    static boolean encode(int status, int data1, int data2, int sourcePort, Pointer ev) {
        ev.clear(SIZE);
        int type = type(status);
        if (type == NONE) return false;
        ev.setByte(TYPE, (byte) type);
        ev.setByte(FLAGS, (byte) 0);   // tick time stamp, absolute, fixed length
        ev.setByte(QUEUE, (byte) QUEUE_DIRECT);
        ev.setByte(SOURCE_PORT, (byte) sourcePort);
        ev.setByte(DEST_CLIENT, (byte) ADDRESS_SUBSCRIBERS);
        ev.setByte(DEST_PORT, (byte) ADDRESS_UNKNOWN);
        int channel = status & 0x0F;
        switch (type) {
            case NOTEON, NOTEOFF, KEYPRESS -> {
                ev.setByte(CHANNEL, (byte) channel);
                ev.setByte(NOTE, (byte) data1);
                ev.setByte(VELOCITY, (byte) data2);
            }
            case CONTROLLER -> {
                ev.setByte(CHANNEL, (byte) channel);
                ev.setInt(PARAM, data1);
                ev.setInt(VALUE, data2);
            }
            case PGMCHANGE, CHANPRESS -> {
                ev.setByte(CHANNEL, (byte) channel);
                ev.setInt(VALUE, data1);
            }
            case PITCHBEND -> {
                ev.setByte(CHANNEL, (byte) channel);
                ev.setInt(VALUE, (data2 << 7 | data1) - 8192);
            }
            case SONGPOS -> ev.setInt(VALUE, data2 << 7 | data1);
            case SONGSEL -> ev.setInt(VALUE, data1);
            default -> {
                // system real-time and tune request carry no data
            }
        }
        return true;
    }

    static int type(Pointer ev) {
        return ev.getByte(TYPE) & 0xFF;
    }

    /** Hands a received event to {@code sink} as a short message; returns false for events that are not MIDI messages. */
    static boolean decode(Pointer ev, MidiByteParser.Sink sink) {
        int channel = ev.getByte(CHANNEL) & 0x0F;
        switch (type(ev)) {
            case NOTEON -> sink.shortMessage(0x90 | channel, ev.getByte(NOTE) & 0x7F, ev.getByte(VELOCITY) & 0x7F);
            case NOTEOFF -> sink.shortMessage(0x80 | channel, ev.getByte(NOTE) & 0x7F, ev.getByte(VELOCITY) & 0x7F);
            case KEYPRESS -> sink.shortMessage(0xA0 | channel, ev.getByte(NOTE) & 0x7F, ev.getByte(VELOCITY) & 0x7F);
            case CONTROLLER -> sink.shortMessage(0xB0 | channel, ev.getInt(PARAM) & 0x7F, ev.getInt(VALUE) & 0x7F);
            case PGMCHANGE -> sink.shortMessage(0xC0 | channel, ev.getInt(VALUE) & 0x7F, 0);
            case CHANPRESS -> sink.shortMessage(0xD0 | channel, ev.getInt(VALUE) & 0x7F, 0);
            case PITCHBEND -> {
                int bend = Math.max(0, Math.min(16383, ev.getInt(VALUE) + 8192));
                sink.shortMessage(0xE0 | channel, bend & 0x7F, bend >> 7);
            }
            case SONGPOS -> sink.shortMessage(0xF2, ev.getInt(VALUE) & 0x7F, ev.getInt(VALUE) >> 7 & 0x7F);
            case SONGSEL -> sink.shortMessage(0xF3, ev.getInt(VALUE) & 0x7F, 0);
            case TUNE_REQUEST -> sink.shortMessage(0xF6, 0, 0);
            case CLOCK -> sink.shortMessage(0xF8, 0, 0);
            case START -> sink.shortMessage(0xFA, 0, 0);
            case CONTINUE -> sink.shortMessage(0xFB, 0, 0);
            case STOP -> sink.shortMessage(0xFC, 0, 0);
            case SENSING -> sink.shortMessage(0xFE, 0, 0);
            case RESET -> sink.shortMessage(0xFF, 0, 0);
            default -> {
                return false;
            }
        }
        return true;
    }

    private static int type(int status) {
        return switch (status & 0xF0) {
            case 0x80 -> NOTEOFF;
            case 0x90 -> NOTEON;
            case 0xA0 -> KEYPRESS;
            case 0xB0 -> CONTROLLER;
            case 0xC0 -> PGMCHANGE;
            case 0xD0 -> CHANPRESS;
            case 0xE0 -> PITCHBEND;
            case 0xF0 -> switch (status) {
                case 0xF2 -> SONGPOS;
                case 0xF3 -> SONGSEL;
                case 0xF6 -> TUNE_REQUEST;
                case 0xF8 -> CLOCK;
                case 0xFA -> START;
                case 0xFB -> CONTINUE;
                case 0xFC -> STOP;
                case 0xFE -> SENSING;
                case 0xFF -> RESET;
                default -> NONE;
            };
            default -> NONE;
        };
    }
}
