package io.tunnelsim.experiment;

import io.tunnelsim.report.Human;
import io.tunnelsim.report.TopologyDiagram;
import io.tunnelsim.report.model.ActionKind;
import io.tunnelsim.scenario.spec.ScenarioSpec;
import io.tunnelsim.scenario.spec.TimelineAction;
import io.tunnelsim.topology.Endpoint;
import io.tunnelsim.topology.LinkSpec;
import io.tunnelsim.topology.TopologySpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The elements a scenario's failure actions act on, for the topology diagram. */
public final class FailureHighlights {
    private FailureHighlights() {
    }

    /**
     * Every failure action of the timeline (link-down, silent-failure, impair, interface-down,
     * node-crash) on the scenario's topology, labelled with the action and its time. An
     * interface action on an Ethernet port marks the port's link; on a tunnel, the tunnel.
     * Several actions on one element are joined with a comma.
     */
    public static TopologyDiagram.Highlights of(ScenarioSpec s) {
        return of(s.topology(), s);
    }

    static TopologyDiagram.Highlights of(TopologySpec t, ScenarioSpec s) {
        Map<String, String> nodes = new LinkedHashMap<>();
        Map<String, String> links = new LinkedHashMap<>();
        Map<Endpoint, String> tunnels = new LinkedHashMap<>();
        for (TimelineAction a : s.timeline()) {
            if (Results.kind(a.type()) != ActionKind.FAILURE) {
                continue;
            }
            String text = a.type().yamlName() + " at " + Human.duration(a.atNs());
            switch (a.type().target()) {
                case NODE -> nodes.merge(a.target(), text, FailureHighlights::join);
                case LINK -> a.link(t).ifPresent(l -> links.merge(l.name(), text, FailureHighlights::join));
                case INTERFACE -> {
                    Endpoint e = a.endpoint().orElse(null);
                    if (e == null) {
                        continue;
                    }
                    Optional<LinkSpec> l = t.linkOf(e);
                    if (l.isPresent()) {
                        links.merge(l.get().name(), text + " (" + e + ")", FailureHighlights::join);
                    } else {
                        tunnels.merge(e, text, FailureHighlights::join);
                    }
                }
                default -> {
                }
            }
        }
        return new TopologyDiagram.Highlights(nodes, links, tunnels);
    }

    private static String join(String a, String b) {
        return a + ", " + b;
    }
}
