package io.tunnelsim.routing.rip;

import static io.tunnelsim.routing.rip.RipProcess.INFINITY;
import static io.tunnelsim.routing.rip.RipProcess.INTERFACE_COST;
import static io.tunnelsim.routing.rip.RipProcess.PORT;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.addr.PrefixPool;
import io.tunnelsim.node.Interface;
import io.tunnelsim.node.Node;
import io.tunnelsim.sim.Scheduler;
import io.tunnelsim.wire.Bytes;
import io.tunnelsim.wire.Ipv4Codec;
import io.tunnelsim.wire.MalformedPacketException;
import io.tunnelsim.wire.PacketBuffer;
import io.tunnelsim.wire.RipCodec;
import io.tunnelsim.wire.RipEntry;
import io.tunnelsim.wire.RipPacket;
import io.tunnelsim.wire.UdpHeader;
import io.tunnelsim.wire.WireDrop;
import java.util.ArrayList;
import java.util.List;

/**
 * The input side of a {@link RipProcess} (RFC 2453 §3.9): a received message is checked (enabled
 * interface, not our own, well formed, authentication, version 2); a request is answered, a
 * response's entries are validated and read in place and each goes through the route-update
 * rules of §3.9.2. Nothing is built per received entry.
 */
final class RipInput {
    private final RipProcess process;
    private final Node node;
    private final RipConfig config;
    private final Scheduler scheduler;
    private final PrefixPool prefixes;
    private final RipTable table;

    long responsesReceived;
    long requestsReceived;
    long badPackets;
    long badEntries;

    RipInput(RipProcess process, Node node, RipConfig config, Scheduler scheduler, PrefixPool prefixes, RipTable table) {
        this.process = process;
        this.node = node;
        this.config = config;
        this.scheduler = scheduler;
        this.prefixes = prefixes;
        this.table = table;
    }

    void receive(Interface in, PacketBuffer p, int hl) {
        byte[] b = p.array();
        int ip = p.offset();
        RipProcess.IfState st = process.interfaces.get(in.name());
        if (!process.running || st == null || !st.up || st.itf != in) {
            node.counters().drop(RipDrop.RIP_NOT_ENABLED);
            return;
        }
        int src = Ipv4Codec.source(b, ip);
        if (node.ipv4().isLocalAddress(src)) {
            node.counters().drop(RipDrop.RIP_OWN_PACKET);
            return;
        }
        int udp = ip + hl;
        int srcPort = Bytes.u16(b, udp);
        int len = Bytes.u16(b, udp + 4) - UdpHeader.LENGTH;
        int rip = udp + UdpHeader.LENGTH;
        int range;
        try {
            range = RipCodec.check(b, rip, len);
        } catch (MalformedPacketException e) {
            badPackets++;
            node.counters().drop(e.dropReason());
            return;
        }
        WireDrop authFailure = process.auth.failure(b, udp + UdpHeader.LENGTH, len, st.auth);
        if (authFailure != null) {
            badPackets++;
            node.counters().drop(authFailure);
            node.log("RIP-4-AUTHFAIL", "ignored v2 packet from " + new Ipv4Address(src) + " on " + in.displayName()
                    + " (invalid authentication: " + authFailure.label().substring(4) + ")");
            return;
        }
        if (RipCodec.version(b, rip) != 2) {
            badPackets++;
            node.counters().drop(RipDrop.RIP_UNSUPPORTED_VERSION);
            return;
        }
        process.enter();
        try {
            if (RipCodec.command(b, rip) == RipPacket.REQUEST) {
                RipPacket m;
                try {
                    m = RipCodec.decode(b, rip, len);
                } catch (MalformedPacketException e) {
                    throw new IllegalStateException("checked message failed to decode", e);
                }
                request(st, in, src, srcPort, m);
            } else {
                response(st, in, src, srcPort, b, rip, range);
            }
        } finally {
            process.exit();
        }
    }

    private void request(RipProcess.IfState st, Interface in, int src, int srcPort, RipPacket m) {
        requestsReceived++;
        if (st.passive) {
            return;
        }
        if (m.isWholeTableRequest()) {
            process.output.sendTable(st, in, false, srcPort == PORT, src, srcPort);
            return;
        }
        List<RipEntry> answer = new ArrayList<>(m.entries().size());
        for (RipEntry e : m.entries()) {
            RipRoute r = e.addressFamily() == RipEntry.AFI_IPV4 && e.hasContiguousMask() ? table.get(e.prefix()) : null;
            answer.add(new RipEntry(e.addressFamily(), r == null ? e.routeTag() : r.tag, e.address(), e.mask(),
                    Ipv4Address.ANY, r == null ? INFINITY : r.metric));
        }
        process.output.sendResponse(in, answer, src, srcPort);
    }

