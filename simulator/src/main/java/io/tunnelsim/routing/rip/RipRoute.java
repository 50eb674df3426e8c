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
