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
        return scenario(file, err, false);
    }

    /** {@code --allow-outside}: read files a scenario references wherever they are (default: confined). */
    static final class PathOptions {
        @picocli.CommandLine.Option(names = "--allow-outside", description = "Read topology files outside the scenario's"
                + " folder and the working directory (refused by default).")
        boolean allowOutside;
    }

    /**
     * Where a scenario's referenced files may lie: below the scenario's folder or the working
     * directory (real paths); null when {@code allowOutside}.
     */
    static java.util.List<Path> confinement(Path scenario, boolean allowOutside) {
        if (allowOutside) {
            return null;
        }
        java.util.List<Path> roots = new java.util.ArrayList<>();
        for (Path p : new Path[] {scenario.toAbsolutePath().getParent(), Paths.get("").toAbsolutePath()}) {
            if (p == null) {
                continue;
            }
            try {
                p = p.toRealPath();
            } catch (java.io.IOException e) {
                p = p.normalize();
            }
            if (!roots.contains(p)) {
                roots.add(p);
            }
        }
        return roots;
    }

    /** Loads a scenario and prints its warnings; with {@code strict}, any warning is bad input (exit 2). */
    static ScenarioSpec scenario(Path file, PrintWriter err, boolean strict) throws SpecException, BadInputException {
        return scenario(file, err, strict, false);
    }

    static ScenarioSpec scenario(Path file, PrintWriter err, boolean strict, boolean allowOutside)
            throws SpecException, BadInputException {
        if (java.nio.file.Files.isRegularFile(file) && ValidateCommand.kind(file) < 0) {
            throw new BadInputException(file + " is a topology (it has nodes:); this command needs a scenario that names it"
                    + " (topology: " + file.getFileName() + ", duration:, probes:, timeline:; see docs/scenario-format.md)");
        }
        ScenarioSpec s = ScenarioLoader.load(file, confinement(file, allowOutside));
        for (Diagnostic d : s.warnings()) {
            err.println(d);
        }
        if (strict && !s.warnings().isEmpty()) {
            throw new BadInputException(s.warnings().size() + " warning(s) and --strict: fix them or run without --strict");
        }
        return s;
    }

    /**
     * {@code compare} and {@code sweep} run in simulated time only: a scenario with a {@code live:}
     * section is refused at that key (live runs are {@code run --live}, docs/live.md).
     */
    static void refuseLive(ScenarioSpec s, String command) throws io.tunnelsim.scenario.spec.ScenarioException {
        if (s.file() == null || !java.nio.file.Files.isRegularFile(s.file())) {
            return;
        }
        io.tunnelsim.topology.Diagnostics d = new io.tunnelsim.topology.Diagnostics();
        org.yaml.snakeyaml.nodes.Node root = io.tunnelsim.topology.YamlSource.read(s.file(), s.file().toString(), d);
        if (root instanceof org.yaml.snakeyaml.nodes.MappingNode m) {
            for (org.yaml.snakeyaml.nodes.NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof org.yaml.snakeyaml.nodes.ScalarNode k && k.getValue().equals("live")) {
                    throw new io.tunnelsim.scenario.spec.ScenarioException(java.util.List.of(Diagnostic.error(
                            io.tunnelsim.topology.YamlSource.at(s.file().toString(), k.getStartMark()),
                            "'live' is for real-time runs with TAP devices; " + command + " runs in simulated time only and"
                                    + " would ignore it: use 'tunnelsim run --live' (docs/live.md), or remove the live: section"
                                    + " for " + command)));
                }
            }
        }
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

    /** Parses {@code --live lan=tap0,wan=tap1}: every link must exist in the scenario's topology. */
    static java.util.Map<String, String> liveSegments(String text, ScenarioSpec s) throws BadInputException {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        java.util.List<String> links = s.topology().links().stream().map(l -> l.name()).toList();
        for (String item : text.split(",")) {
            String t = item.trim();
            int eq = t.indexOf('=');
            if (eq <= 0 || eq == t.length() - 1) {
                throw new BadInputException("--live: expected SEGMENT=TAPDEV, got '" + t + "'");
            }
            String link = t.substring(0, eq).trim();
            String dev = t.substring(eq + 1).trim();
            if (!links.contains(link)) {
                throw new BadInputException("--live: no link named '" + link + "' in topology " + s.topology().name()
                        + io.tunnelsim.topology.DidYouMean.hint(link, links));
            }
            String bad = io.tunnelsim.live.TapDevice.checkName(dev);
            if (bad != null) {
                throw new BadInputException("--live: TAP device '" + dev + "': " + bad);
            }
            m.put(link, dev);
        }
        return m;
    }
}
