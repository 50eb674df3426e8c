package io.tunnelsim.cli;

import io.tunnelsim.topology.RoutingProtocol;
import io.tunnelsim.topology.TopologyGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tunnelsim generate hub-and-spoke|full-mesh}: writes large topologies for scale studies. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a generated topology: hub-and-spoke (--spokes N, --hubs H) or full-mesh (--sites N).")
final class GenerateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SHAPE", description = "hub-and-spoke or full-mesh")
    String shape;

    @Option(names = "--spokes", description = "Number of spokes (hub-and-spoke).")
    int spokes = 10;

    @Option(names = "--hubs", description = "Number of hubs, 1 or 2 (hub-and-spoke).")
    int hubs = 2;

    @Option(names = "--sites", description = "Number of sites (full-mesh).")
    int sites = 5;

    @Option(names = "--routing", description = "none, static, rip or ospf (default ospf).")
    String routing = "ospf";

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Output file (default: standard output).")
    Path output;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RoutingProtocol r = RoutingProtocol.byName().get(routing);
        if (r == null) {
            throw new BadInputException("unknown routing '" + routing + "' (none, static, rip, ospf)");
        }
        String yaml = switch (shape) {
            case "hub-and-spoke" -> {
                if (spokes < 1 || spokes > 5000 || hubs < 1 || hubs > 2) {
                    throw new BadInputException("hub-and-spoke needs 1-5000 spokes and 1 or 2 hubs");
                }
                yield TopologyGenerator.hubAndSpoke(spokes, hubs, r);
            }
            case "full-mesh" -> {
                if (sites < 2 || sites > 60) {
                    throw new BadInputException("full-mesh needs 2-60 sites");
                }
                yield TopologyGenerator.fullMesh(sites, r);
            }
            default -> throw new BadInputException("unknown shape '" + shape + "' (hub-and-spoke or full-mesh)");
        };
        if (output == null) {
            spec.commandLine().getOut().print(yaml);
            spec.commandLine().getOut().flush();
        } else {
            if (output.toAbsolutePath().getParent() != null) {
                Files.createDirectories(output.toAbsolutePath().getParent());
            }
            Files.writeString(output, yaml);
            spec.commandLine().getOut().println("wrote " + output);
        }
        return 0;
    }
}
