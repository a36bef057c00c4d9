/**
 * The source documents' own measures on the held-out JSB chorales: next soprano pitch for the event model, the Markov
 * baseline and a piano-roll model, and temperature's effect on what each generates. Research code at the top of the
 * model side: depends on {@code corpus}, {@code eval}, {@code roll}, {@code kernel}, {@code sampling} and
 * {@code token}; only the CLI's {@code measures} uses it (docs/models.md, The source documents' measures).
 */
package io.antiphon.engine.study;
