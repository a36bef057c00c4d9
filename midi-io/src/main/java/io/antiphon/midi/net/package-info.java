/**
 * Network MIDI: RTP-MIDI (the RFC 6295 payload with Apple's session protocol), so macOS Network MIDI, rtpMIDI on
 * Windows and rtpmidid on Linux reach Antiphon without a driver. An {@link io.antiphon.midi.net.RtpMidiEndpoint} owns
 * the control and data sockets on one network thread, runs its sessions (invitations, clock sync, feedback, BY) and
 * hands incoming MIDI, parsed in place by {@link io.antiphon.midi.MidiByteParser}, to a {@code Receiver}; hostile
 * datagrams are counted and dropped, never thrown. Depends on the root package and {@code port}; {@code endpoint}'s
 * {@code MidiHub} opens it for {@code net:} endpoints (docs/network-midi.md).
 */
package io.antiphon.midi.net;
