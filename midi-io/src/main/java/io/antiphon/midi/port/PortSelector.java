package io.antiphon.midi.port;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Chooses one port by a case-insensitive name substring: an exact (case-insensitive) name wins over substrings;
 * no match or several matches is a {@link PortNotFoundException} that lists the candidates.
 */
final class PortSelector {

    private PortSelector() {
    }

    static <T> T select(String wanted, String direction, List<T> ports, java.util.function.Function<T, String> name) throws MidiPortException {
        if (wanted == null || wanted.isBlank()) throw new MidiPortException("Give the " + direction + " port's name (or part of it); " + available(direction, ports, name) + ".");
        String needle = wanted.toLowerCase(Locale.ROOT);
        List<T> matches = new ArrayList<>();
        for (T port : ports) {
            String n = name.apply(port);
            if (n.equalsIgnoreCase(wanted)) return port;
            if (n.toLowerCase(Locale.ROOT).contains(needle)) matches.add(port);
        }
        if (matches.size() == 1) return matches.get(0);
        if (matches.isEmpty()) throw PortNotFoundException.none(direction, wanted, available(direction, ports, name));
        throw PortNotFoundException.several(direction, wanted, matches.stream().map(name).toList().toString());
    }

    private static <T> String available(String direction, List<T> ports, java.util.function.Function<T, String> name) {
        if (ports.isEmpty()) return "this machine has no MIDI " + direction + " ports, see `antiphon doctor`";
        return "the " + direction + " ports are " + ports.stream().map(name).toList();
    }
}
