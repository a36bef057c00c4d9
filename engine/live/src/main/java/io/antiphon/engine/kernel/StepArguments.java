package io.antiphon.engine.kernel;

/**
 * The argument checks every {@link StepModel#step} and {@link RollStepModel#stepFrame} make (kept out of the kernel
 * class). Their messages live in {@link Messages}, a class of their own: this class's methods run at every step, and
 * when the JIT's count of one of them asks C2 to compile it, HotSpot first interns every string constant of this class
 * on the asking thread, which may be the performer's, long after warm-up (four messages, 312 bytes once; see
 * docs/models.md). So this class holds none.
 */
public final class StepArguments {

    private StepArguments() {
    }

    public static void check(int token, float[] probabilities, int vocabulary) {
        if (token < 0 || token >= vocabulary) throw Messages.tokenOutside(token, vocabulary);
        checkOutput(probabilities, vocabulary);
    }

    public static void checkFrame(int[] keys, int count, float[] probabilities, int width) {
        if (count < 0 || count > keys.length) throw Messages.frameCount(count, keys.length);
        for (int i = 0; i < count; i++) {
            if (keys[i] < 0 || keys[i] >= width) throw Messages.keyOutside(keys[i], width);
        }
        checkOutput(probabilities, width);
    }

    private static void checkOutput(float[] probabilities, int width) {
        if (probabilities.length < width) throw Messages.outputTooShort(probabilities.length, width);
    }

    /** The messages of this class's checks, built only when one fails: see docs/design.md, "Real-time rules". */
    private static final class Messages {

        private Messages() {
        }

        static IllegalArgumentException tokenOutside(int token, int vocabulary) {
            return new IllegalArgumentException("token " + token + " is outside the vocabulary 0.." + (vocabulary - 1));
        }

        static IllegalArgumentException frameCount(int count, int length) {
            return new IllegalArgumentException("frame has " + count + " keys but the array holds " + length);
        }

        static IllegalArgumentException keyOutside(int key, int width) {
            return new IllegalArgumentException("key " + key + " is outside the roll 0.." + (width - 1));
        }

        static IllegalArgumentException outputTooShort(int slots, int width) {
            return new IllegalArgumentException("probabilities has " + slots + " slots; need " + width);
        }
    }
}
