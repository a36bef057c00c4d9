package io.antiphon.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

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
                MeasuresCommand.class,
                SoakCommand.class,
                FloodCommand.class,
                CommandLine.HelpCommand.class
        })
public final class AntiphonCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Runs the command line and returns the exit code (0 success, 1 usage, 2 refused input, 70 internal error). */
    public static int run(String[] args) {
        CommandLine commandLine = new CommandLine(new AntiphonCommand());
        commandLine.setExecutionExceptionHandler(new FriendlyErrors());
        return commandLine.execute(args);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }
}
