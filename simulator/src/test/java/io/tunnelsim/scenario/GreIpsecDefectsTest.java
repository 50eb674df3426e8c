package io.tunnelsim.scenario;

import io.tunnelsim.ipsec.module.IpsecShow;
import static io.tunnelsim.scenario.TwoSiteFixture.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.capture.PcapReader;
import io.tunnelsim.node.EventLog;
import io.tunnelsim.scenario.spec.ScenarioException;
import io.tunnelsim.scenario.spec.ScenarioSpec;
import io.tunnelsim.topology.Diagnostic;
import io.tunnelsim.tunnel.TunnelInterface;
import io.tunnelsim.wire.Bytes;
import io.tunnelsim.wire.Ipv4Codec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression scenarios for the GRE and IPsec defects of issue 11: each ran wrong before its fix
 * (the failure each guarded against is named in the test's comment).
 */
class GreIpsecDefectsTest {
    static final String HQ_TUNNEL = "tunnel: {source: eth0, destination: 198.51.100.2%s}%s";
    static final String BR_TUNNEL = "tunnel: {source: eth0, destination: 203.0.113.2%s}%s";

    static String hq(String tunnelOptions, String extra) {
        return HQ_TUNNEL.formatted(tunnelOptions, extra);
    }

    static String br(String tunnelOptions, String extra) {
        return BR_TUNNEL.formatted(tunnelOptions, extra);
    }

    static final String PINGS = """
            duration: 60s
            seed: 7
            probes:
              - {name: hq-br, from: hq-pc, to: br-pc, interval: 100ms}
              - {name: br-hq, from: br-pc, to: hq-pc, interval: 100ms}
            """;

    static boolean logged(RunResult r, String node, String facility, String text) {
        for (EventLog.Entry e : r.events()) {
            if (e.node().equals(node) && e.facility().equals(facility) && e.message().contains(text)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Defect 1: with sequence numbers and keepalives on one end, the reflected keepalive took a
     * number from the sender's own counter and moved its receive edge; the peer's packets were
     * then dropped as out of order and the tunnel went down about 20 s in.
     */
    @Test
    void sequenceNumbersWithOneSidedKeepalivesKeepAHealthyTunnelUp(@TempDir Path dir) throws Exception {
        ScenarioSpec s = TwoSiteFixture.load(dir, TwoSiteFixture.topology(
                hq(", sequence: true, keepalive: {period: 2s, retries: 3}", ""), br(", sequence: true", ""), ""), PINGS);
        RunResult r = TwoSiteFixture.run(s);
        assertEquals(0, TwoSiteFixture.drops(r, "hq", "gre-out-of-order"));
        assertEquals(0, TwoSiteFixture.drops(r, "br", "gre-out-of-order"));
        assertFalse(logged(r, "hq", "LINEPROTO-5-UPDOWN", "changed state to down"), "the tunnel never goes down");
        // only the first probe of each flow waits for ARP on the way
        assertTrue(TwoSiteFixture.lost(r, "hq-br") <= 1, "lost " + TwoSiteFixture.lost(r, "hq-br"));
        assertTrue(TwoSiteFixture.lost(r, "br-hq") <= 1, "lost " + TwoSiteFixture.lost(r, "br-hq"));
        TunnelInterface t = (TunnelInterface) TwoSiteFixture.node(r, "hq").interfaceNamed("tunnel0");
        assertTrue(t.keepalivesReceived >= 28, "keepalives answered: " + t.keepalivesReceived);
    }

    /**
     * Defect 6: the GRE transmit sequence counter survived a crash and restore of the router; a
     * rebooted router numbers its datagrams from 0 again.
     */
    @Test
    void greSequenceCounterRestartsAtZeroAfterACrash(@TempDir Path dir) throws Exception {
        ScenarioSpec s = TwoSiteFixture.load(dir, TwoSiteFixture.topology(hq(", sequence: true", ""),
                br(", sequence: true", ""), ""), """
                duration: 40s
                seed: 3
                probes:
                  - {name: hq-br, from: hq-pc, to: br-pc, interval: 100ms}
                timeline:
                  - {at: 20s, action: node-crash, node: br}
                  - {at: 25s, action: node-restore, node: br}
                """);
        Path pcap = dir.resolve("pcap");
        RunResult r = ScenarioRunner.run(s, s.variants().get(0), RunOptions.DEFAULT.withCapture(pcap));
        Captures.writeExtras(r, pcap);
        List<Long> after = new ArrayList<>();
        long before = -1;
        for (PcapReader.Record rec : PcapReader.readAll(pcap.resolve("isp-br.pcap"))) {
            byte[] f = rec.data();
            if (f.length < 14 + 20 + 8 || Bytes.u16(f, 12) != 0x0800 || Ipv4Codec.protocol(f, 14) != 47
                    || Ipv4Codec.source(f, 14) != 0xC6336402) {
                continue;
            }
            long seq = Bytes.u32(f, 14 + 20 + 4);
            if (rec.timeNs() < 20 * S) {
                before = seq;
            } else {
                after.add(seq);
            }
        }
        assertTrue(before > 100, "br numbered its replies before the crash: " + before);
        assertFalse(after.isEmpty(), "br sends again after the restore");
        assertEquals(0L, after.get(0), "first datagram after the reboot");
        for (int i = 1; i < after.size(); i++) {
            assertEquals(after.get(i - 1) + 1, after.get(i));
        }
        // hq keeps its receive edge (RFC 2890 §2.2): br's renumbered datagrams are out of order until they pass it
        assertEquals(Math.min(before + 1, after.size()), TwoSiteFixture.drops(r, "hq", "gre-out-of-order"));
    }

    static final String GCM = "  site: {esp: aes-gcm-128, mode: transport}\n";

    /**
     * Defect 5: {@code replay-window: 0} passed validate ("0 disables") and failed run with exit
     * 2. One rule now: 0 disables anti-replay, in validation and in the run alike.
     */
    @Test
    void replayWindowZeroDisablesAntiReplayAndRuns(@TempDir Path dir) throws Exception {
        ScenarioSpec s = TwoSiteFixture.load(dir, TwoSiteFixture.topology(hq("", ", protection: site"),
                br("", ", protection: site"), "  site: {esp: aes-gcm-128, mode: transport, replay-window: 0}\n"), PINGS);
        RunResult r = TwoSiteFixture.run(s);
        assertTrue(TwoSiteFixture.lost(r, "hq-br") <= 1);
        var sa = io.tunnelsim.ipsec.IpsecSetup.sessions(r.built().network()).get(0).a().currentInboundSa();
        assertFalse(sa.antiReplay(), "replay detection off");
        assertTrue(IpsecShow.cryptoIpsecSa(TwoSiteFixture.node(r, "hq"))
                .contains("replay detection support: N"));
    }

    /**
     * Defect 2: AES-GCM with manual keys repeated IVs after a peer rebooted (RFC 4106 §8 forbids
     * static keys with GCM). Refused at validation, with the file position of the keys.
     */
    @Test
    void gcmWithManualKeysIsRefusedAtValidation(@TempDir Path dir) {
        String keys = "  site: {esp: aes-gcm-128, keys: {spi-in: 0x1001, spi-out: 0x1002,"
                + " key-in: \"0x000102030405060708090a0b0c0d0e0f00010203\", key-out: \"0x101112131415161718191a1b1c1d1e1f00010203\"}}\n";
        ScenarioException e = assertThrows(ScenarioException.class, () -> TwoSiteFixture.load(dir,
                TwoSiteFixture.topology(hq("", ", protection: site"), br("", ", protection: site"), keys), PINGS));
        assertTrue(e.getMessage().contains("topo.yaml:39:34:") && e.getMessage().contains("RFC 4106 §8"), e.getMessage());
    }

    static long provider(Path pcapDir, int protocol) throws java.io.IOException {
        long n = 0;
        for (String link : List.of("hq-isp.pcap", "isp-br.pcap")) {
            for (PcapReader.Record rec : PcapReader.readAll(pcapDir.resolve(link))) {
                byte[] f = rec.data();
                if (f.length >= 34 && Bytes.u16(f, 12) == 0x0800 && Ipv4Codec.protocol(f, 14) == protocol) {
                    n++;
                }
            }
        }
        return n;
    }

    static String warnings(ScenarioSpec s) {
        StringBuilder sb = new StringBuilder();
        for (Diagnostic d : s.warnings()) {
            sb.append(d).append('\n');
        }
        return sb.toString();
    }

    /**
     * Defect 3, one side: protection on hq only used to protect both ends. Each end now runs its
     * own configuration: hq never gets an SA and refuses br's cleartext GRE as a policy violation;
     * the tunnel carries nothing, and validate says so naming both ends.
     */
    @Test
    void protectionOnOneEndOnlyCarriesNothingAndIsWarnedAbout(@TempDir Path dir) throws Exception {
        ScenarioSpec s = TwoSiteFixture.load(dir, TwoSiteFixture.topology(hq("", ", protection: site"), br("", ""), GCM), PINGS);
        String w = warnings(s);
        assertTrue(w.contains("topo.yaml:10:") && w.contains("hq:tunnel0") && w.contains("br:tunnel0 (")
                && w.contains("topo.yaml:27:") && w.contains("has no protection"), w);
        RunResult r = TwoSiteFixture.run(s);
        assertEquals(TwoSiteFixture.sent(r, "hq-br"), TwoSiteFixture.lost(r, "hq-br"));
        assertEquals(TwoSiteFixture.sent(r, "br-hq"), TwoSiteFixture.lost(r, "br-hq"));
        assertTrue(TwoSiteFixture.drops(r, "hq", "ipsec-no-sa") >= TwoSiteFixture.sent(r, "hq-br") - 1,
                () -> TwoSiteFixture.node(r, "hq").counters().dropsByReason().toString());
        // every echo request br-pc sends arrives at hq as cleartext GRE
        assertTrue(TwoSiteFixture.drops(r, "hq", "ipsec-cleartext-policy-violation") >= TwoSiteFixture.sent(r, "br-hq") - 1);
        assertFalse(logged(r, "hq", "CRYPTO-5-SESSION_STATUS", "is UP"));
        assertTrue(logged(r, "hq", "CRYPTO-5-SESSION_STATUS", "Crypto tunnel is DOWN"));
    }

    /**
     * Defect 3, two profiles: GCM transport at hq and CBC tunnel mode at br used to run hq's
     * profile at both ends and report the crypto tunnel up. Now no proposal is acceptable: no
     * SA, nothing crosses, and validate names both ends.
     */
    @Test
    void endsWithProfilesThatCannotAgreeGetNoSa(@TempDir Path dir) throws Exception {
        ScenarioSpec s = TwoSiteFixture.load(dir, TwoSiteFixture.topology(hq("", ", protection: site"),
                br("", ", protection: other"), GCM + "  other: {esp: aes-cbc-128, auth: hmac-sha256-128, mode: tunnel}\n"), PINGS);
        String w = warnings(s);
        assertTrue(w.contains("topo.yaml:10:") && w.contains("topo.yaml:27:") && w.contains("cannot agree")
                && w.contains("esp-gcm, mode transport") && w.contains("esp-aes esp-sha256-hmac, mode tunnel"), w);
        RunResult r = TwoSiteFixture.run(s);
        assertEquals(TwoSiteFixture.sent(r, "hq-br"), TwoSiteFixture.lost(r, "hq-br"));
        assertEquals(TwoSiteFixture.sent(r, "br-hq"), TwoSiteFixture.lost(r, "br-hq"));
        assertTrue(TwoSiteFixture.drops(r, "hq", "ipsec-no-sa") > 500);
        assertTrue(TwoSiteFixture.drops(r, "br", "ipsec-no-sa") > 500);
        assertFalse(logged(r, "hq", "CRYPTO-5-SESSION_STATUS", "is UP"));
        assertFalse(logged(r, "br", "CRYPTO-5-SESSION_STATUS", "is UP"));
        assertTrue(logged(r, "br", "CRYPTO-5-SESSION_STATUS", "no acceptable proposal"));
    }

    /** Two profiles that differ only in lifetime agree on the shorter one (and raise no warning). */
    @Test
    void compatibleProfilesAgreeOnTheShorterLifetime(@TempDir Path dir) throws Exception {
        ScenarioSpec s = TwoSiteFixture.load(dir, TwoSiteFixture.topology(hq("", ", protection: site"),
                br("", ", protection: other"), GCM + "  other: {esp: aes-gcm-128, lifetime: {time: 20s}}\n"), PINGS);
        assertEquals("", warnings(s));
        RunResult r = TwoSiteFixture.run(s);
        assertTrue(TwoSiteFixture.lost(r, "hq-br") <= 1);
        var session = io.tunnelsim.ipsec.IpsecSetup.sessions(r.built().network()).get(0);
        assertEquals(20, session.profile().lifetimeSeconds());
        assertTrue(session.rekeys() >= 2, "rekeyed at 18 s and 36 s: " + session.rekeys());
    }

    /**
     * Defect 4: with a loopback-sourced protected tunnel, the policy sat on lo0 instead of the
     * interface GRE leaves by; the reflected keepalive replies went out in the clear, the far end
     * refused them and keepalives took the tunnel down. Now nothing but ESP crosses the provider.
     */
    @Test
    void loopbackSourcedProtectedTunnelKeepsItsKeepalivesAndSendsNoCleartextGre(@TempDir Path dir) throws Exception {
        String hqT = "tunnel: {source: lo0, destination: 192.0.2.2, keepalive: {period: 2s, retries: 3}}, protection: site";
        String brT = "tunnel: {source: lo0, destination: 192.0.2.1, keepalive: {period: 2s, retries: 3}}, protection: site";
        ScenarioSpec s = TwoSiteFixture.load(dir, TwoSiteFixture.topology(hqT, brT, GCM), PINGS);
        Path pcap = dir.resolve("pcap");
        RunResult r = ScenarioRunner.run(s, s.variants().get(0), RunOptions.DEFAULT.withCapture(pcap));
        assertFalse(logged(r, "hq", "LINEPROTO-5-UPDOWN", "changed state to down"));
        assertFalse(logged(r, "br", "LINEPROTO-5-UPDOWN", "changed state to down"));
        assertTrue(TwoSiteFixture.lost(r, "hq-br") <= 1);
        assertEquals(0, provider(pcap, 47), "no cleartext GRE on the provider links");
        assertTrue(provider(pcap, 50) > 1000);
        TunnelInterface t = (TunnelInterface) TwoSiteFixture.node(r, "hq").interfaceNamed("tunnel0");
        assertTrue(t.keepalivesReceived >= 28, "keepalives answered: " + t.keepalivesReceived);
    }
}
