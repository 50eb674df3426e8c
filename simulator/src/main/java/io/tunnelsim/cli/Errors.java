package io.tunnelsim.cli;

import io.tunnelsim.topology.SpecException;
import picocli.CommandLine;

/**
 * Turns exceptions into messages and exit codes: input errors are printed as
 * {@code file:line:column: error: …} lines with exit code 2; anything else is a simulation
 * failure, exit code 1, with a one-line message (the stack trace only with TUNNELSIM_DEBUG=1).
 */
final class Errors implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parse) {
        var err = cl.getErr();
        if (ex instanceof SpecException se) {
            err.println(se.getMessage());
            return Main.EXIT_BAD_INPUT;
        }
        if (ex instanceof io.tunnelsim.scenario.BuildException be) {
            err.println(be.getMessage());
            return Main.EXIT_BAD_INPUT;
        }
        if (ex instanceof BadInputException b) {
            err.println("tunnelsim: " + b.getMessage());
            return Main.EXIT_BAD_INPUT;
        }
        if (ex instanceof io.tunnelsim.live.LiveException le) {
            err.println("tunnelsim: live run stopped: " + le.getMessage());
            return Main.EXIT_FAILURE;
        }
        if (ex instanceof java.io.IOException io) {
            String what = io instanceof java.nio.file.FileSystemException f && f.getFile() != null
                    ? f.getFile() + ": " + OutputFolder.reason(io) : OutputFolder.reason(io);
            err.println("tunnelsim: cannot write results: " + what);
            return Main.EXIT_FAILURE;
        }
        err.println("tunnelsim: simulation failed: " + ex);
        if ("1".equals(System.getenv("TUNNELSIM_DEBUG"))) {
            ex.printStackTrace(err);
        } else {
            err.println("(set TUNNELSIM_DEBUG=1 to see the stack trace)");
        }
        return Main.EXIT_FAILURE;
    }
}
