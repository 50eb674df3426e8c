package io.tunnelsim.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tunnelsim} command: the only place the process exits. */
@Command(name = "tunnelsim", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Discrete-event simulator for GRE/IPsec topologies: how long are sites cut off when a link or hub dies?",
        subcommands = {ValidateCommand.class, RunCommand.class, ShowCommand.class, CompareCommand.class,
                SweepCommand.class, GenerateCommand.class, DrawCommand.class, SchemaCommand.class, BenchCommand.class, CommandLine.HelpCommand.class,
                picocli.AutoComplete.GenerateCompletion.class})
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
            CommandLine c = ex.getCommandLine();
            String cmd = c.getParent() == null ? "tunnelsim" : "tunnelsim " + c.getCommandName();
            ex.getCommandLine().getErr().println("Try '" + cmd + " --help'.");
            return EXIT_BAD_INPUT;
        });
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            cl.getErr().println("tunnelsim: out of memory (Java heap) while running; give the JVM more heap"
                    + " (TUNNELSIM_JAVA_OPTS=-Xmx8g ./tunnelsim ...), or use a coarser probe interval, a shorter duration"
                    + " or fewer nodes");
            cl.getErr().flush();
            return EXIT_FAILURE;
        } catch (StackOverflowError e) {
            cl.getErr().println("tunnelsim: out of stack space while running; raise the thread stack size"
                    + " (TUNNELSIM_JAVA_OPTS=-Xss16m ./tunnelsim ...) and please report this input");
            cl.getErr().flush();
            return EXIT_FAILURE;
        } catch (Error e) {
            cl.getErr().println("tunnelsim: fatal JVM error: " + e);
            cl.getErr().flush();
            return EXIT_FAILURE;
        }
    }
}
