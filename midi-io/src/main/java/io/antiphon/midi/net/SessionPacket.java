package io.antiphon.midi.net;

import java.nio.charset.StandardCharsets;

/**
 * One AppleMIDI session packet as decoded by {@link SessionPacketCodec#decode}: a mutable holder reused for every
 * packet, so the receive path allocates nothing. Which fields mean something depends on {@link #command()}.
 */
public final class SessionPacket {

    /** Invitation ("IN"). */
    public static final int INVITATION = 0x494E;
    /** Invitation accepted ("OK"). */
    public static final int ACCEPTED = 0x4F4B;
    /** Invitation rejected ("NO"). */
    public static final int REJECTED = 0x4E4F;
    /** End of session ("BY"). */
    public static final int BYE = 0x4259;
    /** Clock synchronisation ("CK"). */
    public static final int CLOCK_SYNC = 0x434B;
    /** Receiver feedback ("RS"): the highest sequence number received. */
    public static final int RECEIVER_FEEDBACK = 0x5253;
    /** Bitrate receive limit ("RL"), accepted and ignored. */
    public static final int BITRATE_LIMIT = 0x524C;

    int command;
    int version;
    int token;
    int ssrc;
    int count;
    long timestamp1;
    long timestamp2;
    long timestamp3;
    int sequence;
    byte[] buffer;
    int nameOffset;
    int nameLength;

    public int command() {
        return command;
    }

    /** Protocol version of IN, OK, NO and BY (2). */
    public int version() {
        return version;
    }

    /** Initiator token of IN, OK, NO and BY. */
    public int token() {
        return token;
    }

    /** Sender's synchronisation source identifier (every command). */
    public int ssrc() {
        return ssrc;
    }

    /** CK: which of the three exchange steps this is (0, 1 or 2). */
    public int count() {
        return count;
    }

    /** CK timestamps in units of 100 µs on the sender's (1) and responder's (2) clocks. */
    public long timestamp(int index) {
        return switch (index) {
            case 1 -> timestamp1;
            case 2 -> timestamp2;
            case 3 -> timestamp3;
            default -> throw new IllegalArgumentException("CK timestamps are numbered 1..3, not " + index);
        };
    }

    /** RS: the highest RTP sequence number the sender has received (16 bits). */
    public int sequence() {
        return sequence;
    }

    /** The session name carried by IN and OK (UTF-8, control characters replaced); allocates, so call it rarely. */
    public String name() {
        if (buffer == null || nameLength == 0) return "";
        String name = new String(buffer, nameOffset, nameLength, StandardCharsets.UTF_8);
        StringBuilder clean = new StringBuilder(name.length());
        name.codePoints().forEach(c -> clean.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return clean.toString();
    }
}
