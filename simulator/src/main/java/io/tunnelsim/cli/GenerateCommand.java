package io.tunnelsim.cli;

import io.tunnelsim.topology.RoutingProtocol;
import io.tunnelsim.topology.TopologyGenerator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tunnelsim generate hub-and-spoke|full-mesh}: writes a generated topology and, beside
 * it, a scenario that runs it (a probe flow, a failure and its repair, routing variants).
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write a generated topology and a runnable scenario beside it:",
            "  hub-and-spoke --spokes N [--hubs 1|2] [--summary | --areas N]   or   full-mesh --sites N",
            "With -o DIR/NAME.yaml the scenario goes to DIR/NAME-scenario.yaml; without -o the topology is printed"
                    + " and no scenario is written."})
final class GenerateCommand implements Callable<Integer> {
    /** Largest comparison the generated scenario runs all three routing variants for. */
    static final int ALL_VARIANTS_UP_TO_SITES = 50;

    /** The topology's routing words ({@link RoutingProtocol#byName()}): help and completion of {@code --routing}. */
    static final class RoutingWords implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return RoutingProtocol.byName().keySet().iterator();
        }
    }

    @Parameters(paramLabel = "SHAPE", description = "hub-and-spoke or full-mesh")
    String shape;

    @Option(names = "--spokes", paramLabel = "N",
            description = "Number of spokes, 1-5000, with --summary or --areas 1-10000 (hub-and-spoke; required there).")
    Integer spokes;

    @Option(names = "--hubs", paramLabel = "H", description = "Number of hubs, 1 or 2 (hub-and-spoke; default 2).")
    Integer hubs;

    @Option(names = "--sites", paramLabel = "N", description = "Number of sites, 2-60 (full-mesh; required there).")
    Integer sites;

    @Option(names = "--dual-isp", description = "Attach every site to a second provider (isp-b) with backup tunnels over it.")
    boolean dualIsp;

    @Option(names = "--summary", description = "Hub-and-spoke, static: configure the routes, spokes sending one summary"
            + " (10.0.0.0/8) to hub1 and, floating, to hub2; hubs routing each spoke; keepalives on every tunnel.")
    boolean summary;

    @Option(names = "--areas", paramLabel = "N", description = "Hub-and-spoke, ospf: configure OSPF with N spokes per"
            + " totally stubby area (areas 1, 2, ...), the hubs area border routers sending a default route into each.")
    Integer areas;

    @Option(names = "--ipsec", description = "Protect every tunnel with IPsec (ESP transport mode, GRE over IPsec).")
    boolean ipsec;

    @Option(names = "--routing", paramLabel = "P", completionCandidates = RoutingWords.class,
            description = "Topology's routing intent: ${COMPLETION-CANDIDATES} (default ospf).")
    String routing = "ospf";

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Topology file (default: standard output).")
    Path output;

    @Option(names = "--no-scenario", description = "With -o: write only the topology.")
    boolean noScenario;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RoutingProtocol r = RoutingProtocol.byName().get(routing);
        if (r == null) {
            throw new BadInputException("unknown routing '" + routing + "' (" + String.join(", ", RoutingProtocol.byName().keySet()) + ")");
        }
        if (summary && (!shape.equals("hub-and-spoke") || r != RoutingProtocol.STATIC || dualIsp)) {
            throw new BadInputException("--summary is for hub-and-spoke with --routing static over one provider"
                    + " (without --dual-isp)");
        }
        if (areas != null && (!shape.equals("hub-and-spoke") || !RoutingProtocol.named("ospf").equals(r) || dualIsp || summary)) {
            throw new BadInputException("--areas is for hub-and-spoke with --routing ospf over one provider"
                    + " (without --dual-isp or --summary)");
        }
        if (areas != null && (areas < 1 || areas > 10_000)) {
            throw new BadInputException("--areas needs 1-10000 spokes per area");
        }
        TopologyGenerator.Options o = new TopologyGenerator.Options(dualIsp, ipsec, summary, areas == null ? 0 : areas);
        String yaml;
        String name;
        int siteCount;
        int hubCount = 0;
        boolean hubAndSpoke;
        switch (shape) {
            case "hub-and-spoke" -> {
                if (sites != null) {
                    throw new BadInputException("--sites is for full-mesh; hub-and-spoke takes --spokes N and --hubs 1|2");
                }
                if (spokes == null) {
                    throw new BadInputException("hub-and-spoke needs --spokes N (1-5000)");
                }
                hubCount = hubs == null ? 2 : hubs;
                int most = o.configured() ? 10_000 : 5000;
                if (spokes < 1 || spokes > most || hubCount < 1 || hubCount > 2) {
                    throw new BadInputException("hub-and-spoke needs 1-" + most + " spokes and 1 or 2 hubs"
                            + (o.configured() ? "" : " (up to 10000 with --summary or --areas)"));
                }
                yaml = TopologyGenerator.hubAndSpoke(spokes, hubCount, r, o);
                name = TopologyGenerator.hubAndSpokeName(spokes, hubCount, o);
                siteCount = spokes + hubCount;
                hubAndSpoke = true;
            }
            case "full-mesh" -> {
                if (spokes != null || hubs != null) {
                    throw new BadInputException((spokes != null ? "--spokes" : "--hubs")
                            + " is for hub-and-spoke; full-mesh takes --sites N");
                }
                if (sites == null) {
                    throw new BadInputException("full-mesh needs --sites N (2-60)");
                }
                if (sites < 2 || sites > 60) {
                    throw new BadInputException("full-mesh needs 2-60 sites");
                }
                yaml = TopologyGenerator.fullMesh(sites, r, o);
                name = TopologyGenerator.fullMeshName(sites, o);
                siteCount = sites;
                hubAndSpoke = false;
            }
            default -> throw new BadInputException("unknown shape '" + shape + "' (hub-and-spoke or full-mesh)");
        }
        var out = spec.commandLine().getOut();
        if (output == null) {
            if (noScenario) {
                throw new BadInputException("--no-scenario goes with -o FILE (without -o no scenario is written)");
            }
            out.print(yaml);
            out.flush();
            return 0;
        }
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(output, schemaLine(output, "topology") + yaml, StandardCharsets.UTF_8);
        out.println("wrote " + output);
        if (!noScenario) {
            String file = output.getFileName().toString();
            String stem = file.endsWith(".yaml") ? file.substring(0, file.length() - 5)
                    : file.endsWith(".yml") ? file.substring(0, file.length() - 4) : file;
            Path scenario = output.resolveSibling(stem + "-scenario.yaml");
            List<RoutingProtocol> variants = new ArrayList<>();
            if (o.configured()) {
                // the configured routing, then the dynamic protocols in its place where all variants fit
                variants.add(RoutingProtocol.NONE);
                if (siteCount <= ALL_VARIANTS_UP_TO_SITES) {
                    variants.addAll(List.of(RoutingProtocol.named("rip"), RoutingProtocol.named("ospf")));
                }
            } else if (siteCount <= ALL_VARIANTS_UP_TO_SITES) {
                variants.addAll(List.of(RoutingProtocol.STATIC, RoutingProtocol.named("rip"), RoutingProtocol.named("ospf")));
            } else {
                variants.add(r == RoutingProtocol.NONE ? RoutingProtocol.STATIC : r);
            }
            Files.writeString(scenario, schemaLine(scenario, "scenario") + TopologyGenerator.scenario(file, name, hubAndSpoke, hubCount, siteCount, o, variants)
                    .replace("<this file>", scenario.toString()), StandardCharsets.UTF_8);
            out.println("wrote " + scenario + " (run it: tunnelsim compare " + scenario + ")");
        }
        return 0;
    }

    /**
     * The line that points editors at the schema ({@code # yaml-language-server: $schema=...}),
     * when {@code file} lies below a folder with {@code schema/KIND.schema.json} (a checkout of the
     * repository); else nothing.
     */
    static String schemaLine(Path file, String kind) {
        Path dir = file.toAbsolutePath().normalize().getParent();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path s = d.resolve("schema").resolve(kind + ".schema.json");
            if (Files.isRegularFile(s)) {
                return "# yaml-language-server: $schema=" + dir.relativize(s).toString().replace('\\', '/') + "\n";
            }
        }
        return "";
    }
}
