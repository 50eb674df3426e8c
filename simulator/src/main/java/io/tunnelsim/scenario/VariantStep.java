package io.tunnelsim.scenario;

import io.tunnelsim.routing.ospf.OspfInstaller;
import io.tunnelsim.routing.ospf.OspfInterfaceSpec;
import io.tunnelsim.routing.ospf.OspfSpec;
import io.tunnelsim.routing.rip.RipSpec;
import io.tunnelsim.scenario.spec.VariantSpec;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.topology.InterfaceSpec;
import io.tunnelsim.topology.KeepaliveSpec;
import io.tunnelsim.topology.NodeSpec;
import io.tunnelsim.topology.RoutingProtocol;
import io.tunnelsim.topology.TopologySpec;
import io.tunnelsim.topology.TunnelSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Applies a variant to a topology as a pure spec → spec step, before the network is built:
 * <ul>
 *   <li>the {@code ospf:} overrides (hello, dead, spf) replace those of every configured
 *       {@code ospf:} section; a dead interval not overridden follows an overridden hello as
 *       four hellos (RFC 2328 C.3 RouterDeadInterval default), in whole seconds as on the wire;</li>
 *   <li>the {@code rip:} overrides (update, timeout, garbage, holddown) replace those of every
 *       configured {@code rip:} section;</li>
 *   <li>the {@code keepalive:} override replaces every GRE tunnel's keepalive; without it, a
 *       run whose routing is {@code static} gives tunnels without keepalives the default ones
 *       (10 s, 3 retries), because static routing needs a failure detector and GRE keepalives
 *       are what routers use for it.</li>
 * </ul>
 * The routing the variant generates on the overlay (and its tracks) is decided later by
 * {@link RoutingPlan}. When nothing applies, the topology is returned as it is.
 */
public final class VariantStep {
    private VariantStep() {
    }

    public static TopologySpec apply(TopologySpec spec, VariantSpec variant) {
        RoutingProtocol routing = variant == null || variant.routing() == RoutingProtocol.NONE ? spec.routing() : variant.routing();
        Optional<KeepaliveSpec> keepalive = variant == null ? Optional.empty() : variant.keepalive();
        boolean staticKeepalives = keepalive.isEmpty() && routing == RoutingProtocol.STATIC;
        Optional<VariantSpec.OspfOverrides> ospf = variant == null ? Optional.empty() : variant.ospf();
        Optional<VariantSpec.RipOverrides> rip = variant == null ? Optional.empty() : variant.rip();
        if (keepalive.isEmpty() && !staticKeepalives && ospf.isEmpty() && rip.isEmpty()) {
            return spec;
        }
        Map<String, NodeSpec> nodes = new LinkedHashMap<>();
        for (NodeSpec n : spec.nodes().values()) {
            NodeSpec m = n;
            if (keepalive.isPresent() || staticKeepalives) {
                m = withInterfaces(m, keepalives(m, keepalive));
            }
            if ((ospf.isPresent() && m.protocol(OspfSpec.class).isPresent())
                    || (rip.isPresent() && m.protocol(RipSpec.class).isPresent())) {
                Map<String, Object> protocols = new LinkedHashMap<>(m.protocols());
                for (var e : protocols.entrySet()) {
                    if (ospf.isPresent() && e.getValue() instanceof OspfSpec s) {
                        e.setValue(ospf(s, ospf.get()));
                    } else if (rip.isPresent() && e.getValue() instanceof RipSpec r) {
                        e.setValue(rip(r, rip.get()));
                    }
                }
                m = m.withProtocols(protocols);
            }
            nodes.put(n.name(), m);
        }
        return new TopologySpec(spec.name(), spec.file(), spec.defaults(), nodes, spec.links(), spec.sections(), spec.routing(),
                spec.locations(), spec.warnings());
    }

    private static NodeSpec withInterfaces(NodeSpec n, Map<String, InterfaceSpec> interfaces) {
        return new NodeSpec(n.name(), n.kind(), interfaces, n.staticRoutes(), n.staticRoutesV6(), n.protocols());
    }

    /** Every tunnel's keepalive: the override, else (static routing) the default where none is configured. */
    static Map<String, InterfaceSpec> keepalives(NodeSpec n, Optional<KeepaliveSpec> override) {
        Map<String, InterfaceSpec> out = new LinkedHashMap<>();
        for (InterfaceSpec i : n.interfaces().values()) {
            if (i.tunnel().isEmpty()) {
                out.put(i.name(), i);
                continue;
            }
            TunnelSpec t = i.tunnel().get();
            Optional<KeepaliveSpec> ka = override.isPresent() ? override
                    : t.keepalive().isPresent() ? t.keepalive() : Optional.of(KeepaliveSpec.DEFAULT);
            out.put(i.name(), i.withTunnel(t.withKeepalive(ka)));
        }
        return out;
    }

    static OspfSpec ospf(OspfSpec s, VariantSpec.OspfOverrides o) {
        Map<String, OspfInterfaceSpec> ifs = new LinkedHashMap<>();
        for (OspfInterfaceSpec i : s.interfaces().values()) {
            ifs.put(i.name(), ospfInterface(i, o));
        }
        return new OspfSpec(s.routerId(), o.spf().orElse(s.spf()), s.referenceBandwidthBps(), ifs, s.rfcLoopbackCost());
    }

    private static OspfInterfaceSpec ospfInterface(OspfInterfaceSpec i, VariantSpec.OspfOverrides o) {
        if (o.helloMultiplier() > 0) {
            return new OspfInterfaceSpec(i.name(), i.area(), i.cost(), SimTime.SECOND / o.helloMultiplier(), SimTime.SECOND,
                    i.retransmitNs(), i.transmitDelayNs(), i.network(), i.priority(), i.passive(), o.helloMultiplier(), i.bfd(), i.authentication());
        }
        if (o.helloNs().isEmpty() && o.deadNs().isEmpty()) {
            return i;
        }
        // a dead override on a fast-hello interface brings the hello back to 10 s, as IOS does
        long hello = o.helloNs().orElse(i.helloMultiplier() > 0 ? SimTime.seconds(10) : i.helloNs());
        long dead = o.deadNs().isPresent() ? o.deadNs().getAsLong()
                : o.helloNs().isPresent() ? 4L * OspfInstaller.seconds(hello) * SimTime.SECOND : i.deadNs();
        return new OspfInterfaceSpec(i.name(), i.area(), i.cost(), hello, dead, i.retransmitNs(), i.transmitDelayNs(),
                i.network(), i.priority(), i.passive(), 0, i.bfd(), i.authentication());
    }

    static RipSpec rip(RipSpec r, VariantSpec.RipOverrides o) {
        return new RipSpec(r.version(), ripTimers(r.timers(), o), r.splitHorizon(), r.defaultOriginate(), r.interfaces(),
                r.requestOnLoss(), r.maximumPaths());
    }

    /** {@code t} with the timers {@code o} overrides (also the base of the RIP a {@code routing: rip} choice generates). */
    static RipSpec.Timers ripTimers(RipSpec.Timers t, VariantSpec.RipOverrides o) {
        return new RipSpec.Timers(o.updateNs().orElse(t.updateNs()), o.timeoutNs().orElse(t.timeoutNs()),
                o.garbageNs().orElse(t.garbageNs()), o.holddownNs().orElse(t.holddownNs()), o.jitterNs().orElse(t.jitterNs()));
    }
}