    /** A checked response at {@code b[rip]}: its route entries are read in place, nothing is built per entry. */
    private void response(RipProcess.IfState st, Interface in, int src, int srcPort, byte[] b, int rip, int range) {
        if (srcPort != PORT) {
            badPackets++;
            node.counters().drop(RipDrop.RIP_BAD_SOURCE_PORT);
            return;
        }
        Ipv4Prefix subnet = in.ipv4();
        if (!subnet.contains(src) || src == subnet.address().bits()) {
            badPackets++;
            node.counters().drop(RipDrop.RIP_SOURCE_NOT_ON_LINK);
            return;
        }
        responsesReceived++;
        heardFrom(src);
        for (int i = RipCodec.firstEntry(range), end = RipCodec.endEntry(range); i < end; i++) {
            int p = RipCodec.entryOffset(rip, i);
            if (RipCodec.entryAddressFamily(b, p) != RipEntry.AFI_IPV4) {
                continue;
            }
            int address = RipCodec.entryAddress(b, p);
            int mask = RipCodec.entryMask(b, p);
            if (!validDestination(address, mask)) {
                badEntries++;
                node.counters().drop(RipDrop.RIP_BAD_ENTRY);
                continue;
            }
            int nh = src;
            int given = RipCodec.entryNextHop(b, p);
            if (given != 0 && subnet.contains(given) && !node.ipv4().isLocalAddress(given)) {
                nh = given;
            }
            int metric = Math.min(RipCodec.entryMetric(b, p) + INTERFACE_COST + st.offset, INFINITY);
            update(address, Integer.bitCount(mask), metric, nh, in, RipCodec.entryRouteTag(b, p));
        }
    }

    /** Notes a response from neighbour {@code src} (a map entry is made only for a new neighbour). */
    private void heardFrom(int src) {
        long now = scheduler.now();
        for (var e : process.neighbors.entrySet()) {
            if (e.getKey().bits() == src) {
                e.setValue(now);
                return;
            }
        }
        process.neighbors.put(new Ipv4Address(src), now);
    }

    /** RFC 2453 §3.9.2 destination checks: unicast, not net 0 (except the default) or 127, clean mask. */
    static boolean validDestination(int a, int mask) {
        if ((mask | (mask - 1)) != -1 && mask != 0) {
            return false;
        }
        if ((a & ~mask) != 0) {
            return false;
        }
        int first = a >>> 24;
        if (first >= 224 || first == 127) {
            return false;
        }
        return first != 0 || (a == 0 && mask == 0);
    }

    /** The route-update rules of RFC 2453 §3.9.2 for one received entry (metric already adjusted). */
    private void update(int network, int length, int metric, int nh, Interface in, int tag) {
        long now = scheduler.now();
        RipRoute r = table.get(RipTable.key(network, length));
        if (r == null) {
            if (metric < INFINITY) {
                adopt(prefixes.get(network, length), null, metric, nh, in, tag);
            }
            return;
        }
        Ipv4Prefix prefix = r.prefix;
        if (r.kind != RipRoute.Kind.LEARNT && r.reachable()) {
            return; // our own networks are not replaced by hearsay
        }
        if (!r.reachable() && config.holdDown() > 0 && now < r.invalidAt + config.holdDown()) {
            return;
        }
        int alt = r.kind == RipRoute.Kind.LEARNT && r.reachable() ? r.alternate(nh, in) : -1;
        if (alt >= 0) {
            if (metric == r.metric) {
                r.heardAlternate(alt, now);
            } else if (metric < r.metric) {
                adopt(prefix, r, metric, nh, in, tag); // better: the only path now
            } else {
                r.removeAlternate(alt); // worse or unreachable: no longer an equal-cost path
                process.timers.install(r);
            }
            return;
        }
        boolean sameRouter = r.kind == RipRoute.Kind.LEARNT && r.nextHop == nh && r.itf == in;
        if (sameRouter) {
            if (r.reachable()) {
                r.lastHeard = now;
                if (metric > r.metric && r.hasAlternates()) {
                    r.promote(); // the primary path got worse; an equal-metric path remains
                    process.timers.install(r);
                    process.timers.arm(r);
                } else if (metric >= INFINITY) {
                    process.timers.invalidate(r);
                } else if (metric != r.metric || tag != r.tag) {
                    r.metric = metric;
                    r.tag = tag;
                    r.changed = true;
                    process.timers.install(r);
                    process.timers.trigger();
                }
            } else if (metric < INFINITY) {
                adopt(prefix, r, metric, nh, in, tag);
            }
            return;
        }
        if (metric >= INFINITY) {
            return;
        }
        boolean better = metric < r.metric;
        if (!better && r.kind == RipRoute.Kind.LEARNT && r.reachable() && metric == r.metric
                && 1 + r.alternateCount() < config.maxPaths()) {
            r.addAlternate(nh, in, now); // IOS maximum-paths: one more equal-cost path
            process.timers.install(r);
            return;
        }
        boolean equalAndAging = r.reachable() && metric == r.metric && now - r.lastHeard > config.timeout() / 2;
        if (better || equalAndAging) {
            adopt(prefix, r, metric, nh, in, tag);
        }
    }

    private void adopt(Ipv4Prefix prefix, RipRoute old, int metric, int nh, Interface in, int tag) {
        long now = scheduler.now();
        RipRoute r = old;
        if (r == null || r.kind != RipRoute.Kind.LEARNT) {
            r = new RipRoute(prefix, RipRoute.Kind.LEARNT, metric, nh, in, tag, now);
            table.put(r);
        } else {
            r.metric = metric;
            r.nextHop = nh;
            r.itf = in;
            r.tag = tag;
            r.lastHeard = now;
        }
        r.clearAlternates();
        r.changed = true;
        process.timers.install(r);
        process.timers.arm(r);
        process.timers.trigger();
    }
}
