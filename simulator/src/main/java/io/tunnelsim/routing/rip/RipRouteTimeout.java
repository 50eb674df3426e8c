package io.tunnelsim.routing.rip;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.node.event.LoggedEvent;
import io.tunnelsim.sim.SimTime;

/**
 * A RIP route was not refreshed within its timeout (RFC 2453 §3.8, 180 s by default) and starts
 * the deletion process ({@code %RIP-6-TIMEOUT}).
 *
 * @param prefix    the route
 * @param nextHop   the neighbour it was learnt from
 * @param iface     the interface's name as in the topology
 * @param display   the interface's display name, as the log line prints it
 * @param timeoutNs the route timeout
 */
public record RipRouteTimeout(long timeNs, String node, Ipv4Prefix prefix, Ipv4Address nextHop, String iface,
                              String display, long timeoutNs) implements LoggedEvent {

    @Override
    public String facility() {
        return "RIP-6-TIMEOUT";
    }

    @Override
    public String message() {
        return "Route " + prefix + " via " + nextHop + ", " + display + " timed out after " + SimTime.formatShort(timeoutNs);
    }
}
