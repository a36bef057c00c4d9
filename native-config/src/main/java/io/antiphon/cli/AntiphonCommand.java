package io.antiphon.cli;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** The {@code antiphon} command and its sub-commands. */
@Command(name = "antiphon",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "A real-time MIDI performer: a stateful LSTM that listens and answers.",
        subcommands = {
                DoctorCommand.class,
                TrainCommand.class,
                EvalCommand.class,
                TrainRollCommand.class,
                EvalRollCommand.class,
                MergeRollCommand.class,
                PresetsCommand.class,
                DemoCommand.class,
                PlayCommand.class,
                DevicesCommand.class,
                BenchCommand.class,
                GrooveCommand.class,
                MeasuresCommand.class,
                SoakCommand.class,
                FloodCommand.class,
                CommandLine.HelpCommand.class
        })
public final class AntiphonCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** {@code antiphon} alone: no command given, so the usage goes to stderr and the exit code says it was refused. */
    @Override
    public Integer call() {
        spec.commandLine().usage(System.err);
        return FriendlyErrors.REFUSED;
    }

    /**
     * Runs the command line and returns the exit code (0 success, 2 refused input or a bad option, 70 internal
     * error): a bad option or value is one sentence, never the whole help.
     */
    public static int run(String[] args) {
        return run(args, null);
    }

    /** As {@link #run(String[])}, the refusal's sentence going to {@code sentences} (null: stderr). */
    static int run(String[] args, PrintWriter sentences) {
        CommandLine commandLine = new CommandLine(new AntiphonCommand());
        commandLine.setExecutionExceptionHandler(new FriendlyErrors());
        commandLine.setParameterExceptionHandler(new FriendlyErrors.BadOption());
        HelpLayout.install(commandLine);
        if (sentences != null) commandLine.setErr(sentences);
        return commandLine.execute(args);
    }

    /**
     * Runs the command line and exits with its code. A refusal's sentence comes last on stderr: the log's
     * asynchronous appender is stopped first, which writes every log line it still holds (they would otherwise come
     * after the sentence, or between its words' lines).
     */
    public static void main(String[] args) {
        StringWriter sentence = new StringWriter();
        int code = run(args, new PrintWriter(sentence, true));
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logging) logging.stop();
        System.err.print(sentence);
        System.err.flush();
        System.exit(code);
    }
}
