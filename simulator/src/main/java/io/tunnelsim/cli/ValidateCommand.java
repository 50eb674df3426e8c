package io.tunnelsim.cli;

import io.tunnelsim.scenario.spec.ScenarioLoader;
import io.tunnelsim.scenario.spec.ScenarioSpec;
import io.tunnelsim.topology.Diagnostic;
import io.tunnelsim.topology.SpecException;
import io.tunnelsim.topology.TopologyLoader;
import io.tunnelsim.topology.TopologySpec;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tunnelsim validate FILE…}: checks topology and scenario files, all errors in one pass. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check topology or scenario files; prints every error as file:line:column. Exit 0 when valid, 2 otherwise.")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Topology or scenario YAML files.")
    List<Path> files;

    @picocli.CommandLine.Option(names = "--strict", description = "Treat warnings as errors: exit 2 when any file has one.")
    boolean strict;

    @picocli.CommandLine.Mixin
    Inputs.PathOptions paths = new Inputs.PathOptions();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        int code = 0;
        for (Path f : files) {
            try {
                List<Diagnostic> warnings;
                String what;
                if (isScenario(f)) {
                    ScenarioSpec s = ScenarioLoader.load(f, Inputs.confinement(f, paths.allowOutside));
                    warnings = s.warnings();
                    what = "scenario " + s.name() + " (" + s.variants().size() + " variant(s), " + s.timeline().size() + " action(s))";
                } else {
                    TopologySpec t = TopologyLoader.load(f);
                    warnings = t.warnings();
                    what = "topology " + t.name() + " (" + t.nodes().size() + " nodes, " + t.links().size() + " links)";
                }
                warnings.forEach(err::println);
                if (strict && !warnings.isEmpty()) {
                    err.println(f + ": " + warnings.size() + " warning(s), --strict: not ok");
                    code = Main.EXIT_BAD_INPUT;
                    continue;
                }
                out.println(f + ": ok: " + what);
            } catch (SpecException e) {
                err.println(e.getMessage());
                code = Main.EXIT_BAD_INPUT;
            }
        }
        return code;
    }

    /**
     * A scenario names a topology and a duration; a topology has nodes. Decided on the parsed
     * root mapping's keys, so flow style, an indented root or quoted keys make no difference.
     */
    static boolean isScenario(Path f) {
        return kind(f) > 0;
    }

    /** 1 for a scenario, -1 for a topology (nodes: or links: at the root), 0 when neither. */
    static int kind(Path f) {
        org.yaml.snakeyaml.nodes.Node root = io.tunnelsim.topology.YamlSource.read(f, f.toString(),
                new io.tunnelsim.topology.Diagnostics());
        if (!(root instanceof org.yaml.snakeyaml.nodes.MappingNode m)) {
            return 0;
        }
        boolean scenarioKey = false;
        for (org.yaml.snakeyaml.nodes.NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof org.yaml.snakeyaml.nodes.ScalarNode k) {
                switch (k.getValue()) {
                    case "nodes", "links" -> {
                        return -1;
                    }
                    case "topology", "duration", "timeline", "probes", "variants" -> scenarioKey = true;
                    default -> {
                    }
                }
            }
        }
        return scenarioKey ? 1 : 0;
    }
}
