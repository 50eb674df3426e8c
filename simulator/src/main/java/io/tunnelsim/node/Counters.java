package io.tunnelsim.node;

import io.tunnelsim.node.event.DropReason;
import io.tunnelsim.node.event.PacketDropped;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Packet counters of one node: the common ones as fields (they are touched per packet) and
 * drops by reason name in a sorted map, so output order is stable.
 */
public final class Counters {
    public long received;
    public long forwarded;
    public long delivered;
    public long originated;
    private final TreeMap<String, long[]> drops = new TreeMap<>();
    private final Node node;

    /** Counters not attached to a node: no {@link PacketDropped} events. */
    public Counters() {
        this(null);
    }

    Counters(Node node) {
        this.node = node;
    }

    /** Counts a drop under its reason's label; publishes {@link PacketDropped} when subscribed. */
    public void drop(DropReason reason) {
        drop(reason.label());
        if (node != null && node.network().events().wants(PacketDropped.class)) {
            node.publish(new PacketDropped(node.now(), node.name(), reason));
        }
    }

    /**
     * Counts a drop of packet {@code p} on interface {@code itf} (either may be null); publishes
     * {@link PacketDropped} with the interface and the packet's trace tag when subscribed, and
     * for a probe packet {@link io.tunnelsim.node.event.ProbeDropped} when subscribed.
     */
    public void drop(DropReason reason, io.tunnelsim.wire.PacketBuffer p, Interface itf) {
        drop(reason.label());
        if (node != null && node.network().events().wants(PacketDropped.class)) {
            node.publish(new PacketDropped(node.now(), node.name(), reason, itf == null ? null : itf.name(),
                    p == null ? 0 : p.trace()));
        }
        if (node != null && p != null) {
            node.traceLoss(reason, p, itf);
        }
    }

    /**
     * Counts a drop under a name that no {@link DropReason} carries yet: the wire codecs'
     * malformed-packet reasons ({@code MalformedPacketException.reason()}) and IPsec's named
     * policy drops.
     */
    public void drop(String reason) {
        long[] c = drops.get(reason);
        if (c == null) {
            c = new long[1];
            drops.put(reason, c);
        }
        c[0]++;
    }

    public long drops(DropReason reason) {
        return drops(reason.label());
    }

    public long drops(String reason) {
        long[] c = drops.get(reason);
        return c == null ? 0 : c[0];
    }

    public long totalDrops() {
        long t = 0;
        for (long[] c : drops.values()) {
            t += c[0];
        }
        return t;
    }

    /** Drops by reason, sorted by name. */
    public Map<String, Long> dropsByReason() {
        TreeMap<String, Long> m = new TreeMap<>();
        drops.forEach((k, v) -> m.put(k, v[0]));
        return Collections.unmodifiableMap(m);
    }
}
