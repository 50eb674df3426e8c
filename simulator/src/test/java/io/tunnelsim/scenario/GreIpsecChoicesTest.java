package io.tunnelsim.scenario;

import io.tunnelsim.ipsec.module.IpsecShow;
import io.tunnelsim.ipsec.module.IpsecModule;
import static io.tunnelsim.scenario.TwoSiteFixture.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.capture.PcapReader;
import io.tunnelsim.ipsec.IpsecProfile;
import io.tunnelsim.scenario.spec.ScenarioSpec;
import io.tunnelsim.ipsec.module.IpsecProfileSpec;
import io.tunnelsim.tunnel.TunnelConfig;
import io.tunnelsim.tunnel.TunnelInterface;
import io.tunnelsim.wire.Bytes;
import io.tunnelsim.wire.Ipv4Codec;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GRE/IPsec behaviours issue 11 asked to decide and document (docs/ipsec.md, docs/model.md). */
class GreIpsecChoicesTest {
    static String hq(String extra) {
        return "tunnel: {source: eth0, destination: 198.51.100.2" + extra;
    }

    static String br(String extra) {
        return "tunnel: {source: eth0, destination: 203.0.113.2" + extra;
    }

    /**
     * The tunnel MTU under protection is exact ESP arithmetic (padding to the block), not the
     * worst case: a passenger of exactly that size crosses in one provider frame of at most
     * 1500 bytes, one byte more is fragmented outside.
     */
    @ParameterizedTest
    @CsvSource({"'{esp: aes-gcm-128, mode: transport}', 1442", "'{esp: aes-cbc-128, auth: hmac-sha256-128}', 1434",
            "'{esp: aes-gcm-128, mode: tunnel}', 1422"})
    void protectedTunnelMtuIsTheLargestPassengerThatFits(String profile, int mtu, @TempDir Path dir) throws Exception {
        long[] esp = new long[2];
        for (int size : new int[] {mtu, mtu + 1}) {
            Path d = dir.resolve("s" + size);
            ScenarioSpec s = TwoSiteFixture.load(d, TwoSiteFixture.topology(hq("}, protection: site"), br("}, protection: site"),
                    "  site: " + profile + "\n"), "duration: 5s\nprobes:\n  - {name: big, from: hq-pc, to: br-pc, interval: 100ms, size: "
                    + size + "}\n");
            Path pcap = d.resolve("pcap");
            RunResult r = ScenarioRunner.run(s, s.variants().get(0), RunOptions.DEFAULT.withCapture(pcap));
            TunnelInterface t = (TunnelInterface) TwoSiteFixture.node(r, "hq").interfaceNamed("tunnel0");
            assertEquals(mtu, t.mtu());
            assertTrue(TwoSiteFixture.lost(r, "big") <= 1);
            int largest = 0;
            int fragments = 0;
            for (PcapReader.Record rec : PcapReader.readAll(pcap.resolve("isp-br.pcap"))) {
                byte[] f = rec.data();
                if (f.length >= 34 && Bytes.u16(f, 12) == 0x0800) {
                    largest = Math.max(largest, Ipv4Codec.totalLength(f, 14));
                    fragments += Ipv4Codec.isFragment(f, 14) ? 1 : 0;
                    esp[size - mtu] += Ipv4Codec.protocol(f, 14) == 50 ? 1 : 0;
                }
            }
            assertTrue(largest <= 1500, "largest provider packet " + largest);
            assertEquals(0, fragments, "no outer packet is fragmented");
            if (size == mtu) {
                assertTrue(largest >= 1497, "a passenger of the tunnel MTU fills the provider MTU: " + largest);
            }
        }
        // one byte more: the passenger is fragmented before it enters the tunnel, two ESP packets per probe
        long probes = 49;
        assertTrue(esp[1] >= esp[0] + probes, "ESP packets " + esp[0] + " vs " + esp[1]);
    }

