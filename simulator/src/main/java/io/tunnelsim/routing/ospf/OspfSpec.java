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
 */
public record OspfSpec(Ipv4Address routerId, SpfThrottle spf, long referenceBandwidthBps,
                       Map<String, OspfInterfaceSpec> interfaces) {

    public OspfSpec {
        interfaces = Collections.unmodifiableMap(new LinkedHashMap<>(interfaces));
    }
}
