package io.tunnelsim.scenario;

import io.tunnelsim.routing.ospf.OspfInstaller;
import io.tunnelsim.routing.ospf.OspfInterfaceSpec;
import io.tunnelsim.routing.ospf.OspfSpec;
import io.tunnelsim.scenario.spec.VariantSpec;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.topology.NodeSpec;
import io.tunnelsim.topology.TopologySpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Applies a variant's protocol overrides to a topology, as a pure spec → spec step before the
 * network is built: the {@code ospf:} overrides (hello, dead, spf) replace those of every
 * configured {@code ospf:} section. A dead interval not overridden follows an overridden hello
 * as four hellos (RFC 2328 C.3 RouterDeadInterval default), counted in whole seconds as on the
 * wire. Without a variant, or without overrides, the topology is returned unchanged.
 */
public final class VariantStep {
    private VariantStep() {
    }

    public static TopologySpec apply(TopologySpec spec, VariantSpec variant) {
        if (variant == null || variant.ospf().isEmpty()) {
            return spec;
        }
        VariantSpec.OspfOverrides o = variant.ospf().get();
        Map<String, NodeSpec> nodes = new LinkedHashMap<>();
        boolean changed = false;
        for (NodeSpec n : spec.nodes().values()) {
            if (n.protocol(OspfSpec.class).isEmpty()) {
                nodes.put(n.name(), n);
                continue;
            }
            Map<String, Object> protocols = new LinkedHashMap<>(n.protocols());
            for (var e : protocols.entrySet()) {
                if (e.getValue() instanceof OspfSpec s) {
                    e.setValue(ospf(s, o));
                }
            }
            nodes.put(n.name(), n.withProtocols(protocols));
            changed = true;
        }
        if (!changed) {
            return spec;
        }
        return new TopologySpec(spec.name(), spec.file(), spec.defaults(), nodes, spec.links(), spec.ipsec(), spec.routing(),
                spec.locations(), spec.warnings());
    }

    static OspfSpec ospf(OspfSpec s, VariantSpec.OspfOverrides o) {
        Map<String, OspfInterfaceSpec> ifs = new LinkedHashMap<>();
        for (OspfInterfaceSpec i : s.interfaces().values()) {
            long hello = o.helloNs().orElse(i.helloNs());
            long dead = o.deadNs().isPresent() ? o.deadNs().getAsLong()
                    : o.helloNs().isPresent() ? 4L * OspfInstaller.seconds(hello) * SimTime.SECOND : i.deadNs();
            ifs.put(i.name(), new OspfInterfaceSpec(i.name(), i.area(), i.cost(), hello, dead, i.retransmitNs(),
                    i.transmitDelayNs(), i.network(), i.priority(), i.passive(), i.bfd()));
        }
        return new OspfSpec(s.routerId(), o.spf().orElse(s.spf()), s.referenceBandwidthBps(), ifs);
    }
}
