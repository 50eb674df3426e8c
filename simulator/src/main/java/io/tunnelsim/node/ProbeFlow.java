package io.tunnelsim.node;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.sim.Event;
import io.tunnelsim.wire.Bytes;
import io.tunnelsim.wire.IcmpCodec;
import io.tunnelsim.wire.IcmpMessage;
import io.tunnelsim.wire.Ipv4Header;
import io.tunnelsim.wire.PacketBuffer;
import java.util.Arrays;

/**
 * A probe application on a host: ICMP echo requests or a UDP stream sent at a fixed interval,
 * each packet's send and receive time recorded — the raw material of outage measurement.
 * An ICMP probe counts as received when its echo reply returns to the sender; a UDP probe
 * when the datagram reaches the destination host.
 *
 * <p>{@code size} is the IPv4 total length of each probe packet, as a router's
 * {@code ping ... size} means it. {@code df} sets Don't Fragment on every probe. With
 * {@code pmtud} the sender honours ICMP fragmentation-needed about its own probes as an RFC 1191
 * host does (§3, §6.3): later probes are no larger than the reported next-hop MTU (never below
 * 68), and after 10 minutes it tries its full size again. A size sweep sends probe k with
 * {@code min + (k mod n) × step} bytes.
 */
public final class ProbeFlow implements NodeService {
    public enum Type { ICMP, UDP }

    public static final int UDP_HEADER_DATA = 16;

    private final String name;
    private final int id;
    private final Node source;
    private final int destination;
    private final io.tunnelsim.addr.Ipv6Address destination6;
    private final Type type;
    private final long interval;
    private final int size;
    private final long start;
    private final long stop;
    private final int udpPort;
    private long[] sent = new long[1024];
    private long[] received = new long[1024];
    private int count;
    private Event next;
    private boolean running;
    private boolean df;
    private boolean pmtud;
    private int sweepMin;
    private int sweepMax;
    private int sweepStep;
    private int[] sizes;
    private int pathMtu;
    private long pathMtuAt;
    /** ICMP fragmentation-needed messages received about this flow's probes. */
    private int fragNeeded;

    /** RFC 1191 §6.3: a path MTU estimate is raised again after 10 minutes. */
    public static final long PMTU_AGE = 600 * io.tunnelsim.sim.SimTime.SECOND;

    public ProbeFlow(String name, int id, Node source, Ipv4Address destination, Type type, long interval, int size,
                     long start, long stop, int udpPort) {
        this(name, id, source, destination, null, type, interval, size, start, stop, udpPort);
    }

    /** An ICMPv6 echo flow (IPv6 passenger traffic); {@code size} is the IPv6 packet length. */
    public static ProbeFlow icmpv6(String name, int id, Node source, io.tunnelsim.addr.Ipv6Address destination,
                                   long interval, int size, long start, long stop) {
        return new ProbeFlow(name, id, source, null, destination, Type.ICMP, interval, size, start, stop, 0);
    }

    private ProbeFlow(String name, int id, Node source, Ipv4Address destination, io.tunnelsim.addr.Ipv6Address destination6,
                      Type type, long interval, int size, long start, long stop, int udpPort) {
        if (interval <= 0) {
            throw new IllegalArgumentException("probe interval must be positive");
        }
        int min = (destination6 != null ? 40 : 20) + 8 + (type == Type.UDP ? UDP_HEADER_DATA : 0);
        if (size < min || size > 65535) {
            throw new IllegalArgumentException("probe size " + size + " outside " + min + "-65535");
        }
        this.name = name;
        this.id = id & 0xffff;
        this.source = source;
        this.destination = destination == null ? 0 : destination.bits();
        this.destination6 = destination6;
        this.type = type;
        this.interval = interval;
        this.size = size;
        this.start = start;
        this.stop = stop;
        this.udpPort = udpPort;
        Arrays.fill(received, -1);
        if (destination6 != null) {
            source.ipv6().addListener((in, src, h, p) -> {
                if (h.type() == io.tunnelsim.wire.Icmpv6Header.ECHO_REPLY && h.identifier() == this.id && src.equals(destination6)) {
                    matchReply(h.sequence());
                }
            });
        } else if (type == Type.ICMP) {
            source.ipv4().addIcmpListener(this::icmp);
        }
        if (destination6 == null) {
            source.ipv4().addIcmpListener(this::fragmentationNeeded);
        }
    }

