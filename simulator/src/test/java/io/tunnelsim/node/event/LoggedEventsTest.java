package io.tunnelsim.node.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.node.EventLog;
import io.tunnelsim.routing.ospf.AdjacencyChanged;
import io.tunnelsim.routing.track.TrackChanged;
import io.tunnelsim.tunnel.TunnelRecursionDown;

/** Each typed event prints exactly the console line the event log has always carried. */
class LoggedEventsTest {

    static Stream<Arguments> lines() {
        long t = 40_123_000_000L;
        return Stream.of(
                Arguments.of(new InterfaceStateChanged(t, "hq", "Ethernet0", false, InterfaceStateChanged.Cause.CARRIER),
                        "40.123000000 hq %LINK-3-UPDOWN: Interface Ethernet0, changed state to down"),
                Arguments.of(new InterfaceStateChanged(t, "hq", "Ethernet0", true, InterfaceStateChanged.Cause.CARRIER),
                        "40.123000000 hq %LINK-3-UPDOWN: Interface Ethernet0, changed state to up"),
                Arguments.of(new InterfaceStateChanged(t, "hq", "Ethernet1", false, InterfaceStateChanged.Cause.ADMIN),
                        "40.123000000 hq %LINK-5-CHANGED: Interface Ethernet1, changed state to administratively down"),
                Arguments.of(new InterfaceStateChanged(t, "hq", "Ethernet1", true, InterfaceStateChanged.Cause.ADMIN),
                        "40.123000000 hq %LINK-5-CHANGED: Interface Ethernet1, changed state to up"),
                Arguments.of(new LineProtocolChanged(t, "br", "Tunnel0", false),
                        "40.123000000 br %LINEPROTO-5-UPDOWN: Line protocol on Interface Tunnel0, changed state to down"),
                Arguments.of(new NodeStateChanged(t, "isp-a", true), "40.123000000 isp-a %SYS-5-CRASH: Node crashed (power off)"),
                Arguments.of(new NodeStateChanged(t, "isp-a", false), "40.123000000 isp-a %SYS-5-RESTART: System restarted"),
                Arguments.of(new TunnelRecursionDown(t, "hq", "Tunnel1"),
                        "40.123000000 hq %TUN-5-RECURDOWN: Tunnel1 temporarily disabled due to recursive routing"),
                Arguments.of(new AdjacencyChanged(t, "hq", 1, Ipv4Address.parse("2.2.2.2"), "Tunnel0", "FULL", "DOWN",
                        "Neighbor Down: Dead timer expired"), "40.123000000 hq %OSPF-5-ADJCHG: Process 1, Nbr 2.2.2.2 on Tunnel0"
                        + " from FULL to DOWN, Neighbor Down: Dead timer expired"),
                Arguments.of(new TrackChanged(t, "hq", 10, 10, false),
                        "40.123000000 hq %TRACK-6-STATE: 10 ip sla 10 reachability Up -> Down"),
                Arguments.of(new TrackChanged(t, "hq", 10, 11, true),
                        "40.123000000 hq %TRACK-6-STATE: 10 ip sla 11 reachability Down -> Up"));
    }

    @ParameterizedTest
    @MethodSource("lines")
    void formatsTheConsoleLine(LoggedEvent e, String line) {
        EventLog.Entry entry = new EventLog.Entry(e.timeNs(), e.node(), e.facility(), e.message());
        assertEquals(line, entry.format().strip());
        assertEquals(List.of(entry), log(e));
    }

    private static List<EventLog.Entry> log(LoggedEvent e) {
        io.tunnelsim.node.Network net = new io.tunnelsim.node.Network(1);
        net.events().publish(e);
        return net.log().entries();
    }
}
