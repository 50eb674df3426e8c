package io.tunnelsim.routing.ospf;

import io.tunnelsim.addr.Ipv4Address;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Configuration of one OSPF process ({@code router ospf 1}).
 *
 * @param processId the process number shown in log lines
 * @param routerId the router ID, or null to pick the highest loopback address (else the
 *        highest interface address) when the process starts
 * @param spfThrottle SPF scheduling; {@link SpfThrottle#CLASSIC} or {@link SpfThrottle#MODERN}
 * @param referenceBandwidthBps cost = reference / interface bandwidth (at least 1), 100 Mbit/s by default
 * @param interfaces OSPF-enabled interfaces by interface name, in configuration order;
 *        interfaces not listed do not run OSPF
 * @param rfcLoopbackCost false (default, as IOS): a loopback's host route carries the interface cost
 *        (reference bandwidth / 8 Gbit/s, at least 1, or its {@code cost}); true: cost 0 as RFC 2328
 *        §12.4.1.1 writes it
 * @param areas per-area settings (stub areas) by area ID; an area not listed is a normal area
 */
public record OspfConfig(int processId, Ipv4Address routerId, SpfThrottle spfThrottle, long referenceBandwidthBps,
                         Map<String, OspfInterfaceConfig> interfaces, boolean rfcLoopbackCost,
                         Map<Ipv4Address, AreaSettings> areas) {
    public static final long DEFAULT_REFERENCE_BANDWIDTH = 100_000_000L;

    public OspfConfig {
        Objects.requireNonNull(spfThrottle, "spfThrottle");
        if (processId < 1 || processId > 65535) {
            throw new IllegalArgumentException("OSPF process ID " + processId + " is outside 1-65535");
        }
        if (referenceBandwidthBps <= 0) {
            throw new IllegalArgumentException("reference bandwidth must be positive");
        }
        interfaces = Collections.unmodifiableMap(new LinkedHashMap<>(interfaces));
        areas = Collections.unmodifiableMap(new LinkedHashMap<>(areas));
        if (areas.getOrDefault(Ipv4Address.ANY, AreaSettings.NORMAL).stub()) {
            throw new IllegalArgumentException("the backbone (area 0) cannot be a stub area");
        }
    }

    /** Process 1 with the given router ID (null: automatic), modern SPF throttle, no interfaces yet. */
    public static OspfConfig of(Ipv4Address routerId) {
        return new OspfConfig(1, routerId, SpfThrottle.MODERN, DEFAULT_REFERENCE_BANDWIDTH, Map.of(), false, Map.of());
    }

    public OspfConfig withInterface(String name, OspfInterfaceConfig c) {
        LinkedHashMap<String, OspfInterfaceConfig> m = new LinkedHashMap<>(interfaces);
        m.put(name, c);
        return new OspfConfig(processId, routerId, spfThrottle, referenceBandwidthBps, m, rfcLoopbackCost, areas);
    }

    public OspfConfig withSpfThrottle(SpfThrottle t) {
        return new OspfConfig(processId, routerId, t, referenceBandwidthBps, interfaces, rfcLoopbackCost, areas);
    }

    public OspfConfig withReferenceBandwidth(long bps) {
        return new OspfConfig(processId, routerId, spfThrottle, bps, interfaces, rfcLoopbackCost, areas);
    }

    public OspfConfig withProcessId(int id) {
        return new OspfConfig(id, routerId, spfThrottle, referenceBandwidthBps, interfaces, rfcLoopbackCost, areas);
    }

    /** Loopback host routes with cost 0 (RFC 2328 §12.4.1.1) instead of the interface cost (IOS). */
    public OspfConfig withRfcLoopbackCost(boolean rfc) {
        return new OspfConfig(processId, routerId, spfThrottle, referenceBandwidthBps, interfaces, rfc, areas);
    }

    /** With {@code area}'s settings (stub, no-summary, default cost). */
    public OspfConfig withArea(Ipv4Address area, AreaSettings settings) {
        LinkedHashMap<Ipv4Address, AreaSettings> m = new LinkedHashMap<>(areas);
        m.put(area, settings);
        return new OspfConfig(processId, routerId, spfThrottle, referenceBandwidthBps, interfaces, rfcLoopbackCost, m);
    }

    /** The settings of {@code area}: as configured, else a normal area. */
    public AreaSettings area(Ipv4Address area) {
        return areas.getOrDefault(area, AreaSettings.NORMAL);
    }
}
