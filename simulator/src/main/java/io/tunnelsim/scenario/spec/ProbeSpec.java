package io.tunnelsim.scenario.spec;

import java.util.Optional;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.topology.Endpoint;
import io.tunnelsim.topology.InterfaceSpec;
import io.tunnelsim.topology.NodeSpec;
import io.tunnelsim.topology.TopologySpec;

/**
 * A stream of probe packets from one node to a target.
 *
 * @param to          the target as written: a node name, {@code node:iface}, or an address
 * @param toAddress   present when {@code to} is an IPv4 address
 * @param toAddress6  present when {@code to} is an IPv6 address (ICMP probes only)
 * @param size        IP datagram total length in bytes (header included)
 * @param startNs     first send time, never before the scenario's warm-up
 * @param port        UDP destination port (UDP probes only; default 5001)
 * @param df          IPv4 probes sent with Don't Fragment set
 * @param pmtud       the sender lowers its packet size to the path MTU that ICMP
 *                    fragmentation-needed reports (RFC 1191 §3, as a TCP sender does)
 * @param sweep       sizes swept probe by probe ({@link SizeSweep#NONE}: every probe is {@code size})
 */
public record ProbeSpec(String name, String from, String to, Optional<Ipv4Address> toAddress,
                        Optional<io.tunnelsim.addr.Ipv6Address> toAddress6, Type type,
                        long intervalNs, int size, long startNs, int port, boolean df, boolean pmtud, SizeSweep sweep) {

    public ProbeSpec(String name, String from, String to, Optional<Ipv4Address> toAddress,
                     Optional<io.tunnelsim.addr.Ipv6Address> toAddress6, Type type,
                     long intervalNs, int size, long startNs, int port) {
        this(name, from, to, toAddress, toAddress6, type, intervalNs, size, startNs, port, false, false, SizeSweep.NONE);
    }

    /**
     * A size sweep, as a router's extended ping ("Sweep range of sizes"): probe k is
     * {@code min + (k mod n) × step} bytes, n the number of sizes from min to max.
     */
    public record SizeSweep(int min, int max, int step) {
        public static final SizeSweep NONE = new SizeSweep(0, 0, 0);

        public boolean isOn() {
            return step > 0;
        }

        /** The size of probe {@code seq}. */
        public int size(int seq) {
            int n = (max - min) / step + 1;
            return min + (seq % n) * step;
        }
    }

    /** True when the target is an IPv6 address: an ICMPv6 echo flow (IPv6 as tunnel passenger). */
    public boolean isIpv6() {
        return toAddress6.isPresent();
    }

    /** Probe transport. */
    public enum Type {
        ICMP, UDP
    }

    /**
     * The destination address in a topology: the address itself, the named interface's address,
     * or for a node its first loopback address (routers) or first addressed interface.
     */
    public Optional<Ipv4Address> targetAddress(TopologySpec topology) {
        if (toAddress.isPresent()) {
            return toAddress;
        }
        if (to.contains(":")) {
            Endpoint e = Endpoint.parse(to);
            return topology.iface(e).flatMap(InterfaceSpec::address).map(p -> p.address());
        }
        return nodeAddress(topology.node(to));
    }

    static Optional<Ipv4Address> nodeAddress(NodeSpec n) {
        if (n == null) {
            return Optional.empty();
        }
        if (!n.isHost()) {
            for (InterfaceSpec i : n.interfaces().values()) {
                if (i.kind() == InterfaceSpec.Kind.LOOPBACK && i.address().isPresent()) {
                    return Optional.of(i.address().get().address());
                }
            }
        }
        for (InterfaceSpec i : n.interfaces().values()) {
            if (i.address().isPresent()) {
                return Optional.of(i.address().get().address());
            }
        }
        return Optional.empty();
    }
}
