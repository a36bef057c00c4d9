/**
 * The {@code antiphon} command line (picocli): one class per command ({@code play}, {@code demo}, {@code train},
 * {@code bench} ...) under {@link io.antiphon.cli.AntiphonCommand}. The outer edge of the topology: it depends on
 * every module (engine, midi-io, presets) and nothing depends on it but the launcher. Commands check paths and
 * options before any work starts, and every failure becomes one sentence and an exit code
 * ({@link io.antiphon.cli.FriendlyErrors}) (docs/user-guide.md).
 */
package io.antiphon.cli;
