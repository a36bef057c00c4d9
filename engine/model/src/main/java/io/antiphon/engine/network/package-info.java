/**
 * The networks in Deeplearning4j and their files: the event LSTM's shape and construction
 * ({@link io.antiphon.engine.network.NetworkSpec}, {@link io.antiphon.engine.network.NetworkFactory}) and the model
 * bundle, one zip holding the network and its metadata, read strictly and refused in one sentence when broken
 * ({@link io.antiphon.engine.network.BundleFile}). The root of the model side: depends on {@code token} and DL4J; the
 * trainers, the piano-roll models, the harnesses and the CLI load and write bundles through it (docs/user-guide.md,
 * Model bundles).
 */
package io.antiphon.engine.network;
