package io.antiphon.cli;

import io.antiphon.engine.corpus.Split;

import java.util.Locale;

/** The {@code --split} option's values. */
final class Splits {

    private Splits() {
    }

    static Split parse(String name) {
        try {
            return Split.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--split must be train, valid or test, not '" + name + "'");
        }
    }
}