    /**
     * IOS: a shut-down tunnel decapsulates nothing, so it does not reflect the peer's keepalives
     * and the far end's keepalives take its tunnel down (three periods later), instead of
     * black-holing traffic with its line protocol up.
     */
    @Test
    void aShutTunnelDoesNotReflectKeepalives(@TempDir Path dir) throws Exception {
        ScenarioSpec s = TwoSiteFixture.load(dir, TwoSiteFixture.topology(hq(", keepalive: {period: 10s, retries: 3}}"),
                br("}"), ""), """
                duration: 120s
                timeline:
                  - {at: 30s, action: interface-down, interface: "br:tunnel0"}
                """);
        RunResult r = TwoSiteFixture.run(s);
        long down = -1;
        for (var e : r.events()) {
            if (e.node().equals("hq") && e.message().contains("tunnel0, changed state to down")) {
                down = e.time();
            }
        }
        // three unanswered keepalives after the shutdown: between 30 s and 40 s later
        assertTrue(down >= 60 * S && down <= 71 * S, "hq's tunnel went down at " + down);
    }

    /** Defaults named in the docs are the code's: IOS lifetimes, 60 s recursion hold. */
    @Test
    void defaultsMatchTheDocumentation(@TempDir Path dir) throws Exception {
        ScenarioSpec s = TwoSiteFixture.load(dir, TwoSiteFixture.topology(hq("}, protection: site"), br("}, protection: site"),
                "  site: {esp: aes-gcm-128}\n"), "duration: 5s\n");
        IpsecProfile p = IpsecModule.profiles(s.topology()).get("site").toProfile(IpsecProfileSpec.Mode.TRANSPORT);
        assertEquals(3600, p.lifetimeSeconds());
        assertEquals(4_608_000L * 1000, p.lifetimeBytes());
        assertEquals(60 * S, s.topology().node("hq").interfaces().get("tunnel0").tunnel().orElseThrow().recursionHoldNs());
        assertEquals(60 * S, TunnelConfig.DEFAULT_RECURSION_HOLD);
        RunResult r = TwoSiteFixture.run(s);
        assertTrue(IpsecShow.cryptoIpsecSa(TwoSiteFixture.node(r, "hq")).contains("remaining key lifetime (k/sec): (4608000/"));
    }

    /**
     * Protection on one tunnel encrypts a second, unprotected tunnel between the same two
     * addresses too (the selector is GRE between the endpoints; IOS without {@code shared}).
     */
    @Test
    void protectionCoversASecondTunnelBetweenTheSameAddresses(@TempDir Path dir) throws Exception {
        String topo = TwoSiteFixture.topology(hq("}, protection: site"), br("}, protection: site"), "  site: {esp: aes-gcm-128}\n")
                .replace("      lan0: {address: 10.1.0.1/24}\n", "      lan0: {address: 10.1.0.1/24}\n"
                        + "      tunnel1: {address: 172.16.1.1/30, tunnel: {source: eth0, destination: 198.51.100.2, key: 1}}\n")
                .replace("      lan0: {address: 10.2.0.1/24}\n", "      lan0: {address: 10.2.0.1/24}\n"
                        + "      tunnel1: {address: 172.16.1.2/30, tunnel: {source: eth0, destination: 203.0.113.2, key: 1}}\n");
        ScenarioSpec s = TwoSiteFixture.load(dir, topo, "duration: 10s\nprobes:\n  - {name: t1, from: hq, to: \"br:tunnel1\", interval: 100ms}\n");
        Path pcap = dir.resolve("pcap");
        RunResult r = ScenarioRunner.run(s, s.variants().get(0), RunOptions.DEFAULT.withCapture(pcap));
        assertTrue(TwoSiteFixture.lost(r, "t1") <= 1, () -> r.events().stream().filter(e -> e.facility().startsWith("CRYPTO")).map(e -> e.format()).toList() + " " + TwoSiteFixture.lost(r, "t1") + " " + TwoSiteFixture.node(r, "hq").counters().dropsByReason() + TwoSiteFixture.node(r, "br").counters().dropsByReason());
        assertEquals(0, GreIpsecDefectsTest.provider(pcap, 47), "tunnel1's GRE is encrypted as well");
        assertFalse(GreIpsecDefectsTest.provider(pcap, 50) == 0);
    }
}
