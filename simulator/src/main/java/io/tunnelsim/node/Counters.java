package io.tunnelsim.node;

import io.tunnelsim.node.event.PacketDropped;
import io.tunnelsim.wire.DropReason;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Packet counters of one node: the common ones as fields (they are touched per packet) and
 * drops by reason name in a sorted map, so output order is stable.
 *
 * <p>The counters balance (docs/model.md, "Counters"): every packet that enters the node's
 * accounting — {@link #received}, {@link #originated}, {@link #fragments} made by fragmenting,
 * datagrams {@link #reassembled} — leaves it exactly once: {@link #sent} to a link,
 * {@link #encapsulated} into a packet the node originates, {@link #delivered} to a local
 * protocol (or {@link #arpDelivered} to ARP), dropped in the network stage, {@link #fragmented} into fragments,
 * {@link #fragmentsReassembled} into a datagram, or it is still held (a fragment waiting for the
 * rest of its datagram, a packet waiting for ARP or neighbour discovery). {@link #forwarded}
 * counts the received packets that the FIB sent on; it is a part of {@link #sent},
 * {@link #encapsulated} and the output drops, not a term of its own.
 *
 * <p>Drops have a stage: a drop while a local protocol handles a packet already counted as
 * delivered (an OSPF packet with a bad digest, an ESP packet that fails its replay check) is
 * a <em>local</em> drop, shown by reason but outside the balance; every other drop is a
 * <em>network</em> drop, a term of the balance. The node sets the stage around local delivery
 * ({@link #enterLocal}) and every path that starts a new packet resets it ({@link #enterNetwork}).
 */
public final class Counters {
    public long received;
    /** Received packets the FIB sent on (routers); included in the output terms. */
    public long forwarded;
    /** IP packets handed to a local protocol (after reassembly). */
    public long delivered;
    /** ARP packets handled by ARP (kept apart from {@link #delivered}, which counts IP packets). */
    public long arpDelivered;
    public long originated;
    /** Packets handed to a link: an Ethernet transmitter, or the loopback. */
    public long sent;
    /** Passengers wrapped into a packet the node originates (GRE on a tunnel, ESP). */
    public long encapsulated;
    /** Packets cut into fragments (each counted in {@link #fragments}). */
    public long fragmented;
    /** Fragments made by fragmenting. */
    public long fragments;
    /** Received fragments that went into a reassembled datagram. */
    public long fragmentsReassembled;
    /** Datagrams rebuilt from fragments (then delivered). */
    public long reassembled;
    /** Fragments waiting for the rest of their datagram now. */
    public long heldFragments;
    /** Packets waiting for ARP to resolve their next hop now. */
    public long heldArp;
    /** IPv6 packets waiting for neighbour discovery now. */
    public long heldNd;

    private static final int NETWORK = 0;
    private static final int LOCAL = 1;
    /** Per reason: {network-stage drops, local-stage drops}. */
    private final TreeMap<String, long[]> drops = new TreeMap<>();
    private long networkDrops;
    private long localDrops;
    private boolean local;
    private final Node node;

    /** Counters not attached to a node: no {@link PacketDropped} events. */
    public Counters() {
        this(null);
    }

    Counters(Node node) {
        this.node = node;
    }

    /**
     * Enters the local stage: a local protocol now handles a packet counted as delivered.
     * Returns the stage to give back to {@link #restoreStage}.
     */
    public boolean enterLocal() {
        boolean was = local;
        local = true;
        return was;
    }

    /** Enters the network stage: a new packet is received or originated. Returns the stage to restore. */
    public boolean enterNetwork() {
        boolean was = local;
        local = false;
        return was;
    }

    public void restoreStage(boolean wasLocal) {
        local = wasLocal;
    }

    /** Counts a drop under its reason's label; publishes {@link PacketDropped} when subscribed. */
    public void drop(DropReason reason) {
        count(reason.label(), local ? LOCAL : NETWORK);
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
        count(reason.label(), local ? LOCAL : NETWORK);
        if (node != null && node.network().events().wants(PacketDropped.class)) {
            node.publish(new PacketDropped(node.now(), node.name(), reason, itf == null ? null : itf.name(),
                    p == null ? 0 : p.trace()));
        }
        if (node != null && p != null) {
            node.traceLoss(reason, p, itf);
        }
    }

    /** Counts a local-stage drop whatever the current stage (a timer of a local protocol). */
    public void dropLocal(DropReason reason) {
        count(reason.label(), LOCAL);
        if (node != null && node.network().events().wants(PacketDropped.class)) {
            node.publish(new PacketDropped(node.now(), node.name(), reason));
        }
    }

    private void count(String reason, int stage) {
        long[] c = drops.get(reason);
        if (c == null) {
            c = new long[2];
            drops.put(reason, c);
        }
        c[stage]++;
        if (stage == LOCAL) {
            localDrops++;
        } else {
            networkDrops++;
        }
    }

    public long drops(DropReason reason) {
        return drops(reason.label());
    }

    /** Drops under {@code reason}, both stages. */
    public long drops(String reason) {
        long[] c = drops.get(reason);
        return c == null ? 0 : c[NETWORK] + c[LOCAL];
    }

    /** Drops of both stages. */
    public long totalDrops() {
        return networkDrops + localDrops;
    }

    /** Network-stage drops: the drop term of the balance. */
    public long networkDrops() {
        return networkDrops;
    }

    /** Local-stage drops: packets already counted as delivered, refused by their protocol. */
    public long localDrops() {
        return localDrops;
    }

    /** Drops by reason, both stages, sorted by name. */
    public Map<String, Long> dropsByReason() {
        TreeMap<String, Long> m = new TreeMap<>();
        drops.forEach((k, v) -> m.put(k, v[NETWORK] + v[LOCAL]));
        return Collections.unmodifiableMap(m);
    }

    /** Network-stage drops by reason (reasons with none left out), sorted by name. */
    public Map<String, Long> networkDropsByReason() {
        return byStage(NETWORK);
    }

    /** Local-stage drops by reason (reasons with none left out), sorted by name. */
    public Map<String, Long> localDropsByReason() {
        return byStage(LOCAL);
    }

    private Map<String, Long> byStage(int stage) {
        TreeMap<String, Long> m = new TreeMap<>();
        drops.forEach((k, v) -> {
            if (v[stage] != 0) {
                m.put(k, v[stage]);
            }
        });
        return Collections.unmodifiableMap(m);
    }

    /** Packets the node holds now: fragments waiting for reassembly, packets waiting for ARP or ND. */
    public long held() {
        return heldFragments + heldArp + heldNd;
    }

    /** Packets that entered the accounting: received, originated, fragments made, datagrams reassembled. */
    public long in() {
        return received + originated + fragments + reassembled;
    }

    /** Packets that left it, plus those still held. */
    public long out() {
        return sent + encapsulated + delivered + arpDelivered + networkDrops + fragmented + fragmentsReassembled + held();
    }

    /** {@link #in()} minus {@link #out()}: 0 when the counters balance. */
    public long imbalance() {
        return in() - out();
    }

    /**
     * The balance in one line, each term named: {@code received 10 + originated 5 + fragments 0 +
     * reassembled 0 = sent 12 + ... : balanced}, or the difference when it does not hold.
     */
    public String balanceLine() {
        long d = imbalance();
        return String.format(java.util.Locale.ROOT,
                "received %d + originated %d + fragments %d + reassembled %d = sent %d + encapsulated %d + delivered %d"
                        + " + arp %d + dropped %d + fragmented %d + fragments reassembled %d + held %d (reassembly %d, arp %d, nd %d): %s",
                received, originated, fragments, reassembled, sent, encapsulated, delivered, arpDelivered, networkDrops, fragmented,
                fragmentsReassembled, held(), heldFragments, heldArp, heldNd,
                d == 0 ? "balanced" : "unbalanced by " + (d > 0 ? "+" : "") + d + " (in - out)");
    }
}
