package io.tunnelsim.routing.ospf;

import static io.tunnelsim.routing.ospf.OspfLab.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.node.FibEntry;
import io.tunnelsim.node.RouteSource;
import org.junit.jupiter.api.Test;

class OspfAdjacencyTest {

    @Test
    void twoRoutersOverPointToPointEthernetReachFullAndInstallRoutes() {
        OspfLab lab = new OspfLab(1);
        lab.router("r1", "1.1.1.1");
        lab.router("r2", "2.2.2.2");
        lab.router("r3", "3.3.3.3");
        lab.p2p("r1", "r2", "10.0.12.0/30", 10);
        lab.p2p("r2", "r3", "10.0.23.0/30", 5);
        lab.runUntil(30 * S);
        assertTrue(lab.allFull());
        assertEquals(10, lab.cost("r1", "2.2.2.2/32"));
        assertEquals(15, lab.cost("r1", "3.3.3.3/32"));
        assertEquals(15, lab.cost("r1", "10.0.23.0/30"));
        FibEntry e = lab.node("r1").fib().lookup(Ipv4Address.parse("3.3.3.3").bits());
        assertEquals(RouteSource.OSPF, e.first().source());
        assertEquals(Ipv4Address.parse("10.0.12.2").bits(), e.first().nextHop());
        assertEquals(110, e.first().distance());
        assertTrue(lab.firstLog("r1", "Nbr 2.2.2.2 on eth0 from LOADING to FULL, Loading Done", 0) >= 0
                || lab.firstLog("r1", "Nbr 2.2.2.2 on eth0 from EXCHANGE to FULL, Exchange Done", 0) >= 0);
        assertEquals(Ipv4Prefix.parse("3.3.3.3/32"), lab.node("r1").fib().lookup(Ipv4Address.parse("3.3.3.3").bits())
                .prefix());
    }

    private static io.tunnelsim.node.Network net(OspfLab lab) {
        return lab.net;
    }
}
