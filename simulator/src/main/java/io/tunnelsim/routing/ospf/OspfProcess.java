package io.tunnelsim.routing.ospf;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.node.Interface;
import io.tunnelsim.node.LoopbackInterface;
import io.tunnelsim.node.Node;
import io.tunnelsim.node.NodeService;
import io.tunnelsim.node.Route;
import io.tunnelsim.node.RouteSource;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.sim.Timer;
import io.tunnelsim.tunnel.TunnelInterface;
import io.tunnelsim.wire.Ipv4Codec;
import io.tunnelsim.wire.LsaHeader;
import io.tunnelsim.wire.MalformedPacketException;
import io.tunnelsim.wire.OspfCodec;
import io.tunnelsim.wire.OspfPacket;
import io.tunnelsim.wire.OspfSummaryLsa;
import io.tunnelsim.wire.PacketBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * One OSPFv2 process of a router (RFC 2328): the router ID, the areas, the OSPF interfaces,
 * the SPF schedule and the routes it offers to the RIB (source OSPF, distance 110, metric =
 * path cost). Packets arrive through the node's IP protocol 89 handler.
 *
 * <p>The work is split the way RFC 2328 is: {@link OspfInterface} (interface state machine,
 * hellos, DR election, §9-§10.5), {@link OspfNeighbor} (neighbour state machine, database
 * exchange, §10), {@link Lsdb} and {@link OspfArea} (the database, LSA origination, §12),
 * {@link Flooding} (§13-§14) and {@link Spf} (the routing table calculation, §16).
 *
 * <p>SPF scheduling follows the configured {@link SpfThrottle}. Stopping the process (a node
 * crash) cancels every timer, forgets all state and withdraws the OSPF routes; starting it
 * again begins from an empty database.
 *
 * <p>Stub areas ({@link AreaSettings}): the E bit of the area's packets and LSAs, the Hello E-bit
 * check, and the default Summary-LSA an ABR sends into each attached stub area (all Summary-LSAs
 * but that one suppressed with {@code no-summary}).
 *
 * <p>Simplifications: no virtual links, NSSA areas, AS-external LSAs, area ranges or
 * demand circuits; NBMA and point-to-multipoint networks are not modelled; an address change
 * on a running interface takes effect at the next interface down/up; LS sequence number
 * wrap-around is not handled (it takes 2^31 originations).
 */
public final class OspfProcess implements NodeService {
    /** RFC 2328 App. C defaults. */
    static final long RXMT_INTERVAL = 5 * SimTime.SECOND;
    static final int INF_TRANS_DELAY = 1;
    static final long DELAYED_ACK = SimTime.SECOND;
    /** How often the database is examined for refresh and MaxAge (the RFC ages every second). */
    static final long AGING_SWEEP = SimTime.SECOND;
    static final Ipv4Address BACKBONE = Ipv4Address.ANY;

    private final Node node;
    private final OspfConfig config;
    private final LsaInterner interner;
    private final Flooding flooding;
    private final SplittableRandom random;
    private final TreeMap<Ipv4Address, OspfArea> areas = new TreeMap<>();
    private final List<OspfInterface> interfaces = new ArrayList<>();
    private final HashMap<Interface, OspfInterface> byInterface = new HashMap<>();
    private final Timer spfTimer;
    private final Timer agingTimer;
    private Ipv4Address routerId;
    private boolean running;
    private boolean registered;
    private boolean starting;

    private final SpfSchedule spfSchedule;
    private long spfRuns;
    private long lastSpfTime = -1;
    private RoutingTable table = RoutingTable.EMPTY;
    private final Map<Ipv4Address, Map<Ipv4Address, OspfSummaryLsa>> summaries = new TreeMap<>();

    public OspfProcess(Node node, OspfConfig config) {
        this.node = node;
        this.config = config;
        this.interner = LsaInterner.of(node.network());
        this.flooding = new Flooding(this);
        this.random = node.network().random().stream("ospf/" + node.name());
        this.spfTimer = node.scheduler().timer(this::runSpf);
        this.spfSchedule = new SpfSchedule(config.spfThrottle());
        this.agingTimer = node.scheduler().timer(this::agingSweep);
    }

