package io.antiphon.engine.network;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** A trained network with its metadata: what one bundle file holds. */
public record ModelBundle(MultiLayerNetwork network, BundleMetadata metadata) {
}
