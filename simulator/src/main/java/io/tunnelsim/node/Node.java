package io.tunnelsim.node;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.sim.Scheduler;
import io.tunnelsim.wire.PacketBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A node: its interfaces, RIB and FIB, counters, services, crash and restore, and its two
 * stacks — IPv4 ({@link Ipv4Stack}: receive path, forwarding, ICMP, fragmentation and
 * reassembly) and IPv6 ({@link Ipv6Stack}). Routers and hosts share it; a host simply does not
 * forward. The IPv4 methods here are the stack's, kept on the node for its many callers.
 */
public class Node {
    public static final int DEFAULT_TTL = Ipv4Stack.DEFAULT_TTL;
    /** Drop reason: a DF packet larger than the egress MTU (RFC 1191 §4: ICMP fragmentation needed goes back). */
    public static final String DROP_FRAG_NEEDED = NodeDrop.FRAG_NEEDED_DF_SET.label();

    private final Network network;
    private final String name;
    private final int index;
    private final boolean forwarding;
    private final LinkedHashMap<String, Interface> interfaces = new LinkedHashMap<>();
    private Interface[] interfaceArray = new Interface[0];
    private final Rib rib;
    private final Counters counters = new Counters(this);
    private final List<NodeService> services = new ArrayList<>();
    private final Ipv4Stack ipv4;
    private final Ipv6Stack ipv6;
    private boolean crashed;

    protected Node(Network network, String name, int index, boolean forwarding) {
        this.network = network;
        this.name = name;
        this.index = index;
        this.forwarding = forwarding;
        this.rib = new Rib(this);
        this.ipv4 = new Ipv4Stack(this, forwarding);
        this.ipv6 = new Ipv6Stack(this);
    }

    public String name() {
        return name;
    }

    public int index() {
        return index;
    }

    public Network network() {
        return network;
    }

    public Scheduler scheduler() {
        return network.scheduler();
    }

    public boolean isRouter() {
        return forwarding;
    }

    public Rib rib() {
        return rib;
    }

    public Fib fib() {
        return rib.fib();
    }

    public Counters counters() {
        return counters;
    }

    public Ipv4Stack ipv4() {
        return ipv4;
    }

    public Ipv6Stack ipv6() {
        return ipv6;
    }

    public boolean isCrashed() {
        return crashed;
    }

    int interfaceCount() {
        return interfaces.size();
    }

    /** The interfaces in order of addition (the stacks walk it; never modified by them). */
    Interface[] interfaceArray() {
        return interfaceArray;
    }

    /** Adds an interface (called by interface constructors' owners after construction). */
    public <T extends Interface> T addInterface(T itf) {
        if (interfaces.putIfAbsent(itf.name(), itf) != null) {
            throw new IllegalArgumentException(name + " already has an interface " + itf.name());
        }
        interfaceArray = interfaces.values().toArray(new Interface[0]);
        interfaceChanged(itf);
        return itf;
    }

    public Interface interfaceNamed(String n) {
        return interfaces.get(n);
    }

    public Collection<Interface> interfaces() {
        return java.util.Collections.unmodifiableCollection(interfaces.values());
    }

    public void addService(NodeService s) {
        services.add(s);
    }

    public List<NodeService> services() {
        return java.util.Collections.unmodifiableList(services);
    }

    @SuppressWarnings("unchecked")
    public <T extends NodeService> T service(Class<T> type) {
        for (NodeService s : services) {
            if (type.isInstance(s)) {
                return (T) s;
            }
        }
        return null;
    }

    public void log(String facility, String message) {
        network.log().log(name, facility, message);
    }

    /** Publishes a typed state change on the network's {@link io.tunnelsim.node.event.EventBus}. */
    public void publish(io.tunnelsim.node.event.NetEvent event) {
        network.events().publish(event);
    }

    /**
     * Probe packet {@code p} was lost here (a counted drop, or a loss no counter sees: it arrived
     * on a down interface or at a crashed node): publishes
     * {@link io.tunnelsim.node.event.ProbeDropped} for probe packets only, and only when
     * subscribed. Any other packet costs one field test.
     */
    public void traceLoss(io.tunnelsim.wire.DropReason reason, PacketBuffer p, Interface itf) {
        if (p.trace() != 0 && network.events().wants(io.tunnelsim.node.event.ProbeDropped.class)) {
            publish(new io.tunnelsim.node.event.ProbeDropped(now(), name, reason, itf == null ? null : itf.name(), p.trace()));
        }
    }

