package io.tunnelsim.node;

import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.addr.Ipv6Prefix;
import io.tunnelsim.node.event.InterfaceStateChanged;
import io.tunnelsim.node.event.LineProtocolChanged;
import io.tunnelsim.wire.PacketBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A node's interface. It is up when administratively enabled and its line protocol is up;
 * subclasses decide what line protocol means (carrier on Ethernet, always on loopback, the
 * tunnel rules on GRE). Every state change reaches the node, which updates connected routes
 * and logs {@code %LINK-3-UPDOWN} / {@code %LINEPROTO-5-UPDOWN}.
 */
public abstract class Interface {
    protected final Node node;
    private final String name;
    private final int index;
    private Ipv4Prefix ipv4;
    private final List<Ipv6Prefix> ipv6 = new ArrayList<>();
    private int mtu;
    private boolean adminUp = true;
    private boolean lineUp;
    private long bandwidthBps;
    private long delayMicros;
    private PacketHook hook;
    public long inPackets;
    public long outPackets;
    public long inBytes;
    public long outBytes;

    protected Interface(Node node, String name, int mtu) {
        this.node = node;
        this.name = name;
        this.mtu = mtu;
        this.index = node.interfaceCount();
    }

    public Node node() {
        return node;
    }

    public String name() {
        return name;
    }

    /**
     * Name in logs, {@code show} tables and reports: the name as written in the topology
     * ({@code tunnel0}), so that {@code grep tunnel0 events.log} finds every line about it. The
     * router-console spelling is {@link #iosName()}, accepted as an alias by {@code show}.
     */
    public String displayName() {
        return name;
    }

    /** Name as a router console prints it: tunnel0 → Tunnel0, lo0 → Loopback0, others as configured. */
    public String iosName() {
        if (name.startsWith("tunnel")) {
            return "Tunnel" + name.substring(6);
        }
        if (name.startsWith("lo") && name.length() > 2 && Character.isDigit(name.charAt(2))) {
            return "Loopback" + name.substring(2);
        }
        return name;
    }

    public int index() {
        return index;
    }

    public Ipv4Prefix ipv4() {
        return ipv4;
    }

    /** Address bits of the interface, 0 when unnumbered. */
    public int ipv4Bits() {
        return ipv4 == null ? 0 : ipv4.address().bits();
    }

    public void setIpv4(Ipv4Prefix address) {
        this.ipv4 = address;
        node.interfaceChanged(this);
    }

    public List<Ipv6Prefix> ipv6() {
        return ipv6;
    }

    public void addIpv6(Ipv6Prefix p) {
        ipv6.add(p);
        node.interfaceChanged(this);
    }

    public int mtu() {
        return mtu;
    }

    public void setMtu(int mtu) {
        this.mtu = mtu;
    }

    /** Bandwidth used by routing metrics (OSPF cost), bits per second. */
    public long bandwidthBps() {
        return bandwidthBps;
    }

    public void setBandwidthBps(long bps) {
        this.bandwidthBps = bps;
    }

    public long delayMicros() {
        return delayMicros;
    }

    public void setDelayMicros(long us) {
        this.delayMicros = us;
    }

    private boolean sendsUnreachables = true;

    /**
     * Whether the node answers packets that arrived here with ICMP destination unreachable
     * (fragmentation needed included): IOS {@code ip unreachables}, on by default; off models a
     * provider that filters ICMP.
     */
    public boolean sendsUnreachables() {
        return sendsUnreachables;
    }

    public void setSendsUnreachables(boolean on) {
        this.sendsUnreachables = on;
    }

    /** The policy applied to packets crossing this interface (crypto map), or null. */
    public PacketHook hook() {
        return hook;
    }

    public void setHook(PacketHook h) {
        this.hook = h;
    }

    public boolean isAdminUp() {
        return adminUp;
    }

    public boolean isLineUp() {
        return lineUp;
    }

    /** Up/up: usable for routing and forwarding. */
    public boolean isUp() {
        return adminUp && lineUp && !node.isCrashed();
    }

    /** {@code shutdown} / {@code no shutdown}. */
    public void setAdminUp(boolean up) {
        if (adminUp == up) {
            return;
        }
        boolean was = isUp();
        adminUp = up;
        node.publish(new InterfaceStateChanged(node.now(), node.name(), displayName(), up, InterfaceStateChanged.Cause.ADMIN));
        if (!up && lineUp) {
            node.publish(new LineProtocolChanged(node.now(), node.name(), displayName(), false));
        } else if (up && lineUp) {
            node.publish(new LineProtocolChanged(node.now(), node.name(), displayName(), true));
        }
        if (was != isUp()) {
            node.interfaceChanged(this);
        }
    }

    /** Sets the line protocol; logs and notifies the node on change. */
    protected void setLineUp(boolean up) {
        if (lineUp == up) {
            return;
        }
        lineUp = up;
        if (adminUp && !node.isCrashed()) {
            node.publish(new LineProtocolChanged(node.now(), node.name(), displayName(), up));
            node.interfaceChanged(this);
        }
    }

    /** Whether multicast and broadcast can be sent out of this interface. */
    public boolean supportsMulticast() {
        return true;
    }

    /**
     * Sends an IPv4 packet (header at {@code p.offset()}) towards {@code nextHop} (address
     * bits; the destination itself when directly reachable). The interface now owns {@code p}.
     */
    public abstract void outputIpv4(PacketBuffer p, int nextHop);

    /** Sends an IPv6 packet towards {@code nextHop} (null: the packet's destination). */
    public abstract void outputIpv6(PacketBuffer p, io.tunnelsim.addr.Ipv6Address nextHop);

    /** Called when the owning node crashes (clear dynamic state) or restores. */
    protected void onNodeCrash() {
    }

    protected void onNodeRestore() {
    }

    /** One-line state for {@code show interfaces}: "eth0 is up, line protocol is up". */
    public String statusLine() {
        String admin = !adminUp ? "administratively down" : (node.isCrashed() ? "down" : "up");
        return displayName() + " is " + admin + ", line protocol is " + (isUp() ? "up" : "down");
    }

    @Override
    public String toString() {
        return node.name() + ":" + name;
    }
}
