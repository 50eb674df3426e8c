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
 * fragments do not all arrive within {@link #TIMEOUT} is dropped as {@code reassembly-timeout}.
 *
 * <p>Simplifications: overlapping fragments are not merged — a fragment that overlaps data
 * already received is dropped as {@code fragment-overlap} (RFC 5722's rule for IPv6, applied
 * here too); the ICMP time-exceeded (code 1) message is not sent on timeout.
 */
public final class Reassembly {
    static final long TIMEOUT = 30 * SimTime.SECOND;
    static final int MAX_DATAGRAMS = 64;

    private static final class Datagram {
        final byte[] data = new byte[65535];
        final boolean[] have = new boolean[8192];
        byte[] header;
        int received;
        int total = -1;
        long trace;
        Event timeout;
    }

    private record Key(int src, int dst, int proto, int id) {
    }

    private final Node node;
    private final Map<Key, Datagram> inProgress = new HashMap<>();

    public Reassembly(Node node) {
        this.node = node;
    }

    public void clear() {
        for (Datagram d : inProgress.values()) {
            d.timeout.cancel();
        }
        inProgress.clear();
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
                node.counters().drop(NodeDrop.REASSEMBLY_LIMIT);
                return null;
            }
            d = new Datagram();
            Datagram dd = d;
            d.timeout = node.scheduler().scheduleIn(TIMEOUT, () -> {
                if (inProgress.remove(k) == dd) {
                    node.counters().drop(NodeDrop.REASSEMBLY_TIMEOUT);
                }
            });
            inProgress.put(k, d);
        }
        int ff = Ipv4Codec.flagsFragment(b, off);
        int start = (ff & 0x1fff) * 8;
        int n = p.length() - hl;
        boolean more = (ff & Ipv4Codec.FLAG_MF) != 0;
        if (start + n > 65535 - hl || (more && (n & 7) != 0)) {
            node.counters().drop(NodeDrop.FRAGMENT_BAD_LENGTH);
            return null;
        }
        for (int u = start / 8; u < (start + n + 7) / 8; u++) {
            if (d.have[u]) {
                node.counters().drop(NodeDrop.FRAGMENT_OVERLAP);
                return null;
            }
        }
        for (int u = start / 8; u < (start + n + 7) / 8; u++) {
            d.have[u] = true;
        }
        System.arraycopy(b, off + hl, d.data, start, n);
        d.received += n;
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
            return null;
        }
        inProgress.remove(k);
        d.timeout.cancel();
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