    public Node node() {
        return node;
    }

    public OspfConfig config() {
        return config;
    }

    /** The router ID in use (null before the first start). */
    public Ipv4Address routerId() {
        return routerId;
    }

    public boolean isRunning() {
        return running;
    }

    /** Number of routing table calculations run since the simulation started. */
    public long spfRuns() {
        return spfRuns;
    }

    /** Simulated time of the last routing table calculation, -1 when none. */
    public long lastSpfTime() {
        return lastSpfTime;
    }

    LsaInterner interner() {
        return interner;
    }

    Flooding flooding() {
        return flooding;
    }

    SplittableRandom random() {
        return random;
    }

    long now() {
        return node.scheduler().now();
    }

    // ------------------------------------------------------------------ lifecycle

    @Override
    public void start() {
        if (running) {
            return;
        }
        running = true;
        routerId = config.routerId() != null ? config.routerId() : pickRouterId();
        if (!registered) {
            node.ipv4().registerIpHandler(OspfCodec.IP_PROTOCOL, this::receive);
            node.ipv4().joinGroup(OspfCodec.ALL_SPF_ROUTERS);
            node.ipv4().joinGroup(OspfCodec.ALL_D_ROUTERS);
            registered = true;
        }
        for (Map.Entry<String, OspfInterfaceConfig> e : config.interfaces().entrySet()) {
            Interface itf = node.interfaceNamed(e.getKey());
            if (itf == null) {
                continue;
            }
            OspfInterfaceConfig c = e.getValue();
            OspfArea area = areas.computeIfAbsent(c.area(), id -> new OspfArea(this, id, config.area(id)));
            OspfInterface oi = new OspfInterface(this, area, itf, c, networkType(itf, c), cost(itf, c));
            interfaces.add(oi);
            area.interfaces().add(oi);
            byInterface.put(itf, oi);
        }
        spfSchedule.reset();
        starting = true;
        for (OspfInterface oi : interfaces) {
            oi.start();
        }
        starting = false;
        interfaceStateChanged();
        agingTimer.start(AGING_SWEEP);
        scheduleSpf();
    }

