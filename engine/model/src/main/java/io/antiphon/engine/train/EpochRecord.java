package io.antiphon.engine.train;

/**
 * One epoch of training as reported.
 *
 * @param epoch           epoch number counted from 1, as printed
 * @param trainNll        per-token NLL (nats) on a fixed sample of the training split, untransposed
 * @param validNll        per-token NLL (nats) on the validation split
 * @param seconds         wall time of the epoch (training and its validation pass)
 * @param tokensPerSecond training throughput in predicted tokens per second
 */
public record EpochRecord(int epoch, double trainNll, double validNll, double seconds, double tokensPerSecond) {
}
