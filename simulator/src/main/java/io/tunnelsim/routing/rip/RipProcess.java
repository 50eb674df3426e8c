package io.tunnelsim.routing.rip;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.addr.PrefixPool;
import io.tunnelsim.node.Interface;
import io.tunnelsim.node.Node;
import io.tunnelsim.node.NodeService;
import io.tunnelsim.node.Route;
import io.tunnelsim.node.RouteSource;
import io.tunnelsim.sim.Event;
import io.tunnelsim.sim.Scheduler;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.wire.Bytes;
import io.tunnelsim.wire.Ipv4Codec;
import io.tunnelsim.wire.MalformedPacketException;
import io.tunnelsim.wire.PacketBuffer;
import io.tunnelsim.wire.RipCodec;
import io.tunnelsim.wire.Authentication;
import java.security.MessageDigest;
import io.tunnelsim.wire.RipEntry;
import io.tunnelsim.wire.RipPacket;
import io.tunnelsim.wire.UdpHeader;
import io.tunnelsim.wire.WireDrop;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A RIP version 2 process (RFC 2453) on one router.
 *
 * <p><b>Output</b> (§3.8–3.10): on every enabled, non-passive interface that is up, responses go
 * from UDP port 520 to 224.0.0.9 with TTL 1 and DF set (on a GRE tunnel the node turns the multicast into
 * unicast GRE); a reply to a request goes to the requester with TTL 64, as FRR ripd sends; at most 25 entries a packet, next-hop field 0.0.0.0. Periodic updates carry the
 * whole table every {@link RipConfig#updateInterval} ± {@link RipConfig#updateJitter}; a change
 * schedules one triggered update after a random 1–5 s delay carrying only the changed routes
 * (changes made meanwhile ride on it, so triggered updates are at least the minimum delay apart,
 * §3.10.1); a periodic update clears the pending changes. Split horizon, simple or with poison
 * reverse, is applied per interface (§3.4.3). On start and whenever an interface comes up the
 * process multicasts a whole-table request on it (§3.9.1).
 *
 * <p><b>Input</b> (§3.9): a response must come from port 520 and from an address on the subnet
 * of the receiving interface, other than our own; version 1 packets are ignored. Each entry is
 * checked (address family 2, unicast destination outside 0/8 and 127/8, contiguous mask, no host
 * bits) and its metric becomes min(metric + 1 + interface offset, 16). A new destination is
 * adopted; a route from the same neighbour is refreshed and follows its metric, up or down (16
 * starts the deletion process); a route from another neighbour replaces ours when strictly better,
 * or equal while ours is more than half way to its timeout. Learnt routes enter the RIB with
 * distance 120 and the hop count as metric; routes at 16 leave it at once.
 *
 * <p><b>Timers</b>: each route has a timeout (180 s) after which it is advertised with metric 16
 * for the garbage-collection time (120 s) and then deleted. With a hold-down (Cisco flavour),
 * an unreachable route ignores all news about its prefix until the hold-down ends or the route
 * is flushed. The timers are deadlines: one scheduler event per process runs at the earliest of
 * them and acts on every route whose deadline has come (routes due at the same instant in
 * prefix order), so refreshing a route costs no queue operation and no allocation.
 *
 * <p><b>Interfaces</b>: an interface going down makes every route through it (and its own
 * connected network) unreachable at once and schedules a triggered update; with
 * {@link RipConfig#requestOnLoss} the process also asks its remaining neighbours for their
 * tables. Connected networks of RIP interfaces are advertised with metric 1.
 *
 * <p>Authentication per interface (RFC 2453 §5.2 clear text, RFC 2082 keyed MD5): sent messages
 * carry the interface's authentication entry (keyed MD5 with a sequence number that is the
 * simulated time in seconds, never decreasing, and the auth data length 20 that FRR and IOS
 * interoperate with); a received message whose authentication does not match is a counted
 * drop ({@code rip-auth-*}) logged as {@code %RIP-4-AUTHFAIL}.
 *
 * <p>Simplifications: one periodic timer for all interfaces; no HMAC-SHA (RFC 4822), the
 * keyed-MD5 sequence number of a neighbour is not checked (as FRR's ripd does not); no
 * RIPv1 compatibility, no summarisation, no distribute lists; the connected network of an
 * interface is never advertised back on that interface (neither poisoned nor plain); the
 * hold-down also applies to routes lost by interface failure; requests are answered on every
 * non-passive RIP interface, and only whole-table requests from port 520 get split horizon.
 */
public final class RipProcess implements NodeService {
    public static final int INFINITY = RipEntry.INFINITY;
    public static final int PORT = RipPacket.UDP_PORT;
    /** TTL of unicast replies to requests: the Linux default ({@code net.ipv4.ip_default_ttl}) FRR ripd uses. */
    public static final int UNICAST_TTL = 64;
    /** Added to every received metric: RIP counts hops. */
    public static final int INTERFACE_COST = 1;
    private static final Route[] NO_ROUTES = new Route[0];

    private static final class IfState {
        final String name;
        final boolean passive;
        final int offset;
        Authentication auth = Authentication.NONE;
        boolean up;
        Interface itf;
        Ipv4Prefix address;

        IfState(String name, boolean passive, int offset) {
            this.name = name;
            this.passive = passive;
            this.offset = offset;
        }
    }

    private final Node node;
    private final RipConfig config;
    private MessageDigest md5;
    private final byte[] digestScratch = new byte[Authentication.DIGEST_LENGTH];
    private final Scheduler scheduler;
    private final SplittableRandom random;
    private final PrefixPool prefixes;
    private final LinkedHashMap<String, IfState> interfaces = new LinkedHashMap<>();
    private final RipTable table = new RipTable();
    private final TreeMap<Ipv4Address, Long> neighbors = new TreeMap<>();
    private boolean running;
    private Event periodicEvent;
    private Event triggeredEvent;
    private Event requestEvent;
    /** The one timer event of all routes: runs at the earliest route deadline (see {@link #sweep}). */
    private Event sweepEvent;
    private final Runnable sweepAction = this::sweep;
    private int depth;
    private boolean interfacesDirty;
    /** Scratch of {@link #pick}: table positions and advertised metrics of the routes of one response. */
    private int[] picked = new int[16];
    private int[] pickedMetric = new int[16];

    private long periodicUpdates;
    private long triggeredUpdates;
    private long responsesSent;
    private long requestsSent;
    private long responsesReceived;
    private long requestsReceived;
    private long badPackets;
    private long badEntries;

    /** A process for {@code node}; add it with {@link Node#addService} (or use {@link #create}). */
    public RipProcess(Node node, RipConfig config) {
        this.node = node;
        this.config = config;
        this.scheduler = node.scheduler();
        this.random = node.network().random().stream("rip/" + node.name());
        this.prefixes = node.network().prefixes();
        node.registerUdp(PORT, this::receive);
        node.joinGroup(RipCodec.RIP2_ROUTERS);
    }

    /** Creates the process and registers it as a service of {@code node}. */
    public static RipProcess create(Node node, RipConfig config) {
        RipProcess p = new RipProcess(node, config);
        node.addService(p);
        return p;
    }

    public Node node() {
        return node;
    }

    public RipConfig config() {
        return config;
    }

    /** Runs RIP on an interface (non-passive, offset 0). */
    public RipProcess enable(String interfaceName) {
        return enable(interfaceName, false, 0);
    }

    /**
     * Runs RIP on an interface: its connected network is advertised, updates are received on it
     * and, unless {@code passive}, sent on it. {@code offset} (0–16) is added to every metric
     * received there ({@code offset-list ... in}).
     */
    public RipProcess enable(String interfaceName, boolean passive, int offset) {
        return enable(interfaceName, passive, offset, Authentication.NONE);
    }

    /** As {@link #enable(String, boolean, int)}, with the interface's authentication. */
    public RipProcess enable(String interfaceName, boolean passive, int offset, Authentication auth) {
        if (auth.mode() != Authentication.Mode.NONE && md5 == null) {
            md5 = Authentication.newMd5();
        }
        if (offset < 0 || offset > INFINITY) {
            throw new IllegalArgumentException("RIP metric offset " + offset + " outside 0-16");
        }
        if (interfaces.containsKey(interfaceName)) {
            throw new IllegalArgumentException("RIP already enabled on " + interfaceName);
        }
        IfState ifs = new IfState(interfaceName, passive, offset);
        ifs.auth = auth;
        interfaces.put(interfaceName, ifs);
        if (running) {
            enter();
            try {
                checkInterfaces();
            } finally {
                exit();
            }
        }
        return this;
    }

    /** Names of the RIP interfaces, in the order they were enabled. */
    public List<String> interfaceNames() {
        return List.copyOf(interfaces.keySet());
    }

    public boolean isPassive(String interfaceName) {
        IfState st = interfaces.get(interfaceName);
        return st != null && st.passive;
    }

    public int offset(String interfaceName) {
        IfState st = interfaces.get(interfaceName);
        return st == null ? 0 : st.offset;
    }

    // ------------------------------------------------------------------ NodeService

    @Override
    public void start() {
        if (running) {
            return;
        }
        running = true;
        enter();
        try {
            if (config.originateDefault()) {
                RipRoute d = new RipRoute(Ipv4Prefix.DEFAULT, RipRoute.Kind.ORIGINATED, 1, 0, null, 0, scheduler.now());
                d.changed = true;
                table.put(d);
                trigger();
            }
            checkInterfaces();
        } finally {
            exit();
        }
        schedulePeriodic();
    }

    @Override
    public void stop() {
        running = false;
        periodicEvent = cancel(periodicEvent);
        triggeredEvent = cancel(triggeredEvent);
        requestEvent = cancel(requestEvent);
        sweepEvent = cancel(sweepEvent);
        table.clear();
        neighbors.clear();
        for (IfState st : interfaces.values()) {
            st.up = false;
            st.itf = null;
            st.address = null;
        }
        node.rib().withdrawAll(RouteSource.RIP);
    }

    public boolean isRunning() {
        return running;
    }

    @Override
    public void interfaceChanged(Interface itf) {
        if (!running || !interfaces.containsKey(itf.name())) {
            return;
        }
        if (depth > 0) {
            interfacesDirty = true;
            return;
        }
        enter();
        try {
            checkInterfaces();
        } finally {
            exit();
        }
    }

    private void enter() {
        depth++;
    }

    /** Leaves a processing step; interface changes seen meanwhile (through the RIB) are applied now. */
    private void exit() {
        depth--;
        while (depth == 0 && interfacesDirty && running) {
            interfacesDirty = false;
            depth++;
            try {
                checkInterfaces();
            } finally {
                depth--;
            }
        }
    }

    private static Event cancel(Event e) {
        if (e != null) {
            e.cancel();
        }
        return null;
    }

    // ------------------------------------------------------------------ interfaces

    private void checkInterfaces() {
        boolean lost = false;
        for (IfState st : interfaces.values()) {
            Interface itf = node.interfaceNamed(st.name);
            boolean up = itf != null && itf.isUp() && itf.ipv4() != null;
            if (st.up && (!up || itf != st.itf || !itf.ipv4().equals(st.address))) {
                lost |= interfaceDown(st);
            }
            if (up && !st.up) {
                interfaceUp(st, itf);
            }
        }
        if (lost) {
            requestAlternatives();
        }
    }

    private boolean interfaceDown(IfState st) {
        boolean lost = false;
        for (RipRoute r : table.snapshot()) {
            if (!r.reachable()) {
                continue;
            }
            boolean dropped = r.removeAlternatesVia(st.itf);
            if (r.itf == st.itf && r.hasAlternates()) {
                r.promote(); // an equal-metric path remains: no loss, no triggered update
                install(r);
            } else if (r.itf == st.itf) {
                invalidate(r);
                lost = true;
            } else if (dropped) {
                install(r);
            }
        }
        st.up = false;
        st.itf = null;
        st.address = null;
        return lost;
    }

    private void interfaceUp(IfState st, Interface itf) {
        st.up = true;
        st.itf = itf;
        st.address = itf.ipv4();
        Ipv4Prefix net = st.address.network();
        RipRoute old = table.get(net);
        if (old != null) {
            if (old.kind == RipRoute.Kind.LEARNT && old.reachable()) {
                node.rib().update(RouteSource.RIP, net, NO_ROUTES);
            }
        }
        RipRoute c = new RipRoute(net, RipRoute.Kind.CONNECTED, 1, 0, itf, 0, scheduler.now());
        c.changed = true;
        table.put(c);
        trigger();
        if (!st.passive) {
            sendRequest(st);
        }
    }

    // ------------------------------------------------------------------ timers

    private void schedulePeriodic() {
        long jitter = config.updateJitter();
        long d = config.updateInterval() + (jitter > 0 ? random.nextLong(-jitter, jitter + 1) : 0);
        periodicEvent = scheduler.scheduleIn(d, this::periodic);
    }

    private void periodic() {
        periodicEvent = null;
        if (!running) {
            return;
        }
        enter();
        try {
            periodicUpdates++;
            triggeredEvent = cancel(triggeredEvent);
            sendUpdates(false);
        } finally {
            exit();
        }
        schedulePeriodic();
    }

    /** Schedules a triggered update unless one is pending (RFC 2453 §3.10.1). */
    private void trigger() {
        if (!running || triggeredEvent != null) {
            return;
        }
        long min = config.triggeredMin();
        long max = config.triggeredMax();
        long d = min + (max > min ? random.nextLong(max - min + 1) : 0);
        triggeredEvent = scheduler.scheduleIn(d, this::triggered);
    }

    private void triggered() {
        triggeredEvent = null;
        if (!running) {
            return;
        }
        enter();
        try {
            triggeredUpdates++;
            sendUpdates(true);
        } finally {
            exit();
        }
    }

    private long deadline(RipRoute r) {
        if (!r.reachable()) {
            return r.invalidAt + config.garbage();
        }
        if (r.kind != RipRoute.Kind.LEARNT) {
            return Long.MAX_VALUE;
        }
        return r.oldestHeard() + config.timeout();
    }

    /** Makes sure the sweep runs no later than the route's deadline. */
    private void arm(RipRoute r) {
        long d = deadline(r);
        if (d == Long.MAX_VALUE) {
            return;
        }
        if (sweepEvent != null && !sweepEvent.isCancelled() && sweepEvent.time() <= d) {
            return;
        }
        cancel(sweepEvent);
        sweepEvent = scheduler.schedule(d, sweepAction);
    }

    /**
     * The sweep event fired, at the earliest deadline it was armed for: every route whose deadline
     * has come is acted on (in prefix order), then the sweep is armed for the earliest deadline
     * left. Routes refreshed meanwhile have moved their deadlines on and are left alone.
     */
    private void sweep() {
        sweepEvent = null;
        if (!running) {
            return;
        }
        long now = scheduler.now();
        RipRoute[] due = null;
        for (int i = 0; i < table.size(); i++) {
            if (deadline(table.at(i)) <= now) {
                due = table.snapshot();
                break;
            }
        }
        if (due != null) {
            for (RipRoute r : due) {
                if (running && table.get(r.prefix) == r && deadline(r) <= now) {
                    expire(r, now);
                }
            }
        }
        if (!running) {
            return;
        }
        long next = Long.MAX_VALUE;
        for (int i = 0; i < table.size(); i++) {
            next = Math.min(next, deadline(table.at(i)));
        }
        if (next != Long.MAX_VALUE && (sweepEvent == null || sweepEvent.isCancelled() || sweepEvent.time() > next)) {
            cancel(sweepEvent);
            sweepEvent = scheduler.schedule(Math.max(next, now), sweepAction);
        }
    }

    /** The deadline of {@code r} has come: a path times out, or the route is flushed. */
    private void expire(RipRoute r, long now) {
        enter();
        try {
            if (r.reachable()) {
                boolean dropped = r.removeAlternatesHeardBy(now - config.timeout());
                boolean primaryExpired = r.lastHeard + config.timeout() <= now;
                if (!primaryExpired || r.hasAlternates()) {
                    if (primaryExpired) {
                        r.promote(); // the primary path timed out, an equal-metric one is still heard
                    }
                    if (dropped || primaryExpired) {
                        install(r);
                    }
                    return;
                }
                node.publish(new RipRouteTimeout(scheduler.now(), node.name(), r.prefix, new Ipv4Address(r.nextHop),
                        r.itf.name(), r.itf.displayName(), config.timeout()));
                invalidate(r);
                requestAlternatives();
            } else {
                table.remove(r.prefix);
            }
        } finally {
            exit();
        }
    }

    /** Starts the deletion process (RFC 2453 §3.8): metric 16, garbage timer, out of the RIB. */
    private void invalidate(RipRoute r) {
        long now = scheduler.now();
        r.metric = INFINITY;
        r.clearAlternates();
        r.changed = true;
        r.invalidAt = now;
        install(r);
        arm(r);
        trigger();
    }

    private void install(RipRoute r) {
        if (r.kind != RipRoute.Kind.LEARNT) {
            return;
        }
        if (!r.reachable()) {
            node.rib().update(RouteSource.RIP, r.prefix, NO_ROUTES);
            return;
        }
        Route[] paths = new Route[1 + r.alternateCount()];
        paths[0] = new Route(r.prefix, r.nextHop, r.itf, config.distance(), r.metric, RouteSource.RIP);
        for (int i = 0; i < r.alternateCount(); i++) {
            paths[i + 1] = new Route(r.prefix, r.alternateNextHop(i), r.alternateItf(i), config.distance(), r.metric,
                    RouteSource.RIP);
        }
        node.rib().update(RouteSource.RIP, r.prefix, paths);
    }

    private void requestAlternatives() {
        if (!config.requestOnLoss() || requestEvent != null || !running) {
            return;
        }
        requestEvent = scheduler.scheduleIn(0, () -> {
            requestEvent = null;
            if (running) {
                for (IfState st : interfaces.values()) {
                    sendRequest(st);
                }
            }
        });
    }

    // ------------------------------------------------------------------ output

    private void sendUpdates(boolean changedOnly) {
        for (IfState st : interfaces.values()) {
            if (st.up && !st.passive) {
                sendTable(st, st.itf, changedOnly, true, RipCodec.RIP2_ROUTERS.bits(), PORT);
            }
        }
        for (int i = 0; i < table.size(); i++) {
            table.at(i).changed = false;
        }
    }

    /**
     * Picks the routes a response on {@code out} carries, split horizon applied when asked:
     * their table positions go to {@link #picked}, the metrics to advertise to
     * {@link #pickedMetric} (both reused from response to response). Returns how many.
     */
    private int pick(Interface out, boolean changedOnly, boolean splitHorizon) {
        if (picked.length < table.size()) {
            picked = new int[Math.max(table.size(), 2 * picked.length)];
            pickedMetric = new int[picked.length];
        }
        int n = 0;
        for (int i = 0; i < table.size(); i++) {
            RipRoute r = table.at(i);
            if (changedOnly && !r.changed) {
                continue;
            }
            int metric = r.metric;
            if (splitHorizon && r.uses(out)) {
                if (r.kind == RipRoute.Kind.CONNECTED || config.splitHorizon() == SplitHorizon.SIMPLE) {
                    continue;
                }
                if (config.splitHorizon() == SplitHorizon.POISON_REVERSE) {
                    metric = INFINITY;
                }
            }
            picked[n] = i;
            pickedMetric[n++] = metric;
        }
        return n;
    }

    /**
     * Sends the routes {@link #pick} selects on {@code out}, at most 25 a message: each message's
     * bytes are written straight into its packet (no message object), or, on an interface with
     * authentication, built as a {@link RipPacket} and encoded with its authentication entry.
     */
    private void sendTable(IfState st, Interface out, boolean changedOnly, boolean splitHorizon, int dst, int dstPort) {
        int n = pick(out, changedOnly, splitHorizon);
        if (st.auth.mode() != Authentication.Mode.NONE) {
            List<RipEntry> list = new ArrayList<>(n);
            for (int j = 0; j < n; j++) {
                RipRoute r = table.at(picked[j]);
                list.add(new RipEntry(RipEntry.AFI_IPV4, r.tag, r.prefix.address(), r.prefix.mask(), Ipv4Address.ANY,
                        pickedMetric[j]));
            }
            sendResponse(out, list, dst, dstPort);
            return;
        }
        for (int from = 0; from < n; from += RipPacket.MAX_ENTRIES) {
            int count = Math.min(RipPacket.MAX_ENTRIES, n - from);
            int len = RipCodec.HEADER_LENGTH + count * RipCodec.ENTRY_LENGTH;
            PacketBuffer pb = PacketBuffer.allocate(len);
            byte[] a = pb.array();
            int off = pb.append(len);
            RipCodec.writeHeader(a, off, RipPacket.RESPONSE, 2);
            for (int j = 0; j < count; j++) {
                RipRoute r = table.at(picked[from + j]);
                RipCodec.writeEntry(a, RipCodec.entryOffset(off, j), RipEntry.AFI_IPV4, r.tag, r.prefix.address().bits(),
                        r.prefix.maskBits(), 0, pickedMetric[from + j]);
            }
            transmit(out, pb, dst, dstPort);
        }
    }

    private void sendResponse(Interface out, List<RipEntry> entries, int dst, int dstPort) {
        IfState st = interfaces.get(out.name());
        Authentication auth = st == null ? Authentication.NONE : st.auth;
        int per = RipPacket.MAX_ENTRIES - (auth.mode() == Authentication.Mode.NONE ? 0 : auth.mode() == Authentication.Mode.SIMPLE ? 1 : 2);
        for (int from = 0; from < entries.size(); from += per) {
            RipPacket m = RipPacket.response(entries.subList(from, Math.min(entries.size(), from + per)));
            transmit(out, toBuffer(m, auth), dst, dstPort);
        }
    }

    private void transmit(Interface out, PacketBuffer pb, int dst, int dstPort) {
        // Multicast (224/4) updates TTL 1; a unicast reply (RFC 2453 §3.9.1) the host default TTL 64; DF set, as
        // FRR ripd on Linux (path MTU discovery on by default; a response never exceeds 504 bytes)
        node.sendUdpOn(out, pb, dst, PORT, dstPort, (dst >>> 28) == 0xE ? 1 : UNICAST_TTL, true);
        responsesSent++;
    }

    private void sendRequest(IfState st) {
        if (!st.up || st.passive) {
            return;
        }
        node.sendUdpOn(st.itf, toBuffer(RipPacket.wholeTableRequest(), st.auth), RipCodec.RIP2_ROUTERS.bits(), PORT,
                PORT, 1, true);
        requestsSent++;
    }

    /** The message with the interface's authentication entry (and keyed-MD5 trailer). */
    private PacketBuffer toBuffer(RipPacket m, Authentication auth) {
        if (auth.mode() == Authentication.Mode.NONE) {
            return RipCodec.toBuffer(m);
        }
        RipCodec.AuthField f = auth.mode() == Authentication.Mode.SIMPLE ? RipCodec.AuthField.simple(auth.paddedKey(16))
                : RipCodec.AuthField.md5(auth.keyId(), 20, Math.min(0xFFFF_FFFFL, node.scheduler().now() / SimTime.SECOND));
        int len = RipCodec.encodedLength(m, f);
        PacketBuffer pb = PacketBuffer.allocate(len);
        RipCodec.encode(m, f, auth.mode() == Authentication.Mode.MD5 ? auth.paddedKey(16) : null, md5, pb.array(), pb.append(len));
        return pb;
    }

    // ------------------------------------------------------------------ input

    private void receive(Interface in, PacketBuffer p, int hl) {
        byte[] b = p.array();
        int ip = p.offset();
        IfState st = interfaces.get(in.name());
        if (!running || st == null || !st.up || st.itf != in) {
            node.counters().drop(RipDrop.RIP_NOT_ENABLED);
            return;
        }
        int src = Ipv4Codec.source(b, ip);
        if (node.isLocalAddress(src)) {
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
        WireDrop authFailure = RipCodec.authFailure(b, udp + UdpHeader.LENGTH, len, st.auth, md5, digestScratch);
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
        enter();
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
            exit();
        }
    }

    private void request(IfState st, Interface in, int src, int srcPort, RipPacket m) {
        requestsReceived++;
        if (st.passive) {
            return;
        }
        if (m.isWholeTableRequest()) {
            sendTable(st, in, false, srcPort == PORT, src, srcPort);
            return;
        }
        List<RipEntry> answer = new ArrayList<>(m.entries().size());
        for (RipEntry e : m.entries()) {
            RipRoute r = e.addressFamily() == RipEntry.AFI_IPV4 && e.hasContiguousMask() ? table.get(e.prefix()) : null;
            answer.add(new RipEntry(e.addressFamily(), r == null ? e.routeTag() : r.tag, e.address(), e.mask(),
                    Ipv4Address.ANY, r == null ? INFINITY : r.metric));
        }
        sendResponse(in, answer, src, srcPort);
    }

    /** A checked response at {@code b[rip]}: its route entries are read in place, nothing is built per entry. */
    private void response(IfState st, Interface in, int src, int srcPort, byte[] b, int rip, int range) {
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
            if (given != 0 && subnet.contains(given) && !node.isLocalAddress(given)) {
                nh = given;
            }
            int metric = Math.min(RipCodec.entryMetric(b, p) + INTERFACE_COST + st.offset, INFINITY);
            update(address, Integer.bitCount(mask), metric, nh, in, RipCodec.entryRouteTag(b, p));
        }
    }

    /** Notes a response from neighbour {@code src} (a map entry is made only for a new neighbour). */
    private void heardFrom(int src) {
        long now = scheduler.now();
        for (var e : neighbors.entrySet()) {
            if (e.getKey().bits() == src) {
                e.setValue(now);
                return;
            }
        }
        neighbors.put(new Ipv4Address(src), now);
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
                install(r);
            }
            return;
        }
        boolean sameRouter = r.kind == RipRoute.Kind.LEARNT && r.nextHop == nh && r.itf == in;
        if (sameRouter) {
            if (r.reachable()) {
                r.lastHeard = now;
                if (metric > r.metric && r.hasAlternates()) {
                    r.promote(); // the primary path got worse; an equal-metric path remains
                    install(r);
                    arm(r);
                } else if (metric >= INFINITY) {
                    invalidate(r);
                } else if (metric != r.metric || tag != r.tag) {
                    r.metric = metric;
                    r.tag = tag;
                    r.changed = true;
                    install(r);
                    trigger();
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
            install(r);
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
        install(r);
        arm(r);
        trigger();
    }

    // ------------------------------------------------------------------ show

    /** The RIP table, sorted by prefix. */
    public List<RipRouteInfo> routes() {
        List<RipRouteInfo> out = new ArrayList<>(table.size());
        for (int i = 0; i < table.size(); i++) {
            RipRoute r = table.at(i);
            String origin = switch (r.kind) {
                case CONNECTED -> "connected";
                case ORIGINATED -> "originated";
                case LEARNT -> "rip";
            };
            out.add(new RipRouteInfo(r.prefix, r.metric, new Ipv4Address(r.nextHop),
                    r.itf == null ? null : r.itf.name(), r.tag, origin, r.lastHeard));
        }
        return out;
    }

    /** The entry for {@code prefix}, or null. */
    public RipRouteInfo route(Ipv4Prefix prefix) {
        for (RipRouteInfo i : routes()) {
            if (i.prefix().equals(prefix.network())) {
                return i;
            }
        }
        return null;
    }

    /** Neighbours heard from (routing information sources) and when their last response arrived. */
    public Map<Ipv4Address, Long> neighbors() {
        return Collections.unmodifiableMap(neighbors);
    }

    /** {@code show ip rip database} layout. */
    public String showDatabase() {
        StringBuilder sb = new StringBuilder();
        long now = scheduler.now();
        for (int i = 0; i < table.size(); i++) {
            RipRoute r = table.at(i);
            sb.append(r.prefix).append("    ");
            switch (r.kind) {
                case CONNECTED -> sb.append("directly connected, ").append(r.itf.displayName())
                        .append(r.reachable() ? "" : " (down)").append('\n');
                case ORIGINATED -> sb.append("default-information originate\n");
                case LEARNT -> sb.append("\n    [").append(r.metric).append("] via ").append(new Ipv4Address(r.nextHop))
                        .append(", ").append(clock(now - r.lastHeard)).append(", ").append(r.itf.displayName())
                        .append(r.reachable() ? "" : ", possibly down").append('\n');
                default -> throw new IllegalStateException();
            }
        }
        return sb.toString();
    }

    /** A short {@code show ip protocols} section: timers and routing information sources. */
    public String showProtocols() {
        StringBuilder sb = new StringBuilder();
        sb.append("Routing Protocol is \"rip\"\n");
        sb.append("  Sending updates every ").append(config.updateInterval() / SimTime.SECOND).append(" seconds, next due in ")
                .append(periodicEvent == null ? 0 : (periodicEvent.time() - scheduler.now()) / SimTime.SECOND)
                .append(" seconds\n");
        sb.append("  Invalid after ").append(config.timeout() / SimTime.SECOND).append(" seconds, hold down ")
                .append(config.holdDown() / SimTime.SECOND).append(", flushed after ")
                .append((config.timeout() + config.garbage()) / SimTime.SECOND).append('\n');
        sb.append("  Split horizon: ").append(config.splitHorizon().name().toLowerCase(java.util.Locale.ROOT)).append('\n');
        sb.append("  Interface             Passive  Offset\n");
        for (IfState st : interfaces.values()) {
            sb.append(String.format(java.util.Locale.ROOT, "    %-20s%-9s%d%n", st.name, st.passive ? "yes" : "no", st.offset));
        }
        sb.append("  Routing Information Sources:\n    Gateway         Distance      Last Update\n");
        neighbors.forEach((a, t) -> sb.append(String.format(java.util.Locale.ROOT, "    %-16s%-14d%s%n", a,
                config.distance(), clock(scheduler.now() - t))));
        sb.append("  Distance: (default is ").append(config.distance()).append(")\n");
        return sb.toString();
    }

    private static String clock(long nanos) {
        long s = nanos / SimTime.SECOND;
        return String.format(java.util.Locale.ROOT, "%02d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }

    // ------------------------------------------------------------------ statistics

    public long periodicUpdates() {
        return periodicUpdates;
    }

    public long triggeredUpdates() {
        return triggeredUpdates;
    }

    /** Response packets sent (periodic, triggered and answers to requests). */
    public long responsesSent() {
        return responsesSent;
    }

    public long requestsSent() {
        return requestsSent;
    }

    public long responsesReceived() {
        return responsesReceived;
    }

    public long requestsReceived() {
        return requestsReceived;
    }

    /** RIP packets rejected whole (malformed, wrong version, bad source); each is also a node drop. */
    public long badPackets() {
        return badPackets;
    }

    /** Route entries ignored as invalid (RFC 2453 §3.9.2), counted as {@code rip-bad-entry} drops. */
    public long badEntries() {
        return badEntries;
    }
}
