package io.tunnelsim.routing.ospf;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.node.event.LoggedEvent;

/**
 * An OSPF neighbour reached Full, left Full or went Down ({@code %OSPF-5-ADJCHG}; changes
 * among the states below Full are not published, as IOS does not log them).
 *
 * @param processId the OSPF process number
 * @param neighbor  the neighbour's router ID
 * @param iface     the interface's display name
 * @param from      the neighbour state before ({@code FULL}, {@code INIT}, …)
 * @param to        the neighbour state after
 * @param reason    the neighbour state machine event that caused it
 */
public record AdjacencyChanged(long timeNs, String node, int processId, Ipv4Address neighbor, String iface, String from,
                               String to, String reason) implements LoggedEvent {

    @Override
    public String facility() {
        return "OSPF-5-ADJCHG";
    }

    @Override
    public String message() {
        return "Process " + processId + ", Nbr " + neighbor + " on " + iface + " from " + from + " to " + to + ", " + reason;
    }
}
