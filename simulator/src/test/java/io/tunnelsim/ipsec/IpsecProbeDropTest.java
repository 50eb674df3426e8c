package io.tunnelsim.ipsec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tunnelsim.ipsec.crypto.EspEncryption;
import io.tunnelsim.ipsec.crypto.EspIntegrity;
import io.tunnelsim.node.ProbeFlow;
import io.tunnelsim.node.event.ProbeDropped;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.wire.PacketBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ESP refusals of a probe packet name the probe, the node and the reason (for the outage chains). */
class IpsecProbeDropTest {
    static final long S = SimTime.SECOND;
    static final long MS = SimTime.MILLISECOND;

    @Test
    void aReplayedProbeIsReportedLostAsReplay() {
        IpsecSites t = new IpsecSites(1, true);
        t.protectTunnel(IpsecProfile.transport(EspEncryption.AES_GCM_128_16, EspIntegrity.NONE), 7);
        t.ping("hq-pc", "10.2.0.10", 100 * MS, 100, S);
        List<ProbeDropped> drops = new ArrayList<>();
        t.net.events().subscribe(ProbeDropped.class, drops::add);
        t.net.runUntil(2 * S);
        assertEquals(List.of(), drops, "nothing lost on the way");
        PacketBuffer replayed = PacketBuffer.copyOf(GreOverIpsecTest.firstEspTowardsBr(t));
        replayed.setTrace(ProbeFlow.traceTag(3, 9));
        t.br.ipv4().receive(replayed, t.brWan);
        assertEquals(1, drops.size());
        ProbeDropped d = drops.get(0);
        assertEquals("br", d.node());
        assertEquals(EspDropReason.REPLAY, d.reason());
        assertEquals(ProbeFlow.traceTag(3, 9), d.probe());
        // an untagged packet is counted as always and reported to nobody
        t.br.ipv4().receive(PacketBuffer.copyOf(GreOverIpsecTest.firstEspTowardsBr(t)), t.brWan);
        assertEquals(1, drops.size());
        assertEquals(2, t.br.counters().drops("esp-replay"));
    }
}
