package io.tunnelsim.routing.rip;

import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.node.Interface;
import io.tunnelsim.sim.Event;

/**
 * One entry of the RIP routing table (RFC 2453 §3.6): destination, metric, next hop, the
 * interface it was learnt on, route tag, the route change flag and the two timers. The timers
 * are deadlines checked by one scheduler event per route (refreshing a route only moves the
 * deadline; the event reschedules itself when it finds the deadline in the future).
 */
final class RipRoute {
    enum Kind { CONNECTED, ORIGINATED, LEARNT }

    final Ipv4Prefix prefix;
    final Kind kind;
    int metric;
    int nextHop;
    Interface itf;
    int tag;
    boolean changed;
    long lastHeard;
    long garbageAt;
    long holdDownUntil;
    Event timerEvent;
    long timerEventTime;
    /** Further equal-metric paths from other neighbours (IOS maximum-paths), each with its own timeout. */
    final java.util.ArrayList<Path> alternates = new java.util.ArrayList<>(0);

    /** One further path: next hop, interface, when it was last heard. */
    static final class Path {
        final int nextHop;
        final Interface itf;
        long lastHeard;

        Path(int nextHop, Interface itf, long lastHeard) {
            this.nextHop = nextHop;
            this.itf = itf;
            this.lastHeard = lastHeard;
        }
    }

    Path alternate(int nh, Interface in) {
        for (Path p : alternates) {
            if (p.nextHop == nh && p.itf == in) {
                return p;
            }
        }
        return null;
    }

    /** True when the primary path or an alternate leaves through {@code out}. */
    boolean uses(Interface out) {
        if (itf == out) {
            return true;
        }
        for (Path p : alternates) {
            if (p.itf == out) {
                return true;
            }
        }
        return false;
    }

    /** Replaces the primary path by the first alternate (same metric). */
    void promote() {
        Path p = alternates.remove(0);
        nextHop = p.nextHop;
        itf = p.itf;
        lastHeard = p.lastHeard;
    }

    RipRoute(Ipv4Prefix prefix, Kind kind, int metric, int nextHop, Interface itf, int tag, long now) {
        this.prefix = prefix;
        this.kind = kind;
        this.metric = metric;
        this.nextHop = nextHop;
        this.itf = itf;
        this.tag = tag;
        this.lastHeard = now;
    }

    boolean reachable() {
        return metric < RipProcess.INFINITY;
    }
}
