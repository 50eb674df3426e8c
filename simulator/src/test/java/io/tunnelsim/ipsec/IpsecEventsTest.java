package io.tunnelsim.ipsec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tunnelsim.ipsec.crypto.EspEncryption;
import io.tunnelsim.ipsec.crypto.EspIntegrity;
import io.tunnelsim.node.FibChanged;
import io.tunnelsim.node.event.PacketDropped;

/** SA installation, FIB changes and drops as typed events on the network's bus. */
class IpsecEventsTest {

    @Test
    void eachEndPublishesItsInboundThenOutboundSaWithMirroredSpis() {
        IpsecSites t = new IpsecSites(1, true);
        List<SaInstalled> sas = new ArrayList<>();
        t.net.events().subscribe(SaInstalled.class, sas::add);
        IpsecSession s = t.protectTunnel(IpsecProfile.transport(EspEncryption.AES_CBC_128, EspIntegrity.HMAC_SHA256_128), 7);
        t.net.runUntil(IpsecSites.S);
        assertEquals(4, sas.size(), sas.toString());
        assertTrue(sas.get(0).inbound() && sas.get(1).inbound(), "make before break: both inbound SAs first");
        assertFalse(sas.get(2).inbound() || sas.get(3).inbound());
        for (SaInstalled out : sas.subList(2, 4)) {
            SaInstalled in = sas.stream().filter(x -> x.inbound() && !x.node().equals(out.node())).findFirst().orElseThrow();
            assertEquals(out.spi(), in.spi(), "the outbound SPI of one end is the inbound SPI of the other");
        }
        assertEquals(s.a().outboundSa().spi(), sas.stream().filter(x -> !x.inbound() && x.node().equals(s.a().node().name()))
                .findFirst().orElseThrow().spi());
    }

    @Test
    void fibChangesOnTheBusMatchTheFibListenerOneForOne() {
        IpsecSites t = new IpsecSites(1, true);
        List<String> listener = new ArrayList<>();
        List<String> bus = new ArrayList<>();
        t.net.addFibListener((n, p, before, after) -> listener.add(n.name() + " " + p + " " + (after == null)));
        t.net.events().subscribe(FibChanged.class, c -> bus.add(c.node() + " " + c.prefix() + " " + (c.after() == null)));
        t.net.runUntil(3 * IpsecSites.S);
        assertFalse(bus.isEmpty());
        assertEquals(listener, bus);
    }

    @Test
    void dropsArePublishedOnlyToSubscribersAndCountedTheSame() {
        IpsecSites t = new IpsecSites(1, true);
        assertFalse(t.net.events().wants(PacketDropped.class));
        List<PacketDropped> drops = new ArrayList<>();
        t.net.events().subscribe(PacketDropped.class, drops::add);
        assertTrue(t.net.events().wants(PacketDropped.class));
        t.hq.counters().drop(io.tunnelsim.node.NodeDrop.TTL_EXPIRED);
        assertEquals(1, drops.size());
        assertEquals(io.tunnelsim.node.NodeDrop.TTL_EXPIRED, drops.get(0).reason());
        assertEquals("hq", drops.get(0).node());
        assertEquals(1, t.hq.counters().drops("ttl-expired"), "counted under the printed name");
    }
}
