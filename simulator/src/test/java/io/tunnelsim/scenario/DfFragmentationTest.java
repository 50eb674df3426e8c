package io.tunnelsim.scenario;

import static io.tunnelsim.scenario.TwoSiteFixture.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.capture.PcapReader;
import io.tunnelsim.node.EventLog;
import io.tunnelsim.node.ProbeFlow;
import io.tunnelsim.scenario.spec.ScenarioException;
import io.tunnelsim.scenario.spec.ScenarioLoader;
import io.tunnelsim.scenario.spec.ScenarioSpec;
import io.tunnelsim.tunnel.TunnelInterface;
import io.tunnelsim.wire.Bytes;
import io.tunnelsim.wire.Ipv4Codec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DF and fragmentation of GRE and IPsec: IPsec {@code df-bit} and {@code fragmentation}, tunnel
 * {@code df: inherit}, {@code keepalive-protection}, and what a manually keyed peer keeps over the
 * other's reboot.
 */
class DfFragmentationTest {

    /** Frames of one capture: IPv4 packets with this protocol, as {flags/fragment word, total length}. */
    static List<int[]> ipv4(Path pcap, int protocol) throws java.io.IOException {
        List<int[]> out = new ArrayList<>();
        for (PcapReader.Record rec : PcapReader.readAll(pcap)) {
            byte[] f = rec.data();
            if (f.length >= 34 && Bytes.u16(f, 12) == 0x0800 && Ipv4Codec.protocol(f, 14) == protocol) {
                out.add(new int[] {Ipv4Codec.flagsFragment(f, 14), Ipv4Codec.totalLength(f, 14)});
            }
        }
        return out;
    }

