package io.antiphon.engine.roll;

/**
 * Regularisation of the piano-roll network beyond the dropout between layers that {@code NetworkSpec} carries.
 *
 * @param inputDropout probability of dropping a key of the input frame during training (0 = none)
 * @param weightDecay  decoupled weight-decay coefficient on the weights, not the biases (0 = none)
 * @param weightDrop   DropConnect on the LSTM layers' input and recurrent weights: the probability of dropping a
 *                     weight, one mask per minibatch shared by all its time steps (0 = none)
 */
public record RollRegularization(double inputDropout, double weightDecay, double weightDrop) {

    public RollRegularization {
        if (inputDropout < 0 || inputDropout >= 1) throw new IllegalArgumentException("input dropout must be in [0, 1): " + inputDropout);
        if (weightDecay < 0) throw new IllegalArgumentException("weight decay must not be negative: " + weightDecay);
        if (weightDrop < 0 || weightDrop >= 1) throw new IllegalArgumentException("weight drop must be in [0, 1): " + weightDrop);
    }

    public static RollRegularization none() {
        return new RollRegularization(0, 0, 0);
    }
}
