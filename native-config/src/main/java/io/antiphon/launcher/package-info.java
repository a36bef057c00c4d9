/**
 * The jar's entry point ({@link io.antiphon.launcher.Launcher}): re-launches the JVM once with the settings ND4J and the
 * live path need at start ({@code OMP_NUM_THREADS=1}, the Vector API module, the Gervill export, ParallelGC), passes
 * signals and the exit code through, then runs the command line of {@code io.antiphon.cli}. Depends on the CLI only
 * (docs/design.md, DL4J and ND4J).
 */
package io.antiphon.launcher;
