package io.tunnelsim.tunnel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.addr.Ipv6Address;
import io.tunnelsim.addr.Ipv6Prefix;
import io.tunnelsim.capture.CaptureSet;
import io.tunnelsim.node.Node;
import io.tunnelsim.node.ProbeFlow;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.testutil.Tshark;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Captures of GRE tunnels (plain; with key, sequence numbers and checksums; with an IPv6
 * passenger) decoded by tshark with checksum validation on: no malformed packet, no bad
 * checksum, and the GRE fields as configured.
 */
class GreInteropTest {
    static final long S = SimTime.SECOND;
    static final long MS = SimTime.MILLISECOND;
    static final List<String> CHECKS = List.of("ip.check_checksum:TRUE", "udp.check_checksum:TRUE");
    static final String BAD = "_ws.malformed || _ws.expert.severity >= error || ip.checksum.status == \"Bad\""
            + " || icmp.checksum.status == \"Bad\" || icmpv6.checksum.status == \"Bad\" || gre.checksum.status == \"Bad\""
            + " || udp.checksum.status == \"Bad\"";

    private static TwoSites withIpv6(TunnelConfig hq, TunnelConfig br) {
        TwoSites t = new TwoSites(5, hq, br);
        Node hqR = t.net.node("hq");
        Node brR = t.net.node("br");
        hqR.interfaceNamed("lan0").addIpv6(Ipv6Prefix.parse("2001:db8:1::1/64"));
        t.net.node("hq-pc").interfaceNamed("eth0").addIpv6(Ipv6Prefix.parse("2001:db8:1::10/64"));
        brR.interfaceNamed("lan0").addIpv6(Ipv6Prefix.parse("2001:db8:2::1/64"));
        t.net.node("br-pc").interfaceNamed("eth0").addIpv6(Ipv6Prefix.parse("2001:db8:2::10/64"));
        t.hqTunnel.addIpv6(Ipv6Prefix.parse("2001:db8:ffff::1/64"));
        t.brTunnel.addIpv6(Ipv6Prefix.parse("2001:db8:ffff::2/64"));
        hqR.ipv6().addStaticRoute(Ipv6Prefix.parse("2001:db8:2::/64"), null, t.hqTunnel, 1);
        brR.ipv6().addStaticRoute(Ipv6Prefix.parse("2001:db8:1::/64"), null, t.brTunnel, 1);
        t.net.node("hq-pc").ipv6().addStaticRoute(Ipv6Prefix.parse("::/0"), Ipv6Address.parse("2001:db8:1::1"), 1);
        t.net.node("br-pc").ipv6().addStaticRoute(Ipv6Prefix.parse("::/0"), Ipv6Address.parse("2001:db8:2::1"), 1);
        return t;
    }

    @Test
    void ipv6PassengerCrossesAnIpv4GreTunnel() {
        TwoSites t = withIpv6(TwoSites.hqDefault(), TwoSites.brDefault());
        ProbeFlow f = ProbeFlow.icmpv6("v6", 3, t.net.node("hq-pc"), Ipv6Address.parse("2001:db8:2::10"), 100 * MS, 100, 0, S);
        t.net.node("hq-pc").addService(f);
        t.net.runUntil(2 * S);
        assertEquals(10, f.count());
        for (int i = 1; i < f.count(); i++) {
            assertTrue(f.receivedAt(i) > 0, "ICMPv6 echo " + i);
        }
        assertEquals(0, t.net.node("br-pc").counters().totalDrops());
    }

    @Test
    void tsharkDecodesPlainKeyedSequencedAndIpv6GreWithoutErrors(@TempDir Path dir) throws Exception {
        Tshark.assumeInstalled();
        for (int variant = 0; variant < 2; variant++) {
            TunnelConfig hq = TwoSites.hqDefault().withKeepalive(S, 3);
            TunnelConfig br = TwoSites.brDefault();
            if (variant == 1) {
                hq = hq.withKey(100).withOptions(true, true);
                br = br.withKey(100).withOptions(true, true);
            }
            TwoSites t = withIpv6(hq, br);
            Path pcapDir = dir.resolve("v" + variant);
            CaptureSet capture = CaptureSet.attach(t.net, pcapDir);
            t.ping("hq-pc", "10.2.0.10", 100 * MS, 1400, S);
            ProbeFlow v6 = ProbeFlow.icmpv6("v6", 3, t.net.node("hq-pc"), Ipv6Address.parse("2001:db8:2::10"), 100 * MS, 200, 0, S);
            t.net.node("hq-pc").addService(v6);
            t.net.runUntil(3 * S);
            capture.close();
            Path provider = pcapDir.resolve("hq-isp.pcap");
            List<String[]> bad = rows(provider, BAD, "frame.number");
            assertEquals(0, bad.size(), "frames with errors in variant " + variant);
            List<String[]> gre = rows(provider, "gre && !icmp.type == 3", "gre.key", "gre.sequence_number", "gre.proto", "ipv6.dst");
            assertTrue(gre.size() > 20, "GRE frames: " + gre.size());
            long v6frames = gre.stream().filter(r -> r[3].contains("2001:db8:2::10")).count();
            assertTrue(v6frames >= 9, "IPv6 passengers: " + v6frames);
            for (String[] r : gre) {
                if (variant == 1) {
                    assertTrue(r[0].startsWith("0x00000064"), "key 100: " + r[0]);
                    // the reflected keepalive reply (protocol type 0) carries the key but no sequence number
                    boolean keepaliveReply = r[2].equals("0x0000");
                    assertEquals(keepaliveReply, r[1].isEmpty(), "sequence number on all but keepalive replies: " + String.join(" ", r));
                } else {
                    assertEquals("", r[0]);
                }
            }
            // every frame on the LAN and the provider link decodes without errors
            for (Path p : capture.files()) {
                assertEquals(0, rows(p, BAD, "frame.number").size(), p.toString());
            }
        }
    }

    /** Rows of {@code fields} for the frames matching a display filter, with checksum validation on. */
    static List<String[]> rows(Path capture, String filter, String... fields) {
        List<String> args = new java.util.ArrayList<>(List.of("-n", "-r", capture.toString()));
        for (String o : CHECKS) {
            args.add("-o");
            args.add(o);
        }
        args.addAll(List.of("-Y", filter, "-T", "fields", "-E", "separator=\t", "-E", "occurrence=a", "-E", "aggregator=,"));
        for (String f : fields) {
            args.add("-e");
            args.add(f);
        }
        List<String[]> out = new java.util.ArrayList<>();
        for (String line : Tshark.run(args.toArray(String[]::new)).split("\n")) {
            if (!line.isEmpty()) {
                out.add(line.split("\t", -1));
            }
        }
        return out;
    }
}