    public String name() {
        return name;
    }

    /**
     * The trace tag of probe {@code seq} of flow {@code id} ({@code PacketBuffer.trace()}); its
     * echo reply carries the same tag. Never 0 (flow ids start at 1).
     */
    public static long traceTag(int id, int seq) {
        return ((long) (id & 0xffff) << 32) | (seq & 0xffff_ffffL);
    }

    /** The flow id of a trace tag. */
    public static int traceFlow(long tag) {
        return (int) (tag >>> 32);
    }

    /** The sequence number of a trace tag. */
    public static int traceSeq(long tag) {
        return (int) tag;
    }

    /** Don't Fragment on every probe; {@code pathMtuDiscovery}: honour fragmentation-needed (RFC 1191). */
    public void setDontFragment(boolean dontFragment, boolean pathMtuDiscovery) {
        this.df = dontFragment;
        this.pmtud = pathMtuDiscovery && dontFragment;
    }

    /** Sweeps sizes from {@code min} to {@code max} by {@code step}, probe by probe. */
    public void setSizeSweep(int min, int max, int step) {
        if (min < size || max < min || step < 1 || max > 65535) {
            throw new IllegalArgumentException("size sweep " + min + ".." + max + " step " + step);
        }
        this.sweepMin = min;
        this.sweepMax = max;
        this.sweepStep = step;
    }

    public boolean isSweep() {
        return sweepStep > 0;
    }

    /** The IPv4 total length probe {@code seq} was sent with. */
    public int sizeOf(int seq) {
        return sizes != null ? sizes[seq] : size;
    }

    /** ICMP fragmentation-needed messages received about this flow's probes. */
    public int fragmentationNeededReceived() {
        return fragNeeded;
    }

    /** The path MTU this sender currently uses (0: none learned). */
    public int pathMtu() {
        return pathMtu;
    }

    public int id() {
        return id;
    }

    public Type type() {
        return type;
    }

    public long interval() {
        return interval;
    }

    /** The sending node. */
    public Node sourceNode() {
        return source;
    }

    /**
     * The IPv4 source address the probes leave with, as text: the address of the interface the
     * source's FIB points at the destination now (else its first address); null for IPv6 flows
     * or a node without addresses.
     */
    public String sourceAddressText() {
        if (destination6 != null) {
            return null;
        }
        var e = source.fib().lookup(destination);
        int s = e != null ? e.select(0, destination).egress().ipv4Bits() : 0;
        for (Interface i : source.interfaces()) {
            if (s == 0 && i.ipv4Bits() != 0) {
                s = i.ipv4Bits();
            }
        }
        return s == 0 ? null : new Ipv4Address(s).toString();
    }

    /** The destination as text (IPv4 or IPv6). */
    public String destinationText() {
        return destination6 != null ? destination6.toString() : new Ipv4Address(destination).toString();
    }

    public int udpPort() {
        return udpPort;
    }

    /** Number of probes sent so far. */
    public int count() {
        return count;
    }

    public long sentAt(int seq) {
        return sent[seq];
    }

    /** Receive time of probe {@code seq}, or -1 when it was lost (so far). */
    public long receivedAt(int seq) {
        return received[seq];
    }

    @Override
    public void start() {
        if (running) {
            return;
        }
        running = true;
        long now = source.scheduler().now();
        long first = Math.max(now, start);
        if (count > 0) {
            // resume on the original grid after a restart of the host
            long k = (now - start + interval - 1) / interval;
            first = start + k * interval;
        }
        if (first < stop) {
            next = source.scheduler().schedule(first, this::fire);
        }
    }

    @Override
    public void stop() {
        running = false;
        if (next != null) {
            next.cancel();
            next = null;
        }
    }

