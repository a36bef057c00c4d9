package io.antiphon.engine.kernel;

/** The argument checks every {@link StepModel#step} and {@link RollStepModel#stepFrame} make (kept out of the kernel class, with their messages). */
public final class StepArguments {

    private StepArguments() {
    }

    public static void check(int token, float[] probabilities, int vocabulary) {
        if (token < 0 || token >= vocabulary) {
            throw new IllegalArgumentException("token " + token + " is outside the vocabulary 0.." + (vocabulary - 1));
        }
        checkOutput(probabilities, vocabulary);
    }

    public static void checkFrame(int[] keys, int count, float[] probabilities, int width) {
        if (count < 0 || count > keys.length) {
            throw new IllegalArgumentException("frame has " + count + " keys but the array holds " + keys.length);
        }
        for (int i = 0; i < count; i++) {
            if (keys[i] < 0 || keys[i] >= width) {
                throw new IllegalArgumentException("key " + keys[i] + " is outside the roll 0.." + (width - 1));
            }
        }
        checkOutput(probabilities, width);
    }

    private static void checkOutput(float[] probabilities, int width) {
        if (probabilities.length < width) {
            throw new IllegalArgumentException("probabilities has " + probabilities.length + " slots; need " + width);
        }
    }
}
