package io.antiphon.engine.study;

import java.util.Locale;

/** The key a temperature is reported under, e.g. {@code "temperature 0.8"}. */
final class TemperatureLabel {

    private TemperatureLabel() {
    }

    static String of(double temperature) {
        return String.format(Locale.ROOT, "temperature %.2f", temperature).replaceAll("0+$", "").replaceAll("\\.$", ".0");
    }
}
