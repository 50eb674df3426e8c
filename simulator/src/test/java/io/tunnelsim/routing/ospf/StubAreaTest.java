package io.tunnelsim.routing.ospf;

import static io.tunnelsim.routing.ospf.OspfLab.AREA0;
import static io.tunnelsim.routing.ospf.OspfLab.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.wire.LsaHeader;
import io.tunnelsim.wire.OspfCodec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Stub and totally stubby areas (RFC 2328 §3.6, §10.5, §12.4.3.1; IOS {@code area N stub
 * [no-summary]}, {@code area N default-cost}) on r1 (area 1) — r2 (ABR 1/0) — r3 (ABR 0/2) — r4
 * (area 2), link costs 10, 5, 7, loopback routes cost 0.
 */
class StubAreaTest {
    private static final Ipv4Address AREA1 = Ipv4Address.parse("0.0.0.1");

    private static OspfLab chain(AreaSettings r1, AreaSettings r2) {
        OspfLab lab = OspfLab.twoAreaChain(41);
        lab.area("r1", "1", r1);
        lab.area("r2", "1", r2);
        return lab;
    }

    private static List<LsaHeader> summaries(OspfLab lab, String router, Ipv4Address area) {
        return lab.ospf(router).databaseHeaders(area).stream().filter(h -> h.type() == LsaHeader.SUMMARY_NETWORK).toList();
    }

    @Test
    void aStubAreaGetsADefaultAtTheDefaultCostBesideTheSummariesAndCarriesNoEBit() {
        OspfLab lab = chain(AreaSettings.STUB, AreaSettings.STUB);
        lab.runUntil(120 * S);
        assertTrue(lab.allFull());
        List<LsaHeader> sums = summaries(lab, "r1", AREA1);
        List<LsaHeader> defaults = sums.stream().filter(h -> h.linkStateId().bits() == 0).toList();
        assertEquals(1, defaults.size(), sums.toString());
        assertEquals("2.2.2.2", defaults.get(0).advertisingRouter().toString());
        // the other areas' networks still arrive as summaries in a stub area
        assertTrue(sums.stream().anyMatch(h -> h.linkStateId().toString().equals("4.4.4.4")), sums.toString());
        // the default: link 10 + StubDefaultCost 1 (IOS area default-cost default)
        assertEquals(11, lab.cost("r1", "0.0.0.0/0"));
        assertEquals(22, lab.cost("r1", "4.4.4.4/32"));
        assertTrue(lab.ospf("r1").showRoutes().contains("0.0.0.0/0"), lab.ospf("r1").showRoutes());
        // every LSA of the stub area has the E bit clear; the backbone's and area 2's have it set
        for (String r : new String[] {"r1", "r2"}) {
            assertTrue(lab.ospf(r).databaseHeaders(AREA1).stream().allMatch(h -> (h.options() & OspfCodec.OPTION_E) == 0));
        }
        assertTrue(lab.ospf("r3").databaseHeaders(AREA0).stream().allMatch(h -> (h.options() & OspfCodec.OPTION_E) != 0));
        // the default goes only into the stub area: not into the backbone nor area 2
        assertTrue(summaries(lab, "r3", AREA0).stream().noneMatch(h -> h.linkStateId().bits() == 0));
        assertEquals(-1, lab.cost("r4", "0.0.0.0/0"));
        assertEquals(-1, lab.cost("r2", "0.0.0.0/0"), "an ABR does not route by its own default");
    }

    @Test
    void noSummaryLeavesOnlyTheDefaultAtTheConfiguredCost() {
        OspfLab lab = chain(AreaSettings.STUB, new AreaSettings(true, true, 5));
        lab.runUntil(120 * S);
        assertTrue(lab.allFull());
        List<LsaHeader> sums = summaries(lab, "r1", AREA1);
        assertEquals(1, sums.size(), sums.toString());
        assertEquals(0, sums.get(0).linkStateId().bits());
        assertEquals(15, lab.cost("r1", "0.0.0.0/0"));
        assertEquals(-1, lab.cost("r1", "4.4.4.4/32"), "totally stubby: no inter-area routes, the default covers them");
        assertEquals(-1, lab.cost("r1", "3.3.3.3/32"));
        // show ip ospf on the ABR and inside the area
        String abr = lab.ospf("r2").showProcess();
        assertTrue(abr.contains(" It is an area border router\n"), abr);
        assertTrue(abr.contains(" Number of areas in this router is 2. 1 normal 1 stub 0 nssa\n"), abr);
        assertTrue(abr.contains("    Area 1\n        Number of interfaces in this area is 1\n"
                + "        It is a stub area, no summary LSA in this area\n          generates stub default route with cost 5\n"), abr);
        String inside = lab.ospf("r1").showProcess();
        assertTrue(inside.contains("        It is a stub area\n        Number of LSA 3\n"), "two Router-LSAs and the default: " + inside);
        assertFalse(inside.contains("generates stub default"), inside);
        // the rest of the domain still learns area 1's networks
        assertEquals(22, lab.cost("r4", "1.1.1.1/32"));
        // r1 forwards towards r4's loopback by the default
        assertEquals("0.0.0.0/0", lab.node("r1").fib().lookup(Ipv4Address.parse("4.4.4.4").bits()).prefix().toString());
    }

    @Test
    void aStubOnOneEndOnlyDropsTheHellosAndNoAdjacencyForms() {
        OspfLab lab = chain(AreaSettings.STUB, AreaSettings.NORMAL);
        lab.runUntil(90 * S);
        assertTrue(lab.ospf("r1").neighbors().isEmpty(), "r1 drops every hello of r2, so it never lists r2");
        assertTrue(lab.ospf("r2").neighbors().stream().noneMatch(n -> n.routerId().toString().equals("1.1.1.1")));
        // hellos every 10 s for 90 s on each side: at least 8 dropped on each
        assertTrue(lab.node("r1").counters().drops(OspfDrop.OSPF_STUB_MISMATCH) >= 8);
        assertTrue(lab.node("r2").counters().drops(OspfDrop.OSPF_STUB_MISMATCH) >= 8);
        assertTrue(lab.firstLog("r1", "mismatched Stub/Transit area option bit from 10.0.12.2, eth0, area 1 (ours stub)", 0) >= 0);
        assertTrue(lab.firstLog("r2", "mismatched Stub/Transit area option bit from 10.0.12.1, eth0, area 1 (ours not stub)", 0) >= 0);
        assertEquals(-1, lab.cost("r4", "1.1.1.1/32"));
        // the other adjacencies are unaffected
        assertTrue(lab.ospf("r3").neighbors().stream().allMatch(n -> n.state() == OspfNeighbor.State.FULL));
    }

    @Test
    void theBackboneCannotBeAStubAndNoSummaryNeedsAStub() {
        assertThrows(IllegalArgumentException.class, () -> OspfConfig.of(null).withArea(AREA0, AreaSettings.STUB));
        assertThrows(IllegalArgumentException.class, () -> new AreaSettings(false, true, 1));
        assertThrows(IllegalArgumentException.class, () -> new AreaSettings(true, false, 0x100_0000));
        assertFalse(OspfConfig.of(null).area(AREA1).stub());
    }
}
