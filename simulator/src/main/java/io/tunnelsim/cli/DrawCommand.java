package io.tunnelsim.cli;

import io.tunnelsim.report.TopologyDiagram;
import io.tunnelsim.experiment.FailureHighlights;
import io.tunnelsim.scenario.spec.ScenarioSpec;
import io.tunnelsim.topology.DidYouMean;
import io.tunnelsim.topology.Diagnostic;
import io.tunnelsim.topology.TopologyLoader;
import io.tunnelsim.topology.TopologySpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tunnelsim draw FILE -o topology.png}: the topology diagram of report.html as a file. */
@Command(name = "draw", mixinStandardHelpOptions = true,
        description = "Draw a topology as a PNG (links solid, GRE tunnels dashed). Given a scenario, draws its topology"
                + " with the timeline's failed elements in red.")
final class DrawCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "Topology or scenario YAML file.")
    Path file;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.png", description = "PNG file to write.")
    Path output;

    @Option(names = "--highlight", paramLabel = "NAME", split = ",",
            description = "Also draw these nodes or links in red (names as in the topology; repeatable or comma-separated).")
    List<String> highlight = new ArrayList<>();

    @picocli.CommandLine.Mixin
    Inputs.PathOptions paths = new Inputs.PathOptions();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        TopologySpec t;
        Map<String, String> nodes = new LinkedHashMap<>();
        Map<String, String> links = new LinkedHashMap<>();
        Map<io.tunnelsim.topology.Endpoint, String> tunnels = new LinkedHashMap<>();
        if (ValidateCommand.isScenario(file)) {
            ScenarioSpec s = Inputs.scenario(file, err, false, paths.allowOutside);
            t = s.topology();
            TopologyDiagram.Highlights h = FailureHighlights.of(s);
            nodes.putAll(h.nodes());
            links.putAll(h.links());
            tunnels.putAll(h.tunnels());
        } else {
            t = TopologyLoader.load(file);
            for (Diagnostic d : t.warnings()) {
                err.println(d);
            }
        }
        for (String name : highlight) {
            if (t.node(name) != null) {
                nodes.putIfAbsent(name, "highlighted");
            } else if (t.link(name).isPresent()) {
                links.putIfAbsent(name, "highlighted");
            } else {
                List<String> known = new ArrayList<>(t.nodes().keySet());
                t.links().forEach(l -> known.add(l.name()));
                throw new BadInputException("--highlight: no node or link '" + name + "' in topology " + t.name()
                        + DidYouMean.hint(name, known));
            }
        }
        if (!output.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
            throw new BadInputException("-o " + output + ": the diagram is a PNG; name the file *.png");
        }
        byte[] png = TopologyDiagram.of(t, new TopologyDiagram.Highlights(nodes, links, tunnels)).png();
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(output, png);
        spec.commandLine().getOut().println("wrote " + output + " (" + TopologyDiagram.WIDTH + " x " + TopologyDiagram.HEIGHT
                + ", topology " + t.name() + ", " + t.nodes().size() + " nodes, " + t.links().size() + " links)");
        return 0;
    }
}