    @Override
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        spfTimer.cancel();
        agingTimer.cancel();
        for (OspfInterface oi : interfaces) {
            oi.shutdown();
        }
        for (OspfArea a : areas.values()) {
            a.shutdown();
        }
        interfaces.clear();
        byInterface.clear();
        areas.clear();
        summaries.clear();
        table = RoutingTable.EMPTY;
        node.rib().withdrawAll(RouteSource.OSPF);
    }

    @Override
    public void interfaceChanged(Interface itf) {
        if (!running) {
            return;
        }
        OspfInterface oi = byInterface.get(itf);
        if (oi == null) {
            return;
        }
        boolean up = itf.isUp() && itf.ipv4() != null;
        if (up && oi.state() == OspfInterface.State.DOWN) {
            oi.interfaceUp();
        } else if (!up && oi.state() != OspfInterface.State.DOWN) {
            oi.interfaceDown();
        }
    }

    private Ipv4Address pickRouterId() {
        int best = 0;
        boolean loopback = false;
        for (Interface itf : node.interfaces()) {
            int a = itf.ipv4Bits();
            if (a == 0) {
                continue;
            }
            boolean lo = itf instanceof LoopbackInterface;
            if ((lo && !loopback) || (lo == loopback && Integer.compareUnsigned(a, best) > 0)) {
                best = a;
                loopback = lo;
            }
        }
        if (best == 0) {
            throw new IllegalStateException(node.name() + ": OSPF cannot pick a router ID (no IPv4 address)");
        }
        return new Ipv4Address(best);
    }

    private static NetworkType networkType(Interface itf, OspfInterfaceConfig c) {
        if (c.networkType() != null) {
            return c.networkType();
        }
        if (itf instanceof TunnelInterface || itf instanceof LoopbackInterface || !itf.supportsMulticast()) {
            return NetworkType.POINT_TO_POINT;
        }
        return NetworkType.BROADCAST;
    }

    /** Configured cost, else reference bandwidth / interface bandwidth, at least 1, at most 65535. */
    int cost(Interface itf, OspfInterfaceConfig c) {
        if (c.cost() > 0) {
            return c.cost();
        }
        long bw = itf.bandwidthBps();
        if (bw <= 0) {
            return 1;
        }
        return (int) Math.max(1, Math.min(0xffff, config.referenceBandwidthBps() / bw));
    }

    // ------------------------------------------------------------------ receive

    private void receive(Interface in, PacketBuffer p, int hl) {
        if (!running) {
            return;
        }
        OspfInterface oi = byInterface.get(in);
        if (oi == null || oi.state() == OspfInterface.State.DOWN) {
            node.counters().drop(OspfDrop.OSPF_NOT_ENABLED);
            return;
        }
        byte[] b = p.array();
        int off = p.offset();
        int src = Ipv4Codec.source(b, off);
        int dst = Ipv4Codec.destination(b, off);
        OspfPacket pkt;
        try {
            pkt = OspfCodec.decode(b, off + hl, p.length() - hl);
        } catch (MalformedPacketException e) {
            node.counters().drop(e.dropReason());
            return;
        }
        oi.receive(pkt, src, dst, b, off + hl, p.length() - hl);
    }

    // ------------------------------------------------------------------ areas

    /** True when the router has active interfaces in more than one area (RFC 2328 §3.3). */
    boolean isAbr() {
        int active = 0;
        for (OspfArea a : areas.values()) {
            if (a.isActive()) {
                active++;
            }
        }
        return active > 1;
    }

    Iterable<OspfArea> areas() {
        return areas.values();
    }

    /** Called when an interface changed state: the B bit may change in every area. */
    void interfaceStateChanged() {
        if (starting) {
            return;
        }
        for (OspfArea a : areas.values()) {
            a.originateRouterLsa();
        }
    }

    /** The Summary-LSA this ABR wants in {@code area} for Link State ID {@code id}, or null. */
    OspfSummaryLsa wantedSummary(Ipv4Address area, Ipv4Address id) {
        Map<Ipv4Address, OspfSummaryLsa> m = summaries.get(area);
        return m == null ? null : m.get(id);
    }

    /** The Summary-LSAs this ABR wants in {@code area}, by Link State ID. */
    Map<Ipv4Address, OspfSummaryLsa> summariesFor(Ipv4Address area) {
        Map<Ipv4Address, OspfSummaryLsa> m = summaries.get(area);
        return m == null ? Map.of() : m;
    }

    OspfInterface interfaceByAddress(int address) {
        for (OspfInterface oi : interfaces) {
            if (oi.address() == address && address != 0) {
                return oi;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ SPF

    /** A topology change: schedules the routing table calculation per the throttle. */
    void scheduleSpf() {
        if (!running || spfTimer.isRunning()) {
            return;
        }
        long now = now();
        long at = spfSchedule.nextRun(now);
        spfTimer.start(at - now);
    }

    private void runSpf() {
        if (!running) {
            return;
        }
        lastSpfTime = now();
        spfSchedule.ran(lastSpfTime);
        spfRuns++;
        RoutingTable previous = table;
        table = Spf.calculate(this, areas.values());
        installRoutes(previous, table);
        if (updateSummaries()) {
            for (OspfArea a : areas.values()) {
                a.originateSummaries();
            }
        }
    }

    /** Recomputes the Summary-LSAs an ABR originates (§12.4.3); true when they changed. */
    private boolean updateSummaries() {
        Map<Ipv4Address, Map<Ipv4Address, OspfSummaryLsa>> want = new TreeMap<>();
        boolean abr = isAbr();
        for (OspfArea a : areas.values()) {
            TreeMap<Ipv4Address, OspfSummaryLsa> m = new TreeMap<>();
            want.put(a.id(), m);
            if (!abr || !a.isActive()) {
                continue;
            }
            AreaSettings st = a.settings();
            if (st.stub()) {
                // §12.4.3.1: the default route into a stub area, at StubDefaultCost
                m.put(Ipv4Address.ANY, new OspfSummaryLsa(false, Ipv4Address.ANY, st.defaultCost()));
                if (st.noSummary()) {
                    continue; // IOS "area N stub no-summary": the default is the only Summary-LSA
                }
            }
            for (int i = 0; i < table.count(); i++) {
                Spf.RouteEntry r = table.at(i);
                if (r.area().equals(a.id())) {
                    continue;
                }
                if (!r.intraArea() && (a.id().equals(BACKBONE) || !r.area().equals(BACKBONE))) {
                    continue;
                }
                int cost = (int) Math.min(OspfSummaryLsa.LS_INFINITY - 1, r.cost());
                Ipv4Address id = r.prefix().network().address();
                OspfSummaryLsa s = new OspfSummaryLsa(false, r.prefix().mask(), cost);
                OspfSummaryLsa prev = m.get(id);
                if (st.stub() && id.bits() == 0) {
                    continue; // the stub default keeps its configured cost
                }
                if (prev == null || prev.metric() > cost) {
                    m.put(id, s);
                }
            }
        }
        if (want.equals(summaries)) {
            return false;
        }
        summaries.clear();
        summaries.putAll(want);
        return true;
    }

    /**
     * Offers the RIB what changed between the previous routing table and the new one: a prefix
     * whose cost and next hops are unchanged is not touched. The routes a table entry gives are
     * a function of its prefix, cost and next hops, so this makes exactly the updates that
     * comparing every prefix's full route list would, in the same order (withdrawals first,
     * then new and changed prefixes, each in prefix order).
     */
    private void installRoutes(RoutingTable old, RoutingTable next) {
        // both tables are in prefix order: walk them side by side
        int j = 0;
        for (int i = 0; i < old.count(); i++) {
            Spf.RouteEntry o = old.at(i);
            if (!installable(o)) {
                continue;
            }
            j = seek(next, j, o.prefix());
            Spf.RouteEntry n = j < next.count() && next.at(j).prefix().equals(o.prefix()) ? next.at(j) : null;
            if (n == null || !installable(n)) {
                node.rib().update(RouteSource.OSPF, o.prefix(), List.of());
            }
        }
        j = 0;
        for (int i = 0; i < next.count(); i++) {
            Spf.RouteEntry r = next.at(i);
            if (!installable(r)) {
                continue;
            }
            j = seek(old, j, r.prefix());
            Spf.RouteEntry o = j < old.count() && old.at(j).prefix().equals(r.prefix()) ? old.at(j) : null;
            if (o == r || o != null && installable(o) && o.cost() == r.cost() && Spf.RouteEntry.sameHops(o.nextHops(), r.nextHops())) {
                continue;
            }
            node.rib().update(RouteSource.OSPF, r.prefix(), routesOf(r));
        }
    }

    /** The first index from {@code from} on whose prefix is not below {@code prefix}. */
    private static int seek(RoutingTable t, int from, Ipv4Prefix prefix) {
        int j = from;
        while (j < t.count() && t.at(j).prefix().compareTo(prefix) < 0) {
            j++;
        }
        return j;
    }

    /** An entry reaches the RIB unless the prefix is attached to this router or has no next hop. */
    private static boolean installable(Spf.RouteEntry r) {
        return !r.connected() && !r.nextHops().isEmpty();
    }

    /** The RIB routes of one table entry (immutable: the RIB keeps this very list). */
    private static List<Route> routesOf(Spf.RouteEntry r) {
        List<Spf.NextHop> nhs = r.nextHops();
        Route[] routes = new Route[nhs.size()];
        for (int i = 0; i < routes.length; i++) {
            Spf.NextHop nh = nhs.get(i);
            routes[i] = new Route(r.prefix(), nh.address(), nh.iface().itf(), RouteSource.OSPF.defaultDistance(),
                    r.cost(), RouteSource.OSPF);
        }
        return List.of(routes);
    }

    // ------------------------------------------------------------------ aging

    private void agingSweep() {
        if (!running) {
            return;
        }
        for (OspfArea a : areas.values()) {
            a.agingSweep();
        }
        agingTimer.start(AGING_SWEEP);
    }

    // ------------------------------------------------------------------ inspection

    /** The OSPF interface bound to {@code itf}, or null. */
    public OspfInterface ospfInterface(Interface itf) {
        return byInterface.get(itf);
    }

    public List<OspfInterface> interfaces() {
        return java.util.Collections.unmodifiableList(interfaces);
    }

    /** All neighbours on all interfaces, in interface order. */
    public List<OspfNeighbor> neighbors() {
        List<OspfNeighbor> l = new ArrayList<>();
        for (OspfInterface oi : interfaces) {
            l.addAll(oi.neighbors());
        }
        return l;
    }

    /** The current OSPF routing table: prefix → cost and next hops (connected prefixes included). */
    public Map<Ipv4Prefix, Spf.RouteEntry> routingTable() {
        return table;
    }

    /** The routing table as the calculation left it (immutable). */
    RoutingTable table() {
        return table;
    }

    /** Whether the OSPF route to {@code prefix} is an inter-area route ({@code O IA}). */
    public boolean isInterArea(Ipv4Prefix prefix) {
        Spf.RouteEntry r = table.get(prefix);
        return r != null && !r.intraArea();
    }

    /** Routes offered to the RIB, by prefix (derived from the routing table: not kept twice). */
    public Map<Ipv4Prefix, List<Route>> installedRoutes() {
        TreeMap<Ipv4Prefix, List<Route>> m = new TreeMap<>();
        for (int i = 0; i < table.count(); i++) {
            Spf.RouteEntry r = table.at(i);
            if (installable(r)) {
                m.put(r.prefix(), routesOf(r));
            }
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Number of LSAs in an area's database (0 when the area is not configured). */
    public int databaseSize(Ipv4Address area) {
        OspfArea a = areas.get(area);
        return a == null ? 0 : a.lsdb().size();
    }

    /** The LSA headers of an area's database with current ages, sorted by key. */
    public List<LsaHeader> databaseHeaders(Ipv4Address area) {
        OspfArea a = areas.get(area);
        List<LsaHeader> l = new ArrayList<>();
        if (a != null) {
            long now = now();
            for (Lsdb.Entry e : a.lsdb().sorted()) {
                l.add(e.header(now));
            }
        }
        return l;
    }

    /** The LSAs of an area's database (the stored objects), sorted by key. */
    public List<io.tunnelsim.wire.Lsa> databaseLsas(Ipv4Address area) {
        OspfArea a = areas.get(area);
        List<io.tunnelsim.wire.Lsa> l = new ArrayList<>();
        if (a != null) {
            for (Lsdb.Entry e : a.lsdb().sorted()) {
                l.add(e.lsa);
            }
        }
        return l;
    }

    /** {@code show ip ospf neighbor}. */
    public String showNeighbors() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-15s %4s   %-15s %-11s %-15s %s%n", "Neighbor ID", "Pri", "State",
                "Dead Time", "Address", "Interface"));
        long now = now();
        for (OspfInterface oi : interfaces) {
            for (OspfNeighbor n : oi.neighbors()) {
                String role = oi.type() == NetworkType.POINT_TO_POINT ? "-"
                        : n.address() == oi.dr() ? "DR" : n.address() == oi.bdr() ? "BDR" : "DROTHER";
                String state = n.state().display() + "/" + (role.equals("-") ? "  -" : role);
                long dead = Math.max(0, n.inactivityExpiry() - now) / SimTime.SECOND;
                sb.append(String.format(Locale.ROOT, "%-15s %4d   %-15s %02d:%02d:%02d    %-15s %s%n", n.routerId(),
                        oi.type() == NetworkType.POINT_TO_POINT ? 0 : n.priority(), state, dead / 3600,
                        dead / 60 % 60, dead % 60, new Ipv4Address(n.address()), oi.itf().displayName()));
            }
        }
        return sb.toString();
    }

    /** {@code show ip route ospf}. */
    public String showRoutes() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<Ipv4Prefix, List<Route>> e : installedRoutes().entrySet()) {
            Spf.RouteEntry r = table.get(e.getKey());
            String code = r != null && !r.intraArea() ? "O IA" : "O";
            boolean first = true;
            for (Route route : e.getValue()) {
                String head = first ? String.format(Locale.ROOT, "%-9s%-18s", code, e.getKey()) : String.format(
                        Locale.ROOT, "%27s", "");
                sb.append(head).append(" [").append(route.distance()).append('/').append(route.metric()).append("] ");
                if (route.hasNextHop()) {
                    sb.append("via ").append(route.nextHopAddress()).append(", ");
                } else {
                    sb.append("is directly connected, ");
                }
                sb.append(route.egress().displayName()).append('\n');
                first = false;
            }
        }
        return sb.toString();
    }

    /** One LSA of {@code show ip ospf database}, for machine-readable output. */
    public record DatabaseRow(String area, int type, Ipv4Address linkStateId, Ipv4Address advertisingRouter, int age,
                              long sequence, int checksum, int links) {
    }

    /** The rows of {@link #showDatabase()}, area by area, by LSA type, in database order; {@code links} is -1 except for router LSAs. */
    public List<DatabaseRow> databaseRows() {
        List<DatabaseRow> rows = new ArrayList<>();
        long now = now();
        for (OspfArea a : areas.values()) {
            for (int type = 1; type <= 4; type++) {
                for (Lsdb.Entry e : a.lsdb().sorted()) {
                    if (e.key.type() == type) {
                        LsaHeader h = e.lsa.header();
                        int links = e.lsa.body() instanceof io.tunnelsim.wire.OspfRouterLsa r ? r.links().size() : -1;
                        rows.add(new DatabaseRow(areaName(a.id()), type, h.linkStateId(), h.advertisingRouter(), e.age(now),
                                Integer.toUnsignedLong(h.sequenceNumber()), h.checksum(), links));
                    }
                }
            }
        }
        return rows;
    }

    /** {@code show ip ospf database}. */
    public String showDatabase() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%n            OSPF Router with ID (%s) (Process ID %d)%n", routerId,
                config.processId()));
        long now = now();
        String[] titles = {"", "Router Link States", "Net Link States", "Summary Net Link States",
            "Summary ASB Link States"};
        for (OspfArea a : areas.values()) {
            for (int type = 1; type <= 4; type++) {
                List<Lsdb.Entry> l = new ArrayList<>();
                for (Lsdb.Entry e : a.lsdb().sorted()) {
                    if (e.key.type() == type) {
                        l.add(e);
                    }
                }
                if (l.isEmpty()) {
                    continue;
                }
                sb.append(String.format(Locale.ROOT, "%n                %s (Area %s)%n%n", titles[type],
                        areaName(a.id())));
                sb.append(type == 1 ? "Link ID         ADV Router      Age         Seq#       Checksum Link count\n"
                        : "Link ID         ADV Router      Age         Seq#       Checksum\n");
                for (Lsdb.Entry e : l) {
                    LsaHeader h = e.lsa.header();
                    sb.append(String.format(Locale.ROOT, "%-15s %-15s %-11d 0x%08X 0x%06X", h.linkStateId(),
                            h.advertisingRouter(), e.age(now), h.sequenceNumber(), h.checksum()));
                    if (e.lsa.body() instanceof io.tunnelsim.wire.OspfRouterLsa r) {
                        sb.append(' ').append(r.links().size());
                    }
                    sb.append('\n');
                }
            }
        }
        return sb.toString();
    }

    /**
     * One area as {@code show ip ospf} describes it.
     *
     * @param type       {@code normal}, {@code stub} or {@code stub no-summary}
     * @param defaultCost the cost of the default this router sends into the area (a stub area on an
     *                   area border router), else -1
     */
    public record AreaRow(String area, String type, int interfaces, int lsas, int defaultCost) {
    }

    /** The areas of {@link #showProcess()}, in area order. */
    public List<AreaRow> areaRows() {
        List<AreaRow> rows = new ArrayList<>();
        boolean abr = isAbr();
        for (OspfArea a : areas.values()) {
            AreaSettings st = a.settings();
            String type = st.stub() ? st.describe() : "normal";
            rows.add(new AreaRow(areaName(a.id()), type, a.interfaces().size(), a.lsdb().size(),
                    st.stub() && abr && a.isActive() ? st.defaultCost() : -1));
        }
        return rows;
    }

    /**
     * {@code show ip ospf}, in IOS layout: the process and router ID, whether it is an area border
     * router, the SPF throttle and how often SPF ran, and per area its interfaces, its type and
     * (on an area border router) the default it sends into a stub area, and its LSA count.
     */
    public String showProcess() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, " Routing Process \"ospf %d\" with ID %s%n", config.processId(), routerId));
        if (isAbr()) {
            sb.append(" It is an area border router\n");
        }
        SpfThrottle t = config.spfThrottle();
        sb.append(String.format(Locale.ROOT, " Initial SPF schedule delay %d msecs%n Minimum hold time between two consecutive"
                + " SPFs %d msecs%n Maximum wait time between two consecutive SPFs %d msecs%n",
                t.initialDelay() / SimTime.MILLISECOND, t.holdTime() / SimTime.MILLISECOND, t.maxWait() / SimTime.MILLISECOND));
        sb.append(String.format(Locale.ROOT, " SPF algorithm executed %d times%n", spfRuns));
        List<AreaRow> rows = areaRows();
        long stubs = rows.stream().filter(r -> !r.type().equals("normal")).count();
        sb.append(String.format(Locale.ROOT, " Number of areas in this router is %d. %d normal %d stub 0 nssa%n", rows.size(),
                rows.size() - stubs, stubs));
        for (AreaRow r : rows) {
            sb.append(r.area().equals("0") ? "    Area BACKBONE(0)\n" : "    Area " + r.area() + "\n");
            sb.append(String.format(Locale.ROOT, "        Number of interfaces in this area is %d%n", r.interfaces()));
            if (r.type().equals("stub")) {
                sb.append("        It is a stub area\n");
            } else if (r.type().equals("stub no-summary")) {
                sb.append("        It is a stub area, no summary LSA in this area\n");
            }
            if (r.defaultCost() >= 0) {
                sb.append(String.format(Locale.ROOT, "          generates stub default route with cost %d%n", r.defaultCost()));
            }
            sb.append(String.format(Locale.ROOT, "        Number of LSA %d%n", r.lsas()));
        }
        return sb.toString();
    }

    static String areaName(Ipv4Address area) {
        return Integer.toUnsignedString(area.bits());
    }

    void log(String facility, String message) {
        node.log(facility, message);
    }

    void publish(io.tunnelsim.node.event.NetEvent e) {
        node.publish(e);
    }

    // ------------------------------------------------------------------ clients (BFD)

    /** Hears every neighbour state change; BFD registers its sessions from it. */
    @FunctionalInterface
    public interface NeighborListener {
        void changed(OspfNeighbor neighbor, OspfNeighbor.State old, OspfNeighbor.State now);
    }

    private final List<NeighborListener> neighborListeners = new ArrayList<>(1);

    public void addNeighborListener(NeighborListener l) {
        neighborListeners.add(l);
    }

    void neighborChanged(OspfNeighbor n, OspfNeighbor.State old, OspfNeighbor.State now) {
        for (int i = 0; i < neighborListeners.size(); i++) {
            neighborListeners.get(i).changed(n, old, now);
        }
    }

    /**
     * KillNbr (RFC 2328 §10.2) on behalf of a client: the neighbour is removed at once with
     * {@code reason} in the adjacency log line (a BFD session that went down).
     */
    public void killNeighbor(OspfNeighbor n, String reason) {
        if (running && n.state() != OspfNeighbor.State.DOWN) {
            n.kill(reason);
        }
    }
}
