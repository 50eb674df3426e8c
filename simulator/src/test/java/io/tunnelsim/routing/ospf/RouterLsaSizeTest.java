package io.tunnelsim.routing.ospf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.wire.Lsa;
import io.tunnelsim.wire.LsaHeader;
import io.tunnelsim.wire.OspfCodec;
import io.tunnelsim.wire.OspfLinkStateUpdate;
import io.tunnelsim.wire.OspfPacket;
import io.tunnelsim.wire.OspfRouterLsa;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Router-LSA size limit against the codec: a Router-LSA of {@link RouterLsaSize#MAX_LINKS}
 * links travels in one Link State Update with a keyed-MD5 digest inside one IPv4 datagram of at
 * most 65535 bytes; one more link does not fit.
 */
class RouterLsaSizeTest {
    private static final int IPV4_HEADER = 20;

    private static int datagramBytes(int links) {
        List<OspfRouterLsa.Link> l = new ArrayList<>();
        for (int i = 0; i < links; i++) {
            l.add(new OspfRouterLsa.Link(new Ipv4Address(0x0A00_0000 + 4 * i), new Ipv4Address(0xFFFF_FFFC),
                    OspfRouterLsa.STUB, 10));
        }
        Lsa lsa = Lsa.originate(0, 0, Ipv4Address.parse("1.1.1.1"), Ipv4Address.parse("1.1.1.1"),
                LsaHeader.INITIAL_SEQUENCE_NUMBER, new OspfRouterLsa(false, false, true, l));
        assertEquals(24 + 12 * links, lsa.header().length());
        OspfPacket p = new OspfPacket(Ipv4Address.parse("1.1.1.1"), Ipv4Address.ANY, OspfPacket.AUTH_CRYPTOGRAPHIC,
                1L << 32, new OspfLinkStateUpdate(List.of(lsa)));
        return IPV4_HEADER + OspfCodec.wireLength(p);
    }

    @Test
    void theLargestRouterLsaFitsOneDatagramWithADigestAndOneLinkMoreDoesNot() {
        assertEquals(5453, RouterLsaSize.MAX_LINKS);
        int fits = datagramBytes(RouterLsaSize.MAX_LINKS);
        assertTrue(fits <= 0xFFFF, fits + " bytes");
        assertTrue(datagramBytes(RouterLsaSize.MAX_LINKS + 1) > 0xFFFF);
        // IPv4, OSPF header, LSA count, LSA header and flags, digest: 88 bytes around the links
        assertEquals(IPV4_HEADER + 24 + 4 + 24 + 16, datagramBytes(0));
    }

    /**
     * The generated OSPF runs on overlay routers only: a provider router with 5460 Ethernet
     * interfaces and no tunnel is no reason to refuse {@code routing: ospf}.
     */
    @Test
    void aRouterWithoutTunnelsIsNotCountedForTheGeneratedOspf(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        StringBuilder y = new StringBuilder("duration: 1s\ntopology:\n  routing: {protocol: ospf}\n  nodes:\n"
                + "    isp:\n      interfaces:\n");
        for (int i = 0; i < 5460; i++) {
            y.append("        eth").append(i).append(": {address: 10.").append(i / 64).append('.').append(i % 64 * 4)
                    .append(".1/30}\n");
        }
        java.nio.file.Path f = dir.resolve("s.yaml");
        java.nio.file.Files.writeString(f, y.toString());
        var s = io.tunnelsim.scenario.spec.ScenarioLoader.load(f);
        assertEquals(1, s.variants().size());
        assertEquals(OspfModule.CHOICE, s.variants().get(0).topology().routing(), "the choice the check runs for");
    }
}
