package io.tunnelsim.cli;

import io.tunnelsim.node.Node;
import io.tunnelsim.json.JsonWriter;
import io.tunnelsim.scenario.BuiltNetwork;
import io.tunnelsim.scenario.RunOptions;
import io.tunnelsim.scenario.ScenarioRunner;
import io.tunnelsim.scenario.Show;
import io.tunnelsim.experiment.ShowJson;
import io.tunnelsim.scenario.spec.ScenarioSpec;
import io.tunnelsim.scenario.spec.VariantSpec;
import io.tunnelsim.sim.SimTime;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tunnelsim show SCENARIO WHAT [ARG] --at TIME[,TIME…] --node NAME [--json]}: one node's
 * state at one or more simulated times, in the layout of the matching router command.
 */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Run a scenario up to simulated times and print one node's state in the layout of the matching"
                + " router command (or as JSON with --json).",
            "WHAT: route | interfaces | interface NAME | neighbors | sa | arp | counters | ospf | ospf database | track",
            "Interfaces are named as in the topology (tunnel0); the router spelling (Tunnel0) is accepted too."})
final class ShowCommand implements Callable<Integer> {
    static final String TARGETS = "route, interfaces, interface NAME, neighbors, sa, arp, counters, ospf, ospf database or track";

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario YAML file.")
    Path scenario;

    @Parameters(index = "1", paramLabel = "WHAT", description = "What to show (see above).")
    String what;

    @Parameters(index = "2", arity = "0..1", paramLabel = "ARG", description = "Interface name for 'interface'; 'database' for 'ospf'.")
    String arg;

    @Option(names = "--at", required = true, split = ",", paramLabel = "TIME",
            description = "Simulated time(s), e.g. 45s, or 45s,90s (or --at repeated): one table per time.")
    List<String> at;

    @Option(names = "--node", required = true, paramLabel = "NAME",
            description = "Node to show; for counters, 'all' gives every node's balance line.")
    String node;

    @Option(names = "--variant", paramLabel = "NAME", description = "Variant (default: the first).")
    String variant;

    @Option(names = "--json", description = "Print JSON (one snapshot per --at time) instead of the router layout.")
    boolean json;

    @picocli.CommandLine.Mixin
    Inputs.PathOptions paths = new Inputs.PathOptions();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** WHAT (and ARG) to a table; refuses an argument the table does not take. */
    static Show.What target(String what, String arg) throws BadInputException {
        String w = what.toLowerCase(Locale.ROOT);
        Show.What t = switch (w) {
            case "route" -> Show.What.ROUTE;
            case "interfaces", "interface" -> arg == null ? (w.equals("interface") ? null : Show.What.INTERFACES) : Show.What.INTERFACE;
            case "neighbors", "neighbours" -> Show.What.NEIGHBORS;
            case "sa" -> Show.What.SA;
            case "arp" -> Show.What.ARP;
            case "counters" -> Show.What.COUNTERS;
            case "ospf" -> arg == null ? Show.What.OSPF : "database".equalsIgnoreCase(arg) ? Show.What.OSPF_DATABASE : null;
            case "track" -> Show.What.TRACK;
            default -> throw new BadInputException("unknown show target '" + what + "' (use " + TARGETS + ")");
        };
        if (t == null) {
            throw new BadInputException(w.equals("ospf") ? "show ospf takes nothing or 'database' (show SCENARIO ospf database --node N --at T)"
                    : "show interface needs the interface's name (e.g. show SCENARIO interface tunnel0 --node N --at T)");
        }
        if (arg != null && t != Show.What.INTERFACE && t != Show.What.OSPF_DATABASE) {
            throw new BadInputException("show " + w + " takes no argument ('" + arg + "')");
        }
        return t;
    }

    @Override
    public Integer call() throws Exception {
        Show.What w = target(what, arg);
        ScenarioSpec s = Inputs.scenario(scenario, spec.commandLine().getErr(), false, paths.allowOutside);
        VariantSpec v = Inputs.variant(s, variant);
        List<Long> times = new ArrayList<>();
        for (String text : at) {
            long t = Inputs.time(text.trim(), "--at");
            if (t > s.durationNs()) {
                throw new BadInputException("--at " + text + " is after the end of the run (" + SimTime.formatShort(
                        s.durationNs()) + "); the state after the end is not simulated");
            }
            times.add(t);
        }
        // every node's counters balance in one table (a node really named "all" is shown alone)
        boolean allNodes = "all".equals(node) && v.topology().node(node) == null;
        if (allNodes && w != Show.What.COUNTERS) {
            throw new BadInputException("--node all works with counters only (show SCENARIO counters --node all --at T)");
        }
        if (!allNodes && v.topology().node(node) == null) {
            throw new BadInputException("no node '" + node + "' in topology " + v.topology().name()
                    + io.tunnelsim.topology.DidYouMean.hint(node, v.topology().nodes().keySet()));
        }
        var out = spec.commandLine().getOut();
        JsonWriter j = new JsonWriter();
        if (json) {
            j.beginObject().member("scenario", s.name()).member("variant", v.name()).member("node", node)
                    .member("show", w.name().toLowerCase(Locale.ROOT));
            if (arg != null) {
                j.member("argument", arg);
            }
            j.name("snapshots").beginArray();
        }
        boolean first = true;
        for (long t : times) {
            // each time is its own deterministic run up to that time: the state a single run passes through
            BuiltNetwork b = ScenarioRunner.run(s, v, RunOptions.DEFAULT.withUntil(t)).built();
            if (allNodes) {
                if (json) {
                    j.beginObject().name("at").seconds(t).name("rows").beginObject();
                    for (Node n : b.network().nodes()) {
                        j.name(n.name());
                        ShowJson.table(j, n, w, arg);
                    }
                    j.endObject().endObject();
                } else {
                    if (!first) {
                        out.println();
                    }
                    out.println("counters balance at " + SimTime.formatShort(t) + " (" + s.name() + "/" + v.name() + ")");
                    for (Node n : b.network().nodes()) {
                        out.println(n.name() + ": " + n.counters().balanceLine());
                    }
                }
                first = false;
                continue;
            }
            Node n = b.network().node(node);
            try {
                if (json) {
                    j.beginObject().name("at").seconds(t).name("rows");
                    ShowJson.table(j, n, w, arg);
                    j.endObject();
                } else {
                    if (!first) {
                        out.println();
                    }
                    out.println(node + " at " + SimTime.formatShort(t) + " (" + s.name() + "/" + v.name() + ")");
                    out.print(Show.render(n, w, arg));
                }
            } catch (IllegalArgumentException e) {
                throw new BadInputException(e.getMessage());
            }
            first = false;
        }
        if (json) {
            out.print(j.endArray().endObject().toJson());
        }
        out.flush();
        return 0;
    }
}
