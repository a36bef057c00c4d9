package io.antiphon.cli;

/** The JDK Vector API's preferred float vector width; loaded only when the incubator module is present. */
final class VectorWidth {

    private VectorWidth() {
    }

    static int preferredBits() {
        return jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.vectorBitSize();
    }
}
