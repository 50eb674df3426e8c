package io.tunnelsim.cli;

import picocli.CommandLine;

/** The tool version (from the jar manifest when packaged). */
public final class Version implements CommandLine.IVersionProvider {
    public static String get() {
        return io.tunnelsim.sim.ToolVersion.get();
    }

    @Override
    public String[] getVersion() {
        return new String[] {"tunnelsim " + get()};
    }
}
