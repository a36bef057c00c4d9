/**
 * The performer cores: plain objects that take the human's timestamped MIDI and the passing of time on an injected
 * clock and send the machine's notes to a {@link io.antiphon.engine.perform.MidiOut}, with no threads, ports or wall
 * clock inside. {@link io.antiphon.engine.perform.Performer} plays call-and-response and jam on an event model,
 * {@link io.antiphon.engine.perform.Harmonizer} harmonizes on a piano roll; both are
 * {@link io.antiphon.engine.perform.PerformerCore}s, with their live parameters and controller map
 * ({@link io.antiphon.engine.perform.Parameter}, {@link io.antiphon.engine.perform.ControlMap}) and musical time
 * ({@link io.antiphon.engine.perform.MusicalClock}). Depends on {@code kernel}, {@code sampling}, {@code token},
 * midi-io's {@code clock} and {@code presets}; the real-time shell in {@code realtime} drives it, the harnesses and the
 * CLI build it (docs/design.md, The performer core).
 */
package io.antiphon.engine.perform;
