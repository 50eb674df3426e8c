package io.tunnelsim.routing.ospf;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.tunnelsim.addr.Ipv4Address;

/**
 * The {@code ospf:} section of a router (RFC 2328), defaults applied; read by {@link OspfYaml},
 * installed by {@link OspfInstaller}.
 *
 * @param routerId                as written, else the highest loopback address, else the highest
 *                                interface address
 * @param referenceBandwidthBps   cost = reference / interface bandwidth (default
 *                                {@link OspfConfig#DEFAULT_REFERENCE_BANDWIDTH})
 * @param interfaces              interfaces that run OSPF, by name
 * @param rfcLoopbackCost         {@code loopback-cost: rfc}: loopback host routes cost 0 (RFC 2328
 *                                §12.4.1.1); default {@code ios}: the interface cost (1 at 100 Mbit/s reference)
 * @param areas                   the {@code areas:} settings (stub areas) by area ID as a 32-bit value;
 *                                an area not listed is a normal area
 */
public record OspfSpec(Ipv4Address routerId, SpfThrottle spf, long referenceBandwidthBps,
                       Map<String, OspfInterfaceSpec> interfaces, boolean rfcLoopbackCost, Map<Long, AreaSettings> areas) {

    /** With IOS loopback costs. */
    public OspfSpec(Ipv4Address routerId, SpfThrottle spf, long referenceBandwidthBps, Map<String, OspfInterfaceSpec> interfaces) {
        this(routerId, spf, referenceBandwidthBps, interfaces, false, Map.of());
    }

    public OspfSpec {
        interfaces = Collections.unmodifiableMap(new LinkedHashMap<>(interfaces));
        areas = Collections.unmodifiableMap(new LinkedHashMap<>(areas));
    }

    /** The settings of {@code area}: as configured, else a normal area. */
    public AreaSettings area(long area) {
        return areas.getOrDefault(area, AreaSettings.NORMAL);
    }
}
