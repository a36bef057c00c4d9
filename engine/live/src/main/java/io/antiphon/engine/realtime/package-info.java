/**
 * The real-time shell around a performer core: the MIDI input {@code Receiver}, the Disruptor input ring, the performer
 * loop and the scheduler that sends each message at its time, its wait strategies and real-time priority, wired on one
 * real-time thread ({@link io.antiphon.engine.realtime.LiveSession}) or stepped by one caller on a simulated clock
 * ({@link io.antiphon.engine.realtime.SteppedShell}); latency recording and session recording. Nothing here blocks or
 * allocates in steady state, and every way out ends every note. Depends on {@code perform}, {@code kernel}, midi-io's
 * {@code file} and {@code presets}; the harnesses and the CLI's {@code play} open it (docs/design.md, The real-time
 * shell; Threads).
 */
package io.antiphon.engine.realtime;
