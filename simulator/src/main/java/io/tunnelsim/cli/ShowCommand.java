package io.tunnelsim.cli;

import io.tunnelsim.node.Node;
import io.tunnelsim.scenario.BuiltNetwork;
import io.tunnelsim.scenario.RunOptions;
import io.tunnelsim.scenario.ScenarioRunner;
import io.tunnelsim.scenario.Show;
import io.tunnelsim.scenario.spec.ScenarioSpec;
import io.tunnelsim.scenario.spec.VariantSpec;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tunnelsim show SCENARIO --at TIME --node NAME route|interfaces|neighbors|sa|arp|counters}. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Run a scenario up to a simulated time and print one node's state in the layout of the matching router command.")
final class ShowCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario YAML file.")
    Path scenario;

    @Parameters(index = "1", paramLabel = "WHAT", description = "route, interfaces, neighbors, sa, arp or counters.")
    String what;

    @Option(names = "--at", required = true, paramLabel = "TIME", description = "Simulated time, e.g. 45s.")
    String at;

    @Option(names = "--node", required = true, paramLabel = "NAME", description = "Node to show.")
    String node;

    @Option(names = "--variant", paramLabel = "NAME", description = "Variant (default: the first).")
    String variant;

    @picocli.CommandLine.Mixin
    Inputs.PathOptions paths = new Inputs.PathOptions();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Show.What w;
        try {
            w = Show.What.valueOf(what.toUpperCase(Locale.ROOT).replace("NEIGHBOURS", "NEIGHBORS"));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("unknown show target '" + what + "' (use route, interfaces, neighbors, sa, arp or counters)");
        }
        ScenarioSpec s = Inputs.scenario(scenario, spec.commandLine().getErr(), false, paths.allowOutside);
        VariantSpec v = Inputs.variant(s, variant);
        long t = Inputs.time(at, "--at");
        if (t > s.durationNs()) {
            throw new BadInputException("--at " + at + " is after the end of the run (" + io.tunnelsim.sim.SimTime.formatShort(
                    s.durationNs()) + "); the state after the end is not simulated");
        }
        if (v.topology().node(node) == null) {
            throw new BadInputException("no node '" + node + "' in topology " + v.topology().name());
        }
        BuiltNetwork b = ScenarioRunner.run(s, v, RunOptions.DEFAULT.withUntil(t)).built();
        Node n = b.network().node(node);
        var out = spec.commandLine().getOut();
        out.println(node + " at " + io.tunnelsim.sim.SimTime.formatShort(t) + " (" + s.name() + "/" + v.name() + ")");
        out.print(Show.render(n, w));
        out.flush();
        return 0;
    }
}
