package io.tunnelsim.topology;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.addr.Ipv6Prefix;

/**
 * One interface of a node. Defaults applied: Ethernet ports take MTU, bandwidth and delay from
 * their link (or the link defaults when unwired); loopbacks are 8 Gbps / 5 ms; tunnels are
 * 100 kbps / 50 ms with an IP MTU of the source interface's MTU minus the GRE overhead
 * (24 bytes plus 4 per checksum, key and sequence option). Bandwidth and delay of loopbacks and
 * tunnels only feed routing metrics.
 *
 * @param address    IPv4 address with its subnet length (host bits kept), if numbered
 * @param gateway    hosts only: default gateway
 * @param unreachables whether the node sends ICMP destination-unreachable (fragmentation-needed
 *                   included) about packets that arrived here; false is IOS {@code no ip unreachables},
 *                   the way a provider that filters ICMP is modelled
 * @param modules    what {@link NetworkModule}s read from their interface keys, by the module's
 *                   root key (IPsec: the profile named by {@code protection} or {@code crypto-map});
 *                   a module the interface does not use has no entry
 */
public record InterfaceSpec(String name, Kind kind, Optional<Ipv4Prefix> address, Optional<Ipv6Prefix> ipv6, int mtu,
                            long bandwidthBps, long delayNs, boolean shutdown, Optional<Ipv4Address> gateway,
                            Optional<TunnelSpec> tunnel, boolean unreachables, Map<String, Object> modules) {

    public InterfaceSpec {
        modules = Collections.unmodifiableMap(new LinkedHashMap<>(modules));
    }

    /** What the network module with root key {@code rootKey} read from this interface, or empty. */
    public Optional<Object> module(String rootKey) {
        return Optional.ofNullable(modules.get(rootKey));
    }

    /** This interface with {@code t} as its tunnel; every other setting kept. */
    public InterfaceSpec withTunnel(TunnelSpec t) {
        return new InterfaceSpec(name, kind, address, ipv6, mtu, bandwidthBps, delayNs, shutdown, gateway, Optional.of(t),
                unreachables, modules);
    }

    /** Ethernet ports sit on links; loopbacks and tunnels do not. */
    public enum Kind {
        ETHERNET, LOOPBACK, TUNNEL
    }

    /** 8 000 000 kbit/s, the bandwidth routers give a loopback. */
    public static final long LOOPBACK_BANDWIDTH = 8_000_000_000L;
    /** 100 kbit/s, the bandwidth routers give a GRE tunnel. */
    public static final long TUNNEL_BANDWIDTH = 100_000L;
    /** GRE base overhead: outer IPv4 header (20) plus GRE header (4). */
    public static final int GRE_OVERHEAD = 24;
}
