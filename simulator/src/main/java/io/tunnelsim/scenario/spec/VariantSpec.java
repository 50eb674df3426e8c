package io.tunnelsim.scenario.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.tunnelsim.routing.bfd.BfdTimers;
import io.tunnelsim.routing.track.module.TrackOverrides;
import io.tunnelsim.topology.KeepaliveSpec;
import io.tunnelsim.topology.RoutingProtocol;
import io.tunnelsim.topology.TopologySpec;

/**
 * One way to run the scenario. Overrides replace the matching timers on every router and
 * interface of the topology; absent fields keep the topology's values.
 *
 * @param routing   the protocol to run; {@link RoutingProtocol#NONE} keeps the topology's configuration
 * @param topology  the topology this variant runs on (its own, or the scenario's)
 * @param overrides the records of the protocol modules' variant keys by module key ({@code track},
 *                  {@code ospf}, {@code rip}, {@code bfd}), in the order they were read; each value is
 *                  the record of the module's {@link io.tunnelsim.topology.ProtocolModule#variantKey()}
 * @param keepalive GRE keepalives to enable on every tunnel
 */
public record VariantSpec(String name, RoutingProtocol routing, TopologySpec topology, Map<String, Object> overrides,
                          Optional<KeepaliveSpec> keepalive) {

    public VariantSpec {
        overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
    }

    /** A variant with the track module's {@code track:} timers ({@link #track()}) besides {@code overrides}. */
    public VariantSpec(String name, RoutingProtocol routing, TopologySpec topology, Map<String, Object> overrides,
                       Optional<TrackOverrides> track, Optional<KeepaliveSpec> keepalive) {
        this(name, routing, topology, withTrack(overrides, track), keepalive);
    }

    private static Map<String, Object> withTrack(Map<String, Object> overrides, Optional<TrackOverrides> track) {
        if (track.isEmpty()) {
            return overrides;
        }
        Map<String, Object> out = new LinkedHashMap<>(overrides);
        out.put("track", track.get());
        return out;
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

    /** IP SLA timers of the tracks {@code routing: static} generates (the track module's {@code track:} key). */
    public Optional<TrackOverrides> track() {
        return override(TrackOverrides.class);
    }

    /**
     * BFD timers (the BFD module's {@code bfd:} key): with {@code routing: static} every generated
     * static route is gated by a BFD session to its next hop, with {@code routing: ospf} every
     * generated OSPF tunnel interface has {@code bfd}.
     */
    public Optional<BfdTimers> bfd() {
        return override(BfdTimers.class);
    }
}
