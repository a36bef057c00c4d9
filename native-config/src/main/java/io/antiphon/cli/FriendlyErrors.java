package io.antiphon.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Turns every failure of a command into one clear line on stderr and an exit code, never a stack trace:
 * refused input (bad files, missing ports, invalid values) exits 2; anything unexpected exits 70 with the
 * details in the debug log.
 */
final class FriendlyErrors implements CommandLine.IExecutionExceptionHandler {

    static final int REFUSED = 2;
    static final int INTERNAL = 70;
    private static final Logger LOG = LoggerFactory.getLogger(FriendlyErrors.class);

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof IOException || cause instanceof IllegalArgumentException || cause instanceof IllegalStateException) {
            commandLine.getErr().println("antiphon: " + message(cause));
            LOG.debug("refused", cause);
            return REFUSED;
        }
        commandLine.getErr().println("antiphon: internal error: " + cause.getClass().getSimpleName() + ": " + message(cause)
                + " (run with -Dlogback.level=debug for details)");
        LOG.debug("internal error", cause);
        return INTERNAL;
    }

    /**
     * A bad option, a missing one or a bad value (an unknown enum name, a number that is not one): one sentence naming
     * it, and where the help is, exit 2.
     */
    static final class BadOption implements CommandLine.IParameterExceptionHandler {
        @Override
        public int handleParseException(CommandLine.ParameterException e, String[] args) {
            CommandLine command = e.getCommandLine();
            String sentence = message(e).replace(" (case-sensitive)", "");
            command.getErr().println("antiphon: " + sentence + " (see " + command.getCommandSpec().qualifiedName() + " --help)");
            return REFUSED;
        }
    }

    private static String message(Throwable t) {
        String m = t.getMessage();
        if (m == null || m.isBlank()) return t.getClass().getSimpleName();
        int newline = m.indexOf('\n');
        return newline >= 0 ? m.substring(0, newline) : m;
    }
}
