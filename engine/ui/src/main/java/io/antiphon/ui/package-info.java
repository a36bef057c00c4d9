/**
 * The live page (docs/ui.md): a local web server beside a live session that shows the music as it is played and
 * puts every parameter under the mouse. {@link io.antiphon.ui.LivePage} serves it (Javalin on Jetty);
 * {@link io.antiphon.ui.WatchRing} is the shell's {@code SessionObserver}, the only part the real-time threads touch
 * (a preallocated ring, never blocking, never allocating); {@link io.antiphon.ui.PageAccess} decides who may ask.
 * Depends on the live path ({@code realtime}, {@code perform}), presets and midi-io's {@code file}; only the CLI uses it.
 */
package io.antiphon.ui;
