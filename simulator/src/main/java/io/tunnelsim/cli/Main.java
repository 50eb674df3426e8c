package io.tunnelsim.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tunnelsim} command: the only place the process exits. */
@Command(name = "tunnelsim", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Discrete-event simulator for GRE/IPsec topologies: how long are sites cut off when a link or hub dies?",
        subcommands = {ValidateCommand.class, RunCommand.class, ShowCommand.class, CompareCommand.class,
                SweepCommand.class, GenerateCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Exit code for bad input (YAML errors, unknown names). */
    public static final int EXIT_BAD_INPUT = 2;
    /** Exit code for a failure while simulating or writing results. */
    public static final int EXIT_FAILURE = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (tests call this). */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(new Errors());
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("tunnelsim: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try 'tunnelsim " + ex.getCommandLine().getCommandName() + " --help'.");
            return EXIT_BAD_INPUT;
        });
        return cl.execute(args);
    }
}
