package io.antiphon.cli;

import picocli.CommandLine;
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
        CommandLine commandLine = new CommandLine(new AntiphonCommand());
        commandLine.setExecutionExceptionHandler(new FriendlyErrors());
        commandLine.setParameterExceptionHandler(new FriendlyErrors.BadOption());
        HelpLayout.install(commandLine);
        return commandLine.execute(args);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }
}
