package io.tunnelsim.routing.rip;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.addr.PrefixPool;
import io.tunnelsim.node.Interface;
import io.tunnelsim.node.Node;
import io.tunnelsim.node.NodeService;
import io.tunnelsim.node.Route;
import io.tunnelsim.node.RouteSource;
import io.tunnelsim.sim.Scheduler;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.wire.RipCodec;
import io.tunnelsim.wire.Authentication;
import io.tunnelsim.wire.RipEntry;
import io.tunnelsim.wire.RipPacket;
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
 * <p>This class is the service and its {@code show} and statistics; the work is done by
 * package-private parts beside it: {@link RipInput} (receiving and checking requests and
 * responses, the route-update rules), {@link RipOutput} (updates, answers, requests, split
 * horizon), {@link RipTimers} (periodic and triggered updates, timeouts, garbage collection, RIB
 * installation) and {@link RipAuth} (authentication entries and checks).
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

    /** The RIP state of one enabled interface. */
    static final class IfState {
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
    private final Scheduler scheduler;
    final LinkedHashMap<String, IfState> interfaces = new LinkedHashMap<>();
    private final RipTable table = new RipTable();
    final TreeMap<Ipv4Address, Long> neighbors = new TreeMap<>();
    boolean running;
    private int depth;
    private boolean interfacesDirty;
    /** Authentication of sent and received messages. */
    final RipAuth auth;
    /** Updates, answers and requests sent. */
    final RipOutput output;
    /** Periodic and triggered updates, route timeouts and garbage collection, RIB installation. */
    final RipTimers timers;
    /** Received requests and responses. */
    final RipInput input;

    /** A process for {@code node}; add it with {@link Node#addService} (or use {@link #create}). */
    public RipProcess(Node node, RipConfig config) {
        this.node = node;
        this.config = config;
        this.scheduler = node.scheduler();
        SplittableRandom random = node.network().random().stream("rip/" + node.name());
        PrefixPool prefixes = node.network().prefixes();
        this.auth = new RipAuth(this);
        this.output = new RipOutput(this, node, config, table);
        this.timers = new RipTimers(this, node, config, scheduler, random, table);
        this.input = new RipInput(this, node, config, scheduler, prefixes, table);
        node.ipv4().registerUdp(PORT, input::receive);
        node.ipv4().joinGroup(RipCodec.RIP2_ROUTERS);
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
        this.auth.require(auth);
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
                timers.trigger();
            }
            checkInterfaces();
        } finally {
            exit();
        }
        timers.schedulePeriodic();
    }

    @Override
    public void stop() {
        running = false;
        timers.cancelAll();
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

    void enter() {
        depth++;
    }

    /** Leaves a processing step; interface changes seen meanwhile (through the RIB) are applied now. */
    void exit() {
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
            timers.requestAlternatives();
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
                timers.install(r);
            } else if (r.itf == st.itf) {
                timers.invalidate(r);
                lost = true;
            } else if (dropped) {
                timers.install(r);
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
        timers.trigger();
        if (!st.passive) {
            output.sendRequest(st);
        }
    }

    /** RFC 2453 §3.9.2 destination checks: unicast, not net 0 (except the default) or 127, clean mask. */
    static boolean validDestination(int a, int mask) {
        return RipInput.validDestination(a, mask);
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
                .append(timers.periodicEvent == null ? 0 : (timers.periodicEvent.time() - scheduler.now()) / SimTime.SECOND)
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
        return timers.periodicUpdates;
    }

    public long triggeredUpdates() {
        return timers.triggeredUpdates;
    }

    /** Response packets sent (periodic, triggered and answers to requests). */
    public long responsesSent() {
        return output.responsesSent;
    }

    public long requestsSent() {
        return output.requestsSent;
    }

    public long responsesReceived() {
        return input.responsesReceived;
    }

    public long requestsReceived() {
        return input.requestsReceived;
    }

    /** RIP packets rejected whole (malformed, wrong version, bad source); each is also a node drop. */
    public long badPackets() {
        return input.badPackets;
    }

    /** Route entries ignored as invalid (RFC 2453 §3.9.2), counted as {@code rip-bad-entry} drops. */
    public long badEntries() {
        return input.badEntries;
    }
}