    static ScenarioSpec cryptoMap(Path dir, String dfBit, String fragmentation, String probe) throws Exception {
        String topo = Files.readString(ExampleCaptureInteropTest.root().resolve("topologies/ipsec-crypto-map.yaml"))
                .replace("mode: tunnel,", "mode: tunnel, df-bit: " + dfBit + ", fragmentation: " + fragmentation + ",");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("topo.yaml"), topo);
        Files.writeString(dir.resolve("s.yaml"), "name: cm\ntopology: topo.yaml\nduration: 10s\nprobes:\n  - " + probe + "\n");
        return ScenarioLoader.load(dir.resolve("s.yaml"));
    }

    /**
     * Crypto map, AES-CBC-128 + HMAC-SHA-256 tunnel mode: the largest inner packet whose ESP form
     * fits 1500 is 1438 (1480 − 8 − 16 − 16 = 1440, a multiple of 16, − 2 trailer = 1438 bytes of
     * ESP payload, which in tunnel mode is the inner packet itself). A 1450-byte
     * probe does not fit; where it is cut, and whether it crosses, follows from df-bit,
     * fragmentation and the probe's DF (IOS crypto ipsec df-bit / fragmentation).
     */
    @ParameterizedTest(name = "df-bit {0}, {1}, probe df {2}")
    @CsvSource({
        // df-bit, fragmentation, probe DF, delivered, ESP fragments outside, ESP with DF outside
        // (set + after-encryption: the sealed packet has DF and does not fit, so nothing leaves)
        "copy, before-encryption, false, true, false, false",
        "copy, after-encryption, false, true, true, false",
        "clear, before-encryption, true, true, true, false",
        "set, before-encryption, false, true, false, true",
        "set, after-encryption, false, false, false, false",
        "copy, before-encryption, true, false, false, false"})
    void cryptoMapDfBitAndFragmentation(String dfBit, String fragmentation, boolean df, boolean delivered,
                                        boolean outerFragments, boolean outerDf, @TempDir Path dir) throws Exception {
        ScenarioSpec s = cryptoMap(dir, dfBit, fragmentation,
                "{name: big, from: hq-pc, to: br-pc, interval: 100ms, size: 1450, df: " + df + "}");
        Path pcap = dir.resolve("pcap");
        RunResult r = ScenarioRunner.run(s, s.variants().get(0), RunOptions.DEFAULT.withCapture(pcap));
        long sent = TwoSiteFixture.sent(r, "big");
        long lost = TwoSiteFixture.lost(r, "big");
        if (delivered) {
            assertTrue(lost <= 1, "lost " + lost + " of " + sent);
        } else {
            assertEquals(sent, lost);
            assertTrue(TwoSiteFixture.drops(r, "hq", io.tunnelsim.node.Node.DROP_FRAG_NEEDED) >= sent - 1,
                    TwoSiteFixture.node(r, "hq").counters().dropsByReason().toString());
        }
        List<int[]> esp = ipv4(pcap.resolve("isp-br.pcap"), 50);
        long fragments = esp.stream().filter(f -> (f[0] & (Ipv4Codec.FLAG_MF | 0x1fff)) != 0).count();
        long withDf = esp.stream().filter(f -> (f[0] & Ipv4Codec.FLAG_DF) != 0).count();
        assertEquals(outerFragments, fragments > 0, "ESP fragments on the provider: " + fragments);
        assertEquals(outerDf, withDf > 0, "ESP with DF: " + withDf);
        assertTrue(esp.stream().allMatch(f -> f[1] <= 1500));
        if (delivered && !outerFragments) {
            // fragmented before encryption: two ESP packets per probe each way, none cut outside
            assertTrue(esp.size() >= 4 * (sent - 1), "ESP packets " + esp.size());
        }
    }

    /**
     * df-bit copy with a DF probe: refused with fragmentation-needed carrying 1438, the largest
     * inner packet that fits; a sender doing path-MTU discovery loses one probe and then sends
     * 1438-byte probes that cross (RFC 1191 §4 through a crypto map).
     */
    @Test
    void cryptoMapFragmentationNeededCarriesTheIpsecMtuToTheSender(@TempDir Path dir) throws Exception {
        ScenarioSpec s = cryptoMap(dir, "copy", "before-encryption",
                "{name: big, from: hq-pc, to: br-pc, interval: 100ms, size: 1450, df: true, pmtud: true}");
        RunResult r = ScenarioRunner.run(s, s.variants().get(0), RunOptions.DEFAULT);
        ProbeFlow f = r.probes().get(0);
        assertEquals(1438, f.pathMtu());
        assertEquals(1, f.fragmentationNeededReceived());
        assertEquals(1, TwoSiteFixture.lost(r, "big"));
        assertEquals(1438, f.sizeOf(f.count() - 1));
    }

    /**
     * Tunnel protection with an {@code ip mtu} (1470) larger than fits under ESP: in tunnel mode
     * and before encryption, the GRE packet is cut first and every fragment travels in its own ESP
     * packet, which the far end decrypts and reassembles as protected; after encryption (and always
     * in transport mode, RFC 4303 §3.1.1) the ESP packet is cut outside.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"'mode: tunnel, fragmentation: before-encryption', false", "'mode: tunnel, fragmentation: after-encryption', true",
        "'mode: transport, fragmentation: before-encryption', true"})
    void protectedTunnelFragmentsBeforeOrAfterEncryption(String profile, boolean outerFragments, @TempDir Path dir)
            throws Exception {
        ScenarioSpec s = TwoSiteFixture.load(dir, TwoSiteFixture.topology(
                "tunnel: {source: eth0, destination: 198.51.100.2}, mtu: 1470, protection: site",
                "tunnel: {source: eth0, destination: 203.0.113.2}, mtu: 1470, protection: site",
                "  site: {esp: aes-gcm-128, " + profile + "}\n"),
                "duration: 10s\nprobes:\n  - {name: big, from: hq-pc, to: br-pc, interval: 100ms, size: 1470}\n");
        Path pcap = dir.resolve("pcap");
        RunResult r = ScenarioRunner.run(s, s.variants().get(0), RunOptions.DEFAULT.withCapture(pcap));
        assertTrue(TwoSiteFixture.lost(r, "big") <= 1, "lost " + TwoSiteFixture.lost(r, "big"));
        assertEquals(0, TwoSiteFixture.drops(r, "br", "tunnel-unprotected"), "reassembled GRE stays protected");
        assertEquals(0, GreIpsecDefectsTest.provider(pcap, 47), "nothing in the clear");
        List<int[]> esp = ipv4(pcap.resolve("isp-br.pcap"), 50);
        long fragments = esp.stream().filter(f -> (f[0] & (Ipv4Codec.FLAG_MF | 0x1fff)) != 0).count();
        assertEquals(outerFragments, fragments > 0, "ESP fragments outside: " + fragments);
        assertTrue(esp.stream().allMatch(f -> f[1] <= 1500));
    }

    /**
     * {@code df: inherit} copies the passenger's DF outside but learns nothing (no path-MTU
     * discovery): the provider's fragmentation-needed is counted at hq and ignored, and large DF
     * probes stay lost; without DF they are fragmented outside and arrive.
     */
    @ParameterizedTest(name = "probe df {0}")
    @ValueSource(booleans = {true, false})
    void dfInheritCopiesDfWithoutLearning(boolean df, @TempDir Path dir) throws Exception {
        String topo = Files.readString(ExampleCaptureInteropTest.root().resolve("topologies/mtu-blackhole-default.yaml"))
                .replace("destination: 198.51.100.2, keepalive: {period: 10s, retries: 3}",
                        "destination: 198.51.100.2, keepalive: {period: 10s, retries: 3}, df: inherit");
        Files.writeString(dir.resolve("topo.yaml"), topo);
        Files.writeString(dir.resolve("s.yaml"), "name: inherit\ntopology: topo.yaml\nduration: 10s\nprobes:\n"
                + "  - {name: big, from: hq-pc, to: br-pc, interval: 500ms, size: 1400, df: " + df + "}\n");
        ScenarioSpec s = ScenarioLoader.load(dir.resolve("s.yaml"));
        RunResult r = ScenarioRunner.run(s, s.variants().get(0), RunOptions.DEFAULT);
        TunnelInterface t = (TunnelInterface) TwoSiteFixture.node(r, "hq").interfaceNamed("tunnel0");
        assertEquals(1476, t.mtu());
        long sent = TwoSiteFixture.sent(r, "big");
        if (df) {
            assertEquals(sent, TwoSiteFixture.lost(r, "big"));
            assertEquals(sent, TwoSiteFixture.drops(r, "hq", "tunnel-pmtu-ignored"));
            assertEquals(sent, TwoSiteFixture.drops(r, "isp", io.tunnelsim.node.Node.DROP_FRAG_NEEDED));
        } else {
            assertEquals(0, TwoSiteFixture.lost(r, "big"));
            assertEquals(0, TwoSiteFixture.drops(r, "isp", io.tunnelsim.node.Node.DROP_FRAG_NEEDED));
        }
    }

    /** Keys that mean nothing together are refused with their position. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{name: p, from: hq-pc, to: br-pc, pmtud: true}|s.yaml:5:46:|needs DF set",
        "{name: p, from: hq-pc, to: br-pc, size: 1400, size-sweep: {min: 1300, max: 1500}}|s.yaml:5:45:|either 'size' or 'size-sweep'",
        "{name: p, from: hq-pc, to: br-pc, size-sweep: {min: 1500, max: 1300}}|s.yaml:5:68:|below its min",
        "{name: p, from: hq-pc, to: '2001:db8::1', df: true}|s.yaml:5:51:|IPv6 has no DF bit"})
    void meaninglessProbeKeysAreRefused(String probe, String where, String text, @TempDir Path dir) throws Exception {
        ScenarioException e = assertThrows(ScenarioException.class, () -> TwoSiteFixture.load(dir,
                TwoSiteFixture.topology("tunnel: {source: eth0, destination: 198.51.100.2}",
                        "tunnel: {source: eth0, destination: 203.0.113.2}", ""), "duration: 10s\nprobes:\n  - " + probe + "\n"));
        assertTrue(e.getMessage().contains(where) && e.getMessage().contains(text), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "tunnel: {source: eth0, destination: 198.51.100.2, df: clear, path-mtu-discovery: true}|topo.yaml:10:95:|remove 'df: clear'",
        "tunnel: {source: eth0, destination: 198.51.100.2, df: copy}|topo.yaml:10:95:|unknown df 'copy'",
        "tunnel: {source: eth0, destination: 198.51.100.2, path-mtu-discovery: {min-mtu: 50}}|topo.yaml:10:121:|outside 92..65535",
        "tunnel: {source: eth0, destination: 198.51.100.2, keepalive-protection: maybe}|topo.yaml:10:113:|unknown keepalive-protection"})
    void meaninglessTunnelKeysAreRefused(String tunnel, String where, String text, @TempDir Path dir) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> TwoSiteFixture.load(dir,
                TwoSiteFixture.topology(tunnel, "tunnel: {source: eth0, destination: 203.0.113.2}", ""),
                "duration: 10s\n"));
        assertTrue(e.getMessage().contains(where) && e.getMessage().contains(text), e.getMessage());
    }

    static long firstDown(RunResult r, String node) {
        for (EventLog.Entry e : r.events()) {
            if (e.node().equals(node) && e.facility().equals("LINEPROTO-5-UPDOWN") && e.message().contains("down")) {
                return e.time();
            }
        }
        return -1;
    }

    /**
     * keepalive-protection: with {@code unsupported} (Cisco doc 64565) the replies are refused and
     * the protected tunnel goes down between 3 and 4 periods after the start (first keepalive at a
     * random point of the first 2 s period, down at the tick that finds 3 unanswered); with
     * {@code supported} (the default, doc 118370) it stays up.
     */
    @ParameterizedTest
    @ValueSource(strings = {"supported", "unsupported"})
    void keepalivesUnderProtection(String setting, @TempDir Path dir) throws Exception {
        String ka = ", keepalive: {period: 2s, retries: 3}, keepalive-protection: " + setting;
        ScenarioSpec s = TwoSiteFixture.load(dir, TwoSiteFixture.topology(
                "tunnel: {source: eth0, destination: 198.51.100.2" + ka + "}, protection: site",
                "tunnel: {source: eth0, destination: 203.0.113.2" + ka + "}, protection: site",
                GreIpsecDefectsTest.GCM), GreIpsecDefectsTest.PINGS);
        RunResult r = TwoSiteFixture.run(s);
        long down = firstDown(r, "hq");
        if (setting.equals("supported")) {
            assertEquals(-1, down);
            assertEquals(0, TwoSiteFixture.drops(r, "hq", "gre-keepalive-under-protection"));
            assertTrue(TwoSiteFixture.lost(r, "hq-br") <= 1);
        } else {
            assertTrue(down > 6 * S && down <= 8 * S, "down at " + down);
            assertTrue(TwoSiteFixture.drops(r, "hq", "gre-keepalive-under-protection") >= 25);
            assertTrue(TwoSiteFixture.lost(r, "hq-br") >= TwoSiteFixture.sent(r, "hq-br") - 80);
        }
    }

    static final String CBC_MANUAL = "  site: {esp: aes-cbc-128, auth: hmac-sha256-128, keys: {spi-in: 0x1001, spi-out: 0x1002,"
            + " key-in: \"0x000102030405060708090a0b0c0d0e0f\", key-out: \"0x101112131415161718191a1b1c1d1e1f\","
            + " auth-in: \"0x" + "11".repeat(32) + "\", auth-out: \"0x" + "22".repeat(32) + "\"}}\n";

    /**
     * Manual CBC keys, br crashes at 20 s and comes back at 25 s: br reloads its SAs and numbers
     * from 1 again; hq, which saw nothing, keeps counting where it was and keeps its replay
     * window, so br's renumbered packets are replays to hq until br's counter passes hq's edge.
     */
    @Test
    void manualKeysKeepTheSurvivingPeersCounterOverTheOthersReboot(@TempDir Path dir) throws Exception {
        ScenarioSpec s = TwoSiteFixture.load(dir, TwoSiteFixture.topology(
                "tunnel: {source: eth0, destination: 198.51.100.2}, protection: site",
                "tunnel: {source: eth0, destination: 203.0.113.2}, protection: site", CBC_MANUAL), """
                duration: 60s
                seed: 5
                probes:
                  - {name: hq-br, from: hq-pc, to: br-pc, interval: 100ms}
                timeline:
                  - {at: 20s, action: node-crash, node: br}
                  - {at: 25s, action: node-restore, node: br}
                """);
        Path pcap = dir.resolve("pcap");
        RunResult r = ScenarioRunner.run(s, s.variants().get(0), RunOptions.DEFAULT.withCapture(pcap));
        long hqBefore = 0;
        long brBefore = 0;
        List<Long> hqAfter = new ArrayList<>();
        List<Long> brAfter = new ArrayList<>();
        for (PcapReader.Record rec : PcapReader.readAll(pcap.resolve("isp-br.pcap"))) {
            byte[] f = rec.data();
            if (f.length < 42 || Bytes.u16(f, 12) != 0x0800 || Ipv4Codec.protocol(f, 14) != 50) {
                continue;
            }
            long seq = Bytes.u32(f, 14 + 20 + 4);
            boolean fromHq = Ipv4Codec.source(f, 14) == 0xCB007102;
            if (rec.timeNs() < 20 * S) {
                if (fromHq) {
                    hqBefore = seq;
                } else {
                    brBefore = seq;
                }
            } else if (rec.timeNs() > 25 * S) {
                (fromHq ? hqAfter : brAfter).add(seq);
            }
        }
        assertTrue(hqBefore > 150 && brBefore > 150, hqBefore + " " + brBefore);
        assertFalse(hqAfter.isEmpty() || brAfter.isEmpty());
        assertTrue(hqAfter.get(0) > hqBefore, "hq counts on: " + hqBefore + " then " + hqAfter.get(0));
        assertEquals(1L, brAfter.get(0), "br starts again at 1");
        // every br packet numbered up to hq's right edge is a replay at hq (RFC 4303 §3.4.3)
        assertEquals(brBefore, TwoSiteFixture.drops(r, "hq", "esp-replay"));
        assertEquals(0, TwoSiteFixture.drops(r, "br", "esp-replay"), "br's window is new");
    }
    /**
     * RFC 1191 across the tunnel: br's LAN carries 1300 bytes, so br refuses a 1400-byte DF probe
     * and its fragmentation-needed (next-hop MTU 1300) travels back through the tunnel to hq-pc,
     * whose later probes are 1300 bytes and arrive. tshark reads the error inside GRE.
     */
    @Test
    void fragmentationNeededTravelsBackThroughTheTunnel(@TempDir Path dir) throws Exception {
        String topo = Files.readString(ExampleCaptureInteropTest.root().resolve("topologies/mtu-blackhole-default.yaml"))
                .replace("{name: lan-br, endpoints: [\"br:lan0\", \"br-pc:eth0\"], delay: 100us}",
                        "{name: lan-br, endpoints: [\"br:lan0\", \"br-pc:eth0\"], delay: 100us, mtu: 1300}");
        Files.writeString(dir.resolve("topo.yaml"), topo);
        Files.writeString(dir.resolve("s.yaml"), "name: back\ntopology: topo.yaml\nduration: 10s\nprobes:\n"
                + "  - {name: big, from: hq-pc, to: br-pc, interval: 500ms, size: 1400, df: true, pmtud: true}\n");
        ScenarioSpec s = ScenarioLoader.load(dir.resolve("s.yaml"));
        Path pcap = dir.resolve("pcap");
        RunResult r = ScenarioRunner.run(s, s.variants().get(0), RunOptions.DEFAULT.withCapture(pcap));
        ProbeFlow f = r.probes().get(0);
        assertEquals(1300, f.pathMtu());
        assertEquals(1, TwoSiteFixture.lost(r, "big"));
        assertEquals(1, TwoSiteFixture.drops(r, "br", io.tunnelsim.node.Node.DROP_FRAG_NEEDED));
        if (io.tunnelsim.testutil.Tshark.installed()) {
            List<String> inGre = ExampleCaptureInteropTest.tshark(pcap.resolve("hq-isp.pcap"),
                    "gre && icmp.type == 3 && icmp.code == 4", "icmp.mtu", "ip.src");
            assertEquals(List.of("1300\t198.51.100.2,172.16.0.2,10.1.0.10"), inGre,
                    "outer header from br, the error from the interface the probe arrived on (tunnel0), quoting hq-pc's probe");
        }
    }

    /**
     * Seeded random size sweeps through a crypto map, DF clear: every size arrives, and no packet
     * on the provider exceeds 1500; before encryption none of them is an outer fragment.
     */
    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14})
    void randomSizesCrossACryptoMapWithoutOversizedFrames(long seed, @TempDir Path dir) throws Exception {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        int min = 100 + rnd.nextInt(1300);
        int max = Math.max(min + 100, 1500) + rnd.nextInt(3000);
        // at most 150 sizes, so the 200 probes of the run reach sizes above 1438 (the largest that fits)
        int step = Math.max(1 + rnd.nextInt(97), (max - min) / 149 + 1);
        boolean before = rnd.nextBoolean();
        ScenarioSpec s = cryptoMap(dir, "copy", before ? "before-encryption" : "after-encryption",
                "{name: sweep, from: hq-pc, to: br-pc, interval: 50ms, size-sweep: {min: " + min + ", max: " + max
                        + ", step: " + step + "}}");
        Path pcap = dir.resolve("pcap");
        RunResult r = ScenarioRunner.run(s, s.variants().get(0), RunOptions.DEFAULT.withCapture(pcap));
        ProbeFlow f = r.probes().get(0);
        for (int i = 1; i < f.count() - 1; i++) {
            assertTrue(f.receivedAt(i) >= 0, "probe " + i + " of " + f.sizeOf(i) + " bytes");
        }
        List<int[]> esp = ipv4(pcap.resolve("isp-br.pcap"), 50);
        assertTrue(esp.stream().allMatch(x -> x[1] <= 1500));
        long fragments = esp.stream().filter(x -> (x[0] & (Ipv4Codec.FLAG_MF | 0x1fff)) != 0).count();
        assertEquals(before, fragments == 0, "outer fragments " + fragments + " (sizes " + min + ".." + max + ")");
    }

    /** keepalive-protection on a tunnel without protection does nothing: warned with its position. */
    @Test
    void keepaliveProtectionWithoutProtectionIsWarnedAbout(@TempDir Path dir) throws Exception {
        ScenarioSpec s = TwoSiteFixture.load(dir, TwoSiteFixture.topology(
                "tunnel: {source: eth0, destination: 198.51.100.2, keepalive-protection: unsupported}",
                "tunnel: {source: eth0, destination: 203.0.113.2}", ""), "duration: 10s\n");
        String w = GreIpsecDefectsTest.warnings(s);
        assertTrue(w.contains("topo.yaml:10:113:") && w.contains("'keepalive-protection' has no effect"), w);
    }

    /**
     * path-mtu-discovery under protection (AES-GCM-128 transport): the provider's error quotes the
     * ESP packet, and the tunnel MTU follows the ESP arithmetic for 1400: 1380 − 8 − 8 − 16 = 1348
     * (a multiple of 4) − 2 trailer − 4 GRE = 1342. A PMTUD sender then crosses at 1342.
     */
    @Test
    void protectedTunnelLearnsItsMtuThroughTheEspArithmetic(@TempDir Path dir) throws Exception {
        String topo = Files.readString(ExampleCaptureInteropTest.root().resolve("topologies/mtu-blackhole-pmtud.yaml"))
                .replace("path-mtu-discovery: true}", "path-mtu-discovery: true}\n        protection: site")
                + "ipsec:\n  site: {esp: aes-gcm-128, mode: transport}\n";
        Files.writeString(dir.resolve("topo.yaml"), topo);
        Files.writeString(dir.resolve("s.yaml"), "name: esp-pmtu\ntopology: topo.yaml\nduration: 10s\nprobes:\n"
                + "  - {name: big, from: hq-pc, to: br-pc, interval: 500ms, size: 1400, df: true, pmtud: true}\n");
        ScenarioSpec s = ScenarioLoader.load(dir.resolve("s.yaml"));
        RunResult r = ScenarioRunner.run(s, s.variants().get(0), RunOptions.DEFAULT);
        TunnelInterface t = (TunnelInterface) TwoSiteFixture.node(r, "hq").interfaceNamed("tunnel0");
        assertEquals(1400, t.learnedPathMtu());
        assertEquals(1342, t.mtu());
        ProbeFlow f = r.probes().get(0);
        assertEquals(1342, f.pathMtu());
        assertEquals(2, TwoSiteFixture.lost(r, "big"));
        assertEquals(1342, f.sizeOf(f.count() - 1));
    }
}
