package io.tunnelsim.scenario.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import io.tunnelsim.topology.KeepaliveSpec;
import io.tunnelsim.topology.RoutingProtocol;
import io.tunnelsim.topology.TopologySpec;

/**
 * One way to run the scenario. Overrides replace the matching timers on every router and
 * interface of the topology; absent fields keep the topology's values.
 *
 * @param routing   the protocol to run; {@link RoutingProtocol#NONE} keeps the topology's configuration
 * @param topology  the topology this variant runs on (its own, or the scenario's)
 * @param overrides the protocol modules' overrides by module key ({@code ospf}, {@code rip}), in
 *                  registration order; each value is the record of the module's
 *                  {@link io.tunnelsim.topology.VariantOverrides}
 * @param keepalive GRE keepalives to enable on every tunnel
 * @param bfd       BFD timers: with {@code routing: static} every generated static route is gated
 *                  by a BFD session to its next hop, with {@code routing: ospf} every generated
 *                  OSPF tunnel interface has {@code bfd}
 */
public record VariantSpec(String name, RoutingProtocol routing, TopologySpec topology, Map<String, Object> overrides,
                          Optional<TrackOverrides> track, Optional<KeepaliveSpec> keepalive,
                          Optional<io.tunnelsim.routing.bfd.BfdTimers> bfd) {

    public VariantSpec {
        overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
    }

    public VariantSpec(String name, RoutingProtocol routing, TopologySpec topology, Map<String, Object> overrides,
                       Optional<TrackOverrides> track, Optional<KeepaliveSpec> keepalive) {
        this(name, routing, topology, overrides, track, keepalive, Optional.empty());
    }

    /** The overrides of the given record type ({@code OspfOverrides.class}), if the variant has them. */
    public <O> Optional<O> override(Class<O> type) {
        for (Object o : overrides.values()) {
            if (type.isInstance(o)) {
                return Optional.of(type.cast(o));
            }
        }
        return Optional.empty();
    }

    /** IP SLA probe overrides for every track. */
    public record TrackOverrides(OptionalLong frequencyNs, OptionalLong timeoutNs) {
    }
}
