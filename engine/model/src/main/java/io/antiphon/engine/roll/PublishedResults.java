package io.antiphon.engine.roll;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Published test-split frame NLLs (nats per frame) on the same splits and metric, for comparison: Bai, Kolter &amp;
 * Koltun 2018, "An Empirical Evaluation of Generic Convolutional and Recurrent Networks for Sequence Modeling"
 * (arXiv:1803.01271), Table 1.
 */
public final class PublishedResults {

    private PublishedResults() {
    }

    /** Model name to published test NLL, for {@code jsb} and {@code nottingham}; empty for any other corpus. */
    public static Map<String, Double> testNll(String corpus) {
        Map<String, Double> results = new LinkedHashMap<>();
        switch (corpus) {
            case "jsb" -> {
                results.put("lstm", 8.45);
                results.put("gru", 8.43);
                results.put("rnn", 8.91);
                results.put("tcn", 8.10);
            }
            case "nottingham" -> {
                results.put("lstm", 3.29);
                results.put("gru", 3.46);
                results.put("rnn", 4.05);
                results.put("tcn", 3.07);
            }
            default -> {
            }
        }
        return results;
    }
}
