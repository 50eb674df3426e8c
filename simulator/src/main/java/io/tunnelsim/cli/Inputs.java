package io.tunnelsim.cli;

import io.tunnelsim.scenario.spec.ScenarioLoader;
import io.tunnelsim.scenario.spec.ScenarioSpec;
import io.tunnelsim.scenario.spec.VariantSpec;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.topology.Diagnostic;
import io.tunnelsim.topology.SpecException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Shared handling of scenario arguments. */
final class Inputs {
    private Inputs() {
    }

    static ScenarioSpec scenario(Path file, PrintWriter err) throws SpecException, BadInputException {
        if (java.nio.file.Files.isRegularFile(file) && ValidateCommand.kind(file) < 0) {
            throw new BadInputException(file + " is a topology (it has nodes:); this command needs a scenario that names it"
                    + " (topology: " + file.getFileName() + ", duration:, probes:, timeline:; see docs/scenario-format.md)");
        }
        ScenarioSpec s = ScenarioLoader.load(file);
        for (Diagnostic d : s.warnings()) {
            err.println(d);
        }
        return s;
    }

    static VariantSpec variant(ScenarioSpec s, String name) throws BadInputException {
        if (name == null) {
            return s.variants().get(0);
        }
        for (VariantSpec v : s.variants()) {
            if (v.name().equals(name)) {
                return v;
            }
        }
        throw new BadInputException("scenario " + s.name() + " has no variant '" + name + "' (variants: "
                + String.join(", ", s.variants().stream().map(VariantSpec::name).toList()) + ")");
    }

    static long time(String text, String option) throws BadInputException {
        try {
            return SimTime.parseDuration(text);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(option + ": " + e.getMessage());
        }
    }

    static Path outDir(Path given, ScenarioSpec s) {
        return given != null ? given : Paths.get("reports", s.name());
    }
}
