package io.tunnelsim.topology;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.tunnelsim.addr.Ipv4Address;

/**
 * OSPFv2 process on a router (RFC 2328).
 *
 * @param routerId                as written, else the highest loopback address, else the highest
 *                                interface address
 * @param referenceBandwidthBps   cost = reference / interface bandwidth (default 100 Mbps)
 * @param interfaces              interfaces that run OSPF, by name
 */
public record OspfSpec(Ipv4Address routerId, SpfThrottle spf, long referenceBandwidthBps,
                       Map<String, OspfInterfaceSpec> interfaces) {

    public OspfSpec {
        interfaces = Collections.unmodifiableMap(new LinkedHashMap<>(interfaces));
    }
}
