package io.antiphon.engine.kernel;

/** The argument checks every {@link StepModel#step} makes (kept out of the kernel class, with their messages). */
final class StepArguments {

    private StepArguments() {
    }

    static void check(int token, float[] probabilities, int vocabulary) {
        if (token < 0 || token >= vocabulary) {
            throw new IllegalArgumentException("token " + token + " is outside the vocabulary 0.." + (vocabulary - 1));
        }
        if (probabilities.length < vocabulary) {
            throw new IllegalArgumentException("probabilities has " + probabilities.length + " slots; need " + vocabulary);
        }
    }
}
