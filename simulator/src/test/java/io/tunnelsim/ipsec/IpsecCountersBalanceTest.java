package io.tunnelsim.ipsec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.ipsec.crypto.EspEncryption;
import io.tunnelsim.ipsec.crypto.EspIntegrity;
import io.tunnelsim.node.Counters;
import io.tunnelsim.node.Node;
import io.tunnelsim.node.ProbeFlow;
import io.tunnelsim.tunnel.TunnelConfig;
import io.tunnelsim.wire.PacketBuffer;
import org.junit.jupiter.api.Test;

/**
 * Encapsulation and decapsulation in the counters (docs/model.md, "Counters"): a passenger
 * leaves as encapsulated and its GRE or ESP packet is originated; a decapsulated packet is a
 * new receive; ESP refused after delivery is a local-stage drop.
 */
class IpsecCountersBalanceTest {
    static final long MS = IpsecSites.MS;
    static final long S = IpsecSites.S;

    static void assertBalanced(IpsecSites t) {
        for (Node n : t.net.nodes()) {
            assertEquals(0, n.counters().imbalance(), n.name() + ": " + n.counters().balanceLine());
        }
    }

    @Test
    void greOverIpsecEncapsulatesTwicePerPassengerAndDecapsulatesIntoNewReceives() {
        IpsecSites t = new IpsecSites(1, true);
        IpsecSession s = t.protectTunnel(IpsecProfile.transport(EspEncryption.AES_GCM_128_16, EspIntegrity.NONE), 7);
        ProbeFlow f = t.ping("hq-pc", "10.2.0.10", 100 * MS, 300, 2 * S);
        t.net.runUntil(3 * S);
        assertEquals(0, IpsecSites.lost(f));
        Counters hq = t.hq.counters();
        // each passenger on tunnel0: into GRE, and the GRE packet into ESP
        assertEquals(2 * t.hqTunnel.outPackets, hq.encapsulated);
        assertEquals(s.a().encaps(), t.hqTunnel.outPackets);
        // at br each ESP packet is delivered (to ESP) and its passenger received again, from tunnel0
        Counters br = t.br.counters();
        assertEquals(s.b().decaps(), t.brTunnel.inPackets);
        assertTrue(br.received >= t.brTunnel.inPackets + s.b().decaps(), br.balanceLine());
        assertBalanced(t);
    }

    @Test
    void replayedEspIsDeliveredThenRefusedInTheLocalStage() {
        IpsecSites t = new IpsecSites(1, true);
        t.protectTunnel(IpsecProfile.transport(EspEncryption.AES_GCM_128_16, EspIntegrity.NONE), 7);
        t.ping("hq-pc", "10.2.0.10", 100 * MS, 100, S);
        t.net.runUntil(2 * S);
        byte[] ip = GreOverIpsecTest.firstEspTowardsBr(t);
        Counters br = t.br.counters();
        long network = br.networkDrops();
        t.br.ipv4().receive(PacketBuffer.copyOf(ip), t.brWan);
        assertEquals(1, br.localDropsByReason().get("esp-replay"));
        assertEquals(network, br.networkDrops());
        assertBalanced(t);
    }

    @Test
    void greKeepaliveReplyIsOriginatedByItsSenderAndForwardedByThePeer() {
        IpsecSites t = new IpsecSites(1, true, TunnelConfig.basic("eth0", "198.51.100.2").withKeepalive(5 * S, 3));
        t.net.runUntil(31 * S);
        long sent = t.hqTunnel.keepalivesSent;
        assertTrue(sent >= 6, "keepalives: " + sent);
        assertEquals(sent, t.hqTunnel.keepalivesReceived);
        // br decapsulates each and forwards the reply inside back into its own tunnel
        assertTrue(t.br.counters().forwarded >= sent);
        assertBalanced(t);
    }
}
