package io.tunnelsim.node;

import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.addr.MacAddress;
import io.tunnelsim.node.event.EventBus;
import io.tunnelsim.sim.RandomStreams;
import io.tunnelsim.sim.Scheduler;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A simulated network: the scheduler, the random streams, the event log, the nodes and the
 * segments joining them. Everything that happens in one run hangs off one instance; there
 * are no global singletons, so several runs (sweep trials) can proceed on separate threads.
 */
public final class Network {
    private final Scheduler scheduler = new Scheduler();
    private final RandomStreams random;
    private final EventBus events = new EventBus();
    private final EventLog log = new EventLog(scheduler, events);
    private final LinkedHashMap<String, Node> nodes = new LinkedHashMap<>();
    private final LinkedHashMap<String, Segment> segments = new LinkedHashMap<>();
    private final List<FibListener> fibListeners = new ArrayList<>();
    private final io.tunnelsim.addr.PrefixPool prefixes = new io.tunnelsim.addr.PrefixPool();
    private final java.util.HashMap<Class<?>, Object> services = new java.util.HashMap<>();
    private boolean started;

    private ProbeVisits probeVisits;

    /** Sees every node a probe packet (trace tag not 0) reaches; see {@link #traceProbes}. */
    @FunctionalInterface
    public interface ProbeVisits {
        void visited(Node node, long probe);
    }

    /**
     * Follows probe packets: {@code visits} is told of every node that receives one (the
     * receive path of IPv4, before any decision). One listener; null stops it. Packets
     * without a trace tag cost one field test.
     */
    public void traceProbes(ProbeVisits visits) {
        this.probeVisits = visits;
    }

    void probeVisited(Node n, long probe) {
        if (probeVisits != null) {
            probeVisits.visited(n, probe);
        }
    }

    public Network(long seed) {
        this.random = new RandomStreams(seed);
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    public RandomStreams random() {
        return random;
    }

    /** The network's shared prefix objects: routing processes hold one per destination, not one per router. */
    public io.tunnelsim.addr.PrefixPool prefixes() {
        return prefixes;
    }

    /**
     * The network's one instance of {@code type}, made by {@code create} on first use: state
     * that the routers of one network share (an upper layer's cache, say) lives here rather
     * than in a static field, so two networks in one JVM never share it. Called while the
     * network is built, on its own thread, like everything else on a network.
     */
    public <T> T service(Class<T> type, java.util.function.Function<Network, T> create) {
        Object s = services.get(type);
        if (s == null) {
            s = java.util.Objects.requireNonNull(create.apply(this), "service");
            services.put(type, s);
        }
        return type.cast(s);
    }

    public EventLog log() {
        return log;
    }

    /** Where typed state changes are published and observed. */
    public EventBus events() {
        return events;
    }

    public Router addRouter(String name) {
        return register(new Router(this, name, nodes.size()));
    }

    public Host addHost(String name) {
        return register(new Host(this, name, nodes.size()));
    }

    private <T extends Node> T register(T n) {
        if (nodes.putIfAbsent(n.name(), n) != null) {
            throw new IllegalArgumentException("duplicate node " + n.name());
        }
        return n;
    }

    public Node node(String name) {
        return nodes.get(name);
    }

    public Collection<Node> nodes() {
        return java.util.Collections.unmodifiableCollection(nodes.values());
    }

    public Segment segment(String name) {
        return segments.get(name);
    }

    public Collection<Segment> segments() {
        return java.util.Collections.unmodifiableCollection(segments.values());
    }

    /** Creates an Ethernet interface with a deterministic locally administered MAC. */
    public EthernetInterface addEthernet(Node n, String ifName, Ipv4Prefix address, int mtu) {
        EthernetInterface e = new EthernetInterface(n, ifName, MacAddress.local(n.index() + 1, n.interfaceCount() + 1), mtu);
        n.addInterface(e);
        if (address != null) {
            e.setIpv4(address);
        }
        return e;
    }

    public LoopbackInterface addLoopback(Node n, String ifName, Ipv4Prefix address) {
        LoopbackInterface l = n.addInterface(new LoopbackInterface(n, ifName));
        if (address != null) {
            l.setIpv4(address);
        }
        return l;
    }

    /** Joins interfaces with a segment (two ends: a link; more: a LAN). */
    public Segment connect(String name, long bandwidthBps, long delay, double loss, int mtu, int queueLimit,
                           EthernetInterface... ends) {
        if (segments.containsKey(name)) {
            throw new IllegalArgumentException("duplicate link " + name);
        }
        Segment s = new Segment(name, scheduler, random.stream("link/" + name + "/loss"), bandwidthBps, delay, loss, mtu, queueLimit);
        segments.put(name, s);
        s.events = events;
        for (EthernetInterface e : ends) {
            e.attach(s);
        }
        return s;
    }

    public void addFibListener(FibListener l) {
        fibListeners.add(l);
    }

    void fibChanged(Node node, Ipv4Prefix prefix, FibEntry before, FibEntry after) {
        for (int i = 0; i < fibListeners.size(); i++) {
            fibListeners.get(i).fibChanged(node, prefix, before, after);
        }
        if (events.wants(FibChanged.class)) {
            events.publish(new FibChanged(scheduler.now(), node.name(), prefix, before, after));
        }
    }

    /** Starts every node's services once, at the current time. */
    public void start() {
        if (started) {
            return;
        }
        started = true;
        for (Node n : nodes.values()) {
            n.startServices();
        }
    }

    public boolean isStarted() {
        return started;
    }

    /** Starts (if needed) and runs until {@code end}. */
    public void runUntil(long end) {
        start();
        scheduler.runUntil(end);
    }
}
