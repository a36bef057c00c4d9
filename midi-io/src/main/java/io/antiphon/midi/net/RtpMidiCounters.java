package io.antiphon.midi.net;

/**
 * What an {@link RtpMidiEndpoint} has counted since it opened; every fault on the receive path lands in one of these
 * and is survived.
 *
 * @param packetsReceived      datagrams read from either socket
 * @param midiPackets          RTP MIDI packets decoded for an open session
 * @param messagesDelivered    MIDI messages handed to the input's receiver (including any it then threw on)
 * @param malformedSession     datagrams that started like a session packet but did not decode
 * @param strangers            datagrams from no open session (unknown address, port or SSRC), or RTP on the control port
 * @param refusedInvitations   invitations from hosts not allowed
 * @param sessionsFull         invitations declined because the session table was full
 * @param decodeErrors         faults inside RTP MIDI packets (headers, lists, journals, late packets, bad bytes), and
 *                             datagrams this endpoint failed to handle through a fault of its own (logged)
 * @param lostPackets          RTP sequence numbers skipped
 * @param recoveredNoteOffs    held keys released because a journal said their note-off was lost
 * @param deliveryErrors       messages the input's receiver threw on, or that had no receiver
 * @param messagesSent         MIDI messages sent (once per message, whatever the number of sessions)
 * @param sendErrors           datagrams the operating system refused to send
 * @param unsendable           output messages not sent: meta messages, SysEx continuations, SysEx over 4,095 bytes
 * @param clockExchanges       clock exchanges completed on this side, over all sessions: a CK1 answering our CK0, or a
 *                             CK2 answering our CK1, each of which gives a latency and clock offset estimate
 */
public record RtpMidiCounters(long packetsReceived, long midiPackets, long messagesDelivered, long malformedSession,
                              long strangers, long refusedInvitations, long sessionsFull, long decodeErrors, long lostPackets, long recoveredNoteOffs,
                              long deliveryErrors, long messagesSent, long sendErrors, long unsendable,
                              long clockExchanges) {
}