    /** The simulated time now, nanoseconds (the time stamp of an event published now). */
    public long now() {
        return network.scheduler().now();
    }

    // ---------------------------------------------------------------- state changes

    /** Interfaces whose change is still to be propagated (see {@link #interfaceChanged}). */
    private final java.util.ArrayDeque<Interface> changedInterfaces = new java.util.ArrayDeque<>();
    private boolean propagatingChanges;

    /**
     * Called by interfaces when address or up/down state changed. A change caused while another
     * is being propagated (a tunnel whose line protocol follows another interface, and so on
     * through thousands of tunnels) is queued and handled after it, in order: propagation is a
     * work list, so its stack depth does not grow with the number of interfaces.
     */
    void interfaceChanged(Interface itf) {
        changedInterfaces.add(itf);
        if (propagatingChanges) {
            return;
        }
        propagatingChanges = true;
        try {
            Interface next;
            while ((next = changedInterfaces.poll()) != null) {
                propagateChange(next);
            }
        } finally {
            propagatingChanges = false;
            changedInterfaces.clear();
        }
    }

    private void propagateChange(Interface itf) {
        ipv4.refreshLocalAddresses();
        Ipv4Prefix a = itf.ipv4();
        if (a != null) {
            if (itf.isUp()) {
                rib.update(RouteSource.CONNECTED, a, List.of(new Route(a, 0, itf, 0, 0, RouteSource.CONNECTED)));
            } else {
                rib.update(RouteSource.CONNECTED, a, List.of());
            }
        }
        rib.recomputeVia(itf);
        ipv6.interfaceChanged(itf);
        for (int i = 0; i < services.size(); i++) {
            services.get(i).interfaceChanged(itf);
        }
    }

    private final List<FibListener> fibListeners = new ArrayList<>(2);

    /** Observes this node's FIB changes only (tunnels, static route resolution). */
    public void addFibListener(FibListener l) {
        fibListeners.add(l);
    }

    void fibChanged(Ipv4Prefix prefix, FibEntry before, FibEntry after) {
        for (int i = 0; i < fibListeners.size(); i++) {
            fibListeners.get(i).fibChanged(this, prefix, before, after);
        }
        network.fibChanged(this, prefix, before, after);
    }

    /** Starts every service (simulation start). */
    public void startServices() {
        for (NodeService s : services) {
            s.start();
        }
    }

    /** Power failure: every service stops, dynamic state is lost, interfaces go dark. */
    public void crash() {
        if (crashed) {
            return;
        }
        publish(new io.tunnelsim.node.event.NodeStateChanged(now(), name, true));
        for (NodeService s : services) {
            s.stop();
        }
        crashed = true;
        for (Interface itf : interfaceArray) {
            itf.onNodeCrash();
        }
        ipv4.crash();
        ipv6.flushPending();
        for (Interface itf : interfaceArray) {
            if (itf instanceof EthernetInterface e && e.segment() != null && e.segment().ports().size() == 2) {
                // the far end of a cable to a dead box loses carrier
                e.segment().setCarrier(false);
            }
        }
        for (Interface itf : interfaceArray) {
            interfaceChanged(itf);
        }
    }

    /** Power restored: interfaces come back, services restart from scratch. */
    public void restore() {
        if (!crashed) {
            return;
        }
        crashed = false;
        publish(new io.tunnelsim.node.event.NodeStateChanged(now(), name, false));
        for (Interface itf : interfaceArray) {
            itf.onNodeRestore();
            if (itf instanceof EthernetInterface e && e.segment() != null && e.segment().ports().size() == 2) {
                e.segment().setCarrier(true);
            }
        }
        for (Interface itf : interfaceArray) {
            interfaceChanged(itf);
        }
        startServices();
    }

    // ---------------------------------------------------------------- receive path

    /** An IPv6 packet (header at {@code p.offset()}) arrived on {@code in}. */
    public void receiveIpv6(PacketBuffer p, Interface in) {
        if (crashed) {
            traceLoss(NodeDrop.NODE_DOWN, p, in);
            return;
        }
        boolean stage = counters.enterNetwork();
        try {
            counters.received++;
            if (p.trace() != 0) {
                network.probeVisited(this, p.trace());
            }
            ipv6.receive(p, in);
        } finally {
            counters.restoreStage(stage);
        }
    }

    // ---------------------------------------------------------------- send path

    // ---------------------------------------------------------------- ICMP

    @Override
    public String toString() {
        return name;
    }
}
