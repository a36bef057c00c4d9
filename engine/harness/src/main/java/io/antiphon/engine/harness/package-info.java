/**
 * Harnesses that drive the live path the way a user would and measure it: the demo in both modes
 * ({@link io.antiphon.engine.harness.DemoSession}, {@link io.antiphon.engine.harness.HarmonizeDemo}),
 * {@link io.antiphon.engine.harness.Bench}, {@link io.antiphon.engine.harness.Soak} and
 * {@link io.antiphon.engine.harness.Flood}, their options and results, and piano-roll pictures. Depends on the live
 * path ({@code realtime}, {@code perform}, {@code kernel}, {@code token}), the model side ({@code network},
 * {@code weights}) and midi-io's {@code file} and {@code render}; only the CLI uses it (docs/performance.md,
 * docs/reliability.md).
 */
package io.antiphon.engine.harness;
