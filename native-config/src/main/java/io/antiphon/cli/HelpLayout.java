package io.antiphon.cli;

import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Lays out {@code --help} so that no line breaks inside a word or a file name: descriptions are written in the source
 * as lines of any length; here they are joined into paragraphs (a new paragraph where a line ending with a full stop
 * is followed by one starting with a capital) and wrapped at spaces only (picocli's own wrapping breaks after
 * {@code .}, {@code :} and {@code --}, as in {@code FILE.}/{@code mid}). The command list shows each command's first
 * sentence (or its header), whole.
 */
final class HelpLayout {

    static final int WIDTH = 80;
    private static final int COMMAND_COLUMN = 14;
    private static final int LONGEST_LABEL = 24;

    private HelpLayout() {
    }

    /** Installs the layout on {@code commandLine} and all its sub-commands. */
    static void install(CommandLine commandLine) {
        Map<String, CommandLine.IHelpSectionRenderer> sections = commandLine.getHelpSectionMap();
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_DESCRIPTION, HelpLayout::description);
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST, HelpLayout::options);
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_PARAMETER_LIST, HelpLayout::parameters);
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, HelpLayout::commands);
        commandLine.setHelpSectionMap(sections);
        commandLine.getSubcommands().values().forEach(HelpLayout::install);
    }

    private static String description(Help help) {
        String[] lines = help.commandSpec().usageMessage().description();
        if (lines.length == 0) return "";
        StringBuilder out = new StringBuilder();
        for (String paragraph : paragraphs(lines)) wrap(paragraph, WIDTH, "", "", out);
        return out.toString();
    }

    private static String options(Help help) {
        List<OptionSpec> options = new ArrayList<>(help.commandSpec().options());
        options.removeIf(OptionSpec::hidden);
        options.sort(Comparator.comparing(HelpLayout::sortKey));
        List<String[]> rows = new ArrayList<>();
        Help.IOptionRenderer renderer = help.createDefaultOptionRenderer();
        for (OptionSpec option : options) {
            CommandLine.Help.Ansi.Text[][] cells = renderer.render(option, help.createDefaultParamLabelRenderer(), help.colorScheme());
            String shortName = cells[0][1].plainString() + cells[0][2].plainString();
            rows.add(new String[]{String.format("  %-3s %s", shortName, cells[0][3].plainString()).stripTrailing(), text(option)});
        }
        return table(rows);
    }

    private static String parameters(Help help) {
        List<String[]> rows = new ArrayList<>();
        for (PositionalParamSpec parameter : help.commandSpec().positionalParameters()) {
            if (parameter.hidden()) continue;
            String label = help.createDefaultParamLabelRenderer().renderParameterLabel(parameter, help.colorScheme().ansi(), List.of()).plainString();
            rows.add(new String[]{"      " + label.strip(), text(parameter)});
        }
        return table(rows);
    }

    private static String commands(Help help) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Help> entry : help.subcommands().entrySet()) {
            CommandLine.Model.UsageMessageSpec usage = entry.getValue().commandSpec().usageMessage();
            String[] lines = usage.header().length > 0 ? usage.header() : usage.description();   // as picocli does
            String sentence = firstSentence(String.join(" ", paragraphs(lines)));
            String name = String.format("  %-" + COMMAND_COLUMN + "s", entry.getKey());
            wrap(sentence, WIDTH, name, " ".repeat(name.length()), out);
        }
        return out.toString();
    }

    /** Rows of (label, description): the label column as wide as the longest label up to a limit; longer labels stand alone. */
    private static String table(List<String[]> rows) {
        int labelWidth = 0;
        for (String[] row : rows) if (row[0].length() <= LONGEST_LABEL) labelWidth = Math.max(labelWidth, row[0].length());
        String indent = " ".repeat(labelWidth + 2);
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            if (row[0].length() > labelWidth) {
                out.append(row[0]).append(System.lineSeparator());
                wrap(row[1], WIDTH, indent, indent, out);
            } else {
                wrap(row[1], WIDTH, row[0] + " ".repeat(labelWidth + 2 - row[0].length()), indent, out);
            }
        }
        return out.toString();
    }

    private static String text(ArgSpec arg) {
        return String.join(" ", paragraphs(arg.renderedDescription()));
    }

    /** The lines of a description as paragraphs (see the class comment). */
    static List<String> paragraphs(String[] lines) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : String.join("\n", lines).replace("%n", "\n\u0000").split("\n")) {
            boolean forced = line.startsWith("\u0000");   // picocli's %n: a line break wanted here
            String text = line.replace("\u0000", "").strip();
            if (text.isEmpty()) continue;
            boolean newParagraph = current.length() > 0 && (forced || current.charAt(current.length() - 1) == '.'
                    && Character.isUpperCase(text.charAt(0)));
            if (newParagraph) {
                paragraphs.add(current.toString());
                current.setLength(0);
            }
            if (current.length() > 0) current.append(' ');
            current.append(text);
        }
        if (current.length() > 0) paragraphs.add(current.toString());
        return paragraphs;
    }

    /** The text up to and including its first full stop followed by a space (not in "e.g." or "i.e."), or all of it. */
    static String firstSentence(String text) {
        for (int i = text.indexOf(". "); i >= 0; i = text.indexOf(". ", i + 1)) {
            if (text.startsWith("e.g", i - 3) || text.startsWith("i.e", i - 3)) continue;
            return text.substring(0, i + 1);
        }
        return text;
    }

    /** Appends {@code text} wrapped at spaces to {@code width}: the first line after {@code first}, the rest after {@code rest}. */
    static void wrap(String text, int width, String first, String rest, StringBuilder out) {
        StringBuilder line = new StringBuilder(first);
        int start = line.length();
        for (String word : text.split(" +")) {
            if (word.isEmpty()) continue;
            if (line.length() > start && line.length() + 1 + word.length() > width) {
                out.append(line).append(System.lineSeparator());
                line.setLength(0);
                line.append(rest);
                start = line.length();
            }
            if (line.length() > start) line.append(' ');
            line.append(word);
        }
        out.append(line.toString().stripTrailing()).append(System.lineSeparator());
    }

    private static String sortKey(OptionSpec option) {
        return option.longestName().replaceFirst("^-+", "").toLowerCase(java.util.Locale.ROOT);
    }
}