    private void fire() {
        long now = source.scheduler().now();
        if (count == sent.length) {
            sent = Arrays.copyOf(sent, count * 2);
            int old = received.length;
            received = Arrays.copyOf(received, count * 2);
            Arrays.fill(received, old, received.length, -1);
        }
        int seq = count++;
        sent[seq] = now;
        int size = this.size;
        if (sweepStep > 0) {
            size = sweepMin + (seq % ((sweepMax - sweepMin) / sweepStep + 1)) * sweepStep;
        } else if (pmtud && pathMtu > 0) {
            if (now - pathMtuAt >= PMTU_AGE) {
                pathMtu = 0;
            } else {
                size = Math.max(Math.min(size, pathMtu), type == Type.UDP ? 28 + UDP_HEADER_DATA : 28);
            }
        }
        if (sweepStep > 0 || pmtud) {
            if (sizes == null || sizes.length < sent.length) {
                sizes = sizes == null ? new int[sent.length] : Arrays.copyOf(sizes, sent.length);
            }
            sizes[seq] = size;
        }
        if (destination6 != null) {
            source.ipv6().sendEcho(destination6, id, seq & 0xffff, size - 48, traceTag(id, seq));
        } else if (type == Type.ICMP) {
            byte[] data = new byte[size - 28];
            IcmpMessage m = IcmpMessage.echo(true, id, seq & 0xffff, data);
            PacketBuffer p = IcmpCodec.toBuffer(m);
            p.setTrace(traceTag(id, seq));
            source.ipv4().send(p, 0, destination, Ipv4Header.PROTO_ICMP, 64, df);
        } else {
            int len = size - 28;
            PacketBuffer p = PacketBuffer.allocate(len);
            int at = p.append(len);
            byte[] b = p.array();
            Arrays.fill(b, at, at + len, (byte) 0);
            Bytes.put32(b, at, id);
            Bytes.put32(b, at + 4, seq);
            Bytes.put32(b, at + 8, now >>> 32);
            Bytes.put32(b, at + 12, now & 0xffffffffL);
            p.setTrace(traceTag(id, seq));
            source.ipv4().sendUdp(p, 0, destination, 40000 + (id % 20000), udpPort, 64, df);
        }
        long t = now + interval;
        next = t < stop ? source.scheduler().schedule(t, this::fire) : null;
    }

    private void icmp(Interface in, int src, IcmpMessage m) {
        if (m.type() != IcmpMessage.ECHO_REPLY || m.identifier() != id || src != destination) {
            return;
        }
        matchReply(m.sequence());
    }

    /** RFC 1191 §4: the error quotes our probe's IPv4 header and the first 8 bytes after it. */
    private void fragmentationNeeded(Interface in, int src, IcmpMessage m) {
        if (m.type() != IcmpMessage.DEST_UNREACHABLE || m.code() != IcmpMessage.CODE_FRAGMENTATION_NEEDED) {
            return;
        }
        byte[] q = m.data();
        if (q.length < 28 || (q[0] >>> 4 & 0xf) != 4 || io.tunnelsim.wire.Ipv4Codec.destination(q, 0) != destination) {
            return;
        }
        int hl = io.tunnelsim.wire.Ipv4Codec.headerLength(q, 0);
        if (q.length < hl + 8) {
            return;
        }
        int proto = io.tunnelsim.wire.Ipv4Codec.protocol(q, 0);
        boolean ours = type == Type.ICMP
                ? proto == Ipv4Header.PROTO_ICMP && (q[hl] & 0xff) == IcmpMessage.ECHO_REQUEST && Bytes.u16(q, hl + 4) == id
                : proto == Ipv4Header.PROTO_UDP && Bytes.u16(q, hl) == 40000 + (id % 20000) && Bytes.u16(q, hl + 2) == udpPort;
        if (!ours) {
            return;
        }
        fragNeeded++;
        int mtu = m.nextHopMtu();
        if (pmtud && mtu >= 68 && (pathMtu == 0 || mtu < pathMtu)) {
            pathMtu = mtu;
            pathMtuAt = source.scheduler().now();
        }
    }

    private void matchReply(int wireSeq) {
        if (count == 0) {
            return;
        }
        int last = count - 1;
        int seq = last - ((last - wireSeq) & 0xffff);
        if (seq >= 0 && received[seq] < 0) {
            received[seq] = source.scheduler().now();
        }
    }

    /** Called by the destination's UDP sink for a datagram of this flow. */
    void udpReceived(int seq, long now) {
        if (seq >= 0 && seq < count && received[seq] < 0) {
            received[seq] = now;
        }
    }
}
