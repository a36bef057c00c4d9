/**
 * The endpoint seam: what the player names as a side of a performance ({@link io.antiphon.midi.endpoint.EndpointSpec}:
 * a part of a port's name, {@code net:NAME}, {@code net:HOST:PORT}, {@code virtual[:NAME]}) is turned in one place,
 * {@link io.antiphon.midi.endpoint.MidiHub}, into an {@link io.antiphon.midi.endpoint.EndpointInput} and an
 * {@link io.antiphon.midi.endpoint.EndpointOutput} with one lifecycle ({@link io.antiphon.midi.endpoint.MidiEndpoint}:
 * open, connect, describe, lost and back, close). It sits above {@code port}, {@code net} and {@code virtual}, which
 * know nothing of it.
 */
package io.antiphon.midi.endpoint;
