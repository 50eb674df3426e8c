package io.tunnelsim.scenario.spec;

import java.util.Optional;
import java.util.OptionalLong;

import io.tunnelsim.topology.KeepaliveSpec;
import io.tunnelsim.topology.RoutingProtocol;
import io.tunnelsim.routing.ospf.SpfThrottle;
import io.tunnelsim.topology.TopologySpec;

/**
 * One way to run the scenario. Overrides replace the matching timers on every router and
 * interface of the topology; absent fields keep the topology's values.
 *
 * @param routing   the protocol to run; {@link RoutingProtocol#NONE} keeps the topology's configuration
 * @param topology  the topology this variant runs on (its own, or the scenario's)
 * @param keepalive GRE keepalives to enable on every tunnel
 * @param bfd       BFD timers: with {@code routing: static} every generated static route is gated
 *                  by a BFD session to its next hop, with {@code routing: ospf} every generated
 *                  OSPF tunnel interface has {@code bfd}
 */
public record VariantSpec(String name, RoutingProtocol routing, TopologySpec topology, Optional<OspfOverrides> ospf,
                          Optional<RipOverrides> rip, Optional<TrackOverrides> track, Optional<KeepaliveSpec> keepalive,
                          Optional<io.tunnelsim.routing.bfd.BfdTimers> bfd) {

    public VariantSpec(String name, RoutingProtocol routing, TopologySpec topology, Optional<OspfOverrides> ospf,
                       Optional<RipOverrides> rip, Optional<TrackOverrides> track, Optional<KeepaliveSpec> keepalive) {
        this(name, routing, topology, ospf, rip, track, keepalive, Optional.empty());
    }

    /** OSPF timer overrides; {@code helloMultiplier} 3-20 turns IOS fast hellos on (0 = not overridden). */
    public record OspfOverrides(OptionalLong helloNs, OptionalLong deadNs, Optional<SpfThrottle> spf, int helloMultiplier) {
        public OspfOverrides(OptionalLong helloNs, OptionalLong deadNs, Optional<SpfThrottle> spf) {
            this(helloNs, deadNs, spf, 0);
        }
    }

    /** RIP timer overrides. */
    public record RipOverrides(OptionalLong updateNs, OptionalLong timeoutNs, OptionalLong garbageNs,
                               OptionalLong holddownNs, OptionalLong jitterNs) {
        public RipOverrides(OptionalLong updateNs, OptionalLong timeoutNs, OptionalLong garbageNs, OptionalLong holddownNs) {
            this(updateNs, timeoutNs, garbageNs, holddownNs, OptionalLong.empty());
        }
    }

    /** IP SLA probe overrides for every track. */
    public record TrackOverrides(OptionalLong frequencyNs, OptionalLong timeoutNs) {
    }
}
