package io.tunnelsim.node;

import io.tunnelsim.sim.Event;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.wire.Bytes;
import io.tunnelsim.wire.Ipv4Codec;
import io.tunnelsim.wire.PacketBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * IPv4 reassembly at the destination (RFC 791 §3.2, RFC 815 hole accounting simplified to a
 * byte count), keyed by (source, destination, protocol, identification). A datagram whose
 * fragments do not all arrive within {@link #TIMEOUT} (30 s, Linux's {@code ipfrag_time}
 * default; RFC 1122 §3.3.2 leaves the value open) is dropped as {@code reassembly-timeout}.
 * The byte count is sound because every datagram has one end: a fragment that ends past the end
 * a last fragment announced, or a last fragment that ends below data already held or at another
 * end, discards the whole datagram as {@code fragment-inconsistent-end} (as Linux's
 * {@code ip_frag_queue}), so data past the end can never make up for a hole below it.
 *
 * <p>Simplifications: overlapping fragments are not merged — a fragment that overlaps data
 * already received is dropped as {@code fragment-overlap} and the data first received is kept
 * (RFC 5722, for IPv6, and Linux, except for exact duplicates, discard the whole datagram
 * instead); the ICMP time-exceeded (code 1) message is not sent on timeout.
 *
 * <p>Counters: the node's own reassembly is in the balance (docs/model.md, "Counters"): a
 * fragment it keeps is held until its datagram completes (then it counts as a fragment
 * reassembled, and the datagram as reassembled) or times out (then each of its fragments is a
 * {@code reassembly-timeout} drop; a crash drops them as {@code node-crashed}). A reassembly of
 * a local protocol (IPsec's, of decrypted fragments that are part of delivered ESP packets)
 * counts only its drops, as local-stage drops.
 */
public final class Reassembly {
    static final long TIMEOUT = 30 * SimTime.SECOND;
    static final int MAX_DATAGRAMS = 64;

    /** A datagram's first buffer: an OSPF update of a few hundred links fits without growing. */
    private static final int INITIAL_BUFFER = 8192;

    private static final class Datagram {
        /** The payload so far, grown to the furthest fragment end (at most 65535 bytes) rather than allocated at the maximum. */
        byte[] data;
        /** One bit per 8-byte unit of the payload that has arrived. */
        long[] have;
        byte[] header;
        int received;
        int fragments;
        int total = -1;
        int maxEnd;
        long trace;
        Event timeout;

        /**
         * Room for payload bytes up to {@code end}: 8 KiB to begin with (or the first fragment's
         * end, if further), doubled when a fragment ends beyond it, never more than 65535 bytes.
         */
        void ensure(int end) {
            if (data == null) {
                data = new byte[Math.max(end, INITIAL_BUFFER)];
                have = new long[(data.length + 8 * 64 - 1) / (8 * 64)];
            } else if (end > data.length) {
                int size = Math.min(65535, Math.max(end, 2 * data.length));
                data = java.util.Arrays.copyOf(data, size);
                have = java.util.Arrays.copyOf(have, (size + 8 * 64 - 1) / (8 * 64));
            }
        }
    }

    private record Key(int src, int dst, int proto, int id) {
    }

    private final Node node;
    private final boolean local;
    private final Map<Key, Datagram> inProgress = new HashMap<>();

    /** The node's own reassembly, in the counters' balance. */
    public Reassembly(Node node) {
        this(node, false);
    }

    /** With {@code local} true, a local protocol's reassembly: its drops are local-stage drops. */
    public Reassembly(Node node, boolean local) {
        this.node = node;
        this.local = local;
    }

    /** Forgets every datagram in progress (a crash): their fragments are dropped as {@code node-crashed}. */
    public void clear() {
        for (Datagram d : inProgress.values()) {
            d.timeout.cancel();
            release(d, NodeDrop.NODE_CRASHED);
        }
        inProgress.clear();
    }

    private void drop(NodeDrop reason) {
        if (local) {
            node.counters().dropLocal(reason);
        } else {
            node.counters().drop(reason);
        }
    }

    /** The fragments of {@code d} leave the held state as drops under {@code reason}. */
    private void release(Datagram d, NodeDrop reason) {
        if (!local) {
            node.counters().heldFragments -= d.fragments;
        }
        for (int i = 0; i < d.fragments; i++) {
            drop(reason);
        }
        d.fragments = 0;
    }

    /** Adds a fragment; returns the whole datagram once complete, else null. */
    public PacketBuffer add(PacketBuffer p) {
        byte[] b = p.array();
        int off = p.offset();
        int hl = Ipv4Codec.headerLength(b, off);
        Key k = new Key(Ipv4Codec.source(b, off), Ipv4Codec.destination(b, off), Ipv4Codec.protocol(b, off),
                Ipv4Codec.identification(b, off));
        Datagram d = inProgress.get(k);
        if (d == null) {
            if (inProgress.size() >= MAX_DATAGRAMS) {
                drop(NodeDrop.REASSEMBLY_LIMIT);
                return null;
            }
            d = new Datagram();
            Datagram dd = d;
            d.timeout = node.scheduler().scheduleIn(TIMEOUT, () -> {
                if (inProgress.remove(k) == dd) {
                    release(dd, NodeDrop.REASSEMBLY_TIMEOUT);
                }
            });
            inProgress.put(k, d);
        }
        int ff = Ipv4Codec.flagsFragment(b, off);
        int start = (ff & 0x1fff) * 8;
        int n = p.length() - hl;
        boolean more = (ff & Ipv4Codec.FLAG_MF) != 0;
        if (start + n > 65535 - hl || (more && (n & 7) != 0)) {
            drop(NodeDrop.FRAGMENT_BAD_LENGTH);
            return null;
        }
        int end = start + n;
        if (more ? d.total >= 0 && end > d.total : (d.total >= 0 && end != d.total) || end < d.maxEnd) {
            inProgress.remove(k);
            d.timeout.cancel();
            release(d, NodeDrop.FRAGMENT_INCONSISTENT_END);
            drop(NodeDrop.FRAGMENT_INCONSISTENT_END);
            return null;
        }
        d.ensure(end);
        for (int u = start / 8; u < (end + 7) / 8; u++) {
            if ((d.have[u >>> 6] & 1L << u) != 0) {
                drop(NodeDrop.FRAGMENT_OVERLAP);
                return null;
            }
        }
        for (int u = start / 8; u < (end + 7) / 8; u++) {
            d.have[u >>> 6] |= 1L << u;
        }
        System.arraycopy(b, off + hl, d.data, start, n);
        d.received += n;
        d.maxEnd = Math.max(d.maxEnd, end);
        d.fragments++;
        if (p.trace() != 0) {
            d.trace = p.trace(); // fragments of a probe: the whole datagram is that probe
        }
        if (start == 0) {
            d.header = java.util.Arrays.copyOfRange(b, off, off + hl);
        }
        if (!more) {
            d.total = start + n;
        }
        if (d.total < 0 || d.received < d.total || d.header == null) {
            if (!local) {
                node.counters().heldFragments++;
            }
            return null;
        }
        inProgress.remove(k);
        d.timeout.cancel();
        if (!local) {
            // the fragments held before this one, and this one, make one datagram
            Counters c = node.counters();
            c.heldFragments -= d.fragments - 1;
            c.fragmentsReassembled += d.fragments;
            c.reassembled++;
        }
        int hlen = d.header.length;
        PacketBuffer whole = PacketBuffer.allocate(hlen + d.total);
        whole.setTrace(d.trace);
        int at = whole.append(hlen + d.total);
        byte[] w = whole.array();
        System.arraycopy(d.header, 0, w, at, hlen);
        System.arraycopy(d.data, 0, w, at + hlen, d.total);
        Bytes.put16(w, at + Ipv4Codec.OFF_TOTAL_LENGTH, hlen + d.total);
        Bytes.put16(w, at + Ipv4Codec.OFF_FLAGS_FRAG, Ipv4Codec.flagsFragment(w, at) & Ipv4Codec.FLAG_DF);
        Ipv4Codec.updateChecksum(w, at);
        return whole;
    }
}
