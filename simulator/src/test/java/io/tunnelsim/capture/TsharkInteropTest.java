package io.tunnelsim.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.addr.Ipv6Address;
import io.tunnelsim.addr.MacAddress;
import io.tunnelsim.testutil.Tshark;
import io.tunnelsim.wire.GreCodec;
import io.tunnelsim.wire.GreHeader;
import io.tunnelsim.wire.Icmpv6Codec;
import io.tunnelsim.wire.Icmpv6Header;
import io.tunnelsim.wire.Icmpv6NdpCodec;
import io.tunnelsim.wire.Icmpv6NeighborAdvertisement;
import io.tunnelsim.wire.Icmpv6NeighborSolicitation;
import io.tunnelsim.wire.Ipv6Codec;
import io.tunnelsim.wire.Ipv6Header;
import io.tunnelsim.wire.Lsa;
import io.tunnelsim.wire.LsaHeader;
import io.tunnelsim.wire.LsaKey;
import io.tunnelsim.wire.OspfAsExternalLsa;
import io.tunnelsim.wire.OspfCodec;
import io.tunnelsim.wire.OspfDatabaseDescription;
import io.tunnelsim.wire.OspfHello;
import io.tunnelsim.wire.OspfLinkStateAck;
import io.tunnelsim.wire.OspfLinkStateRequest;
import io.tunnelsim.wire.OspfLinkStateUpdate;
import io.tunnelsim.wire.OspfNetworkLsa;
import io.tunnelsim.wire.OspfPacket;
import io.tunnelsim.wire.OspfRouterLsa;
import io.tunnelsim.wire.OspfSummaryLsa;
import io.tunnelsim.wire.PacketBuffer;
import io.tunnelsim.wire.RipCodec;
import io.tunnelsim.wire.RipEntry;
import io.tunnelsim.wire.RipPacket;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes a capture of every header this package encodes and has Wireshark's dissectors read it
 * back: no malformed packet, every checksum tshark can verify is good, and the dissected fields
 * are the ones written. Skipped when tshark is not installed.
 *
 * <p>tshark 4.0 verifies the OSPF packet checksum (shown as "[correct]") but not LSA Fletcher
 * checksums; for those the test compares the values tshark dissects with the ones encoded and
 * re-checks the encoded LSAs with a plain textbook Fletcher sum.
 */
class TsharkInteropTest {
    private static final MacAddress MAC_A = MacAddress.parse("02:00:00:00:00:0a");
    private static final MacAddress MAC_B = MacAddress.parse("02:00:00:00:00:0b");
    private static final Ipv4Address TUN_SRC = Ipv4Address.parse("203.0.113.2");
    private static final Ipv4Address TUN_DST = Ipv4Address.parse("198.51.100.2");
    private static final Ipv6Address V6_A = Ipv6Address.parse("2001:db8:1::1");
    private static final Ipv6Address V6_B = Ipv6Address.parse("2001:db8:2::1");
    private static final Ipv4Address RID1 = Ipv4Address.parse("1.1.1.1");
    private static final Ipv4Address RID2 = Ipv4Address.parse("2.2.2.2");
    private static final Ipv4Address AREA0 = Ipv4Address.ANY;
    private static final List<String> OPTIONS = List.of("ip.check_checksum:TRUE", "udp.check_checksum:TRUE");

    @TempDir
    static Path dir;
    private static Path capture;
    private static final List<Lsa> LSAS = new ArrayList<>();

    @BeforeAll
    static void writeCapture() throws IOException {
        if (!Tshark.installed()) {
            return; // each test reports the skip itself
        }
        capture = dir.resolve("wire.pcap");
        try (PcapWriter w = PcapWriter.create(capture)) {
            long t = 1_000_000_000L;
            // 1-3: GRE (plain; key+sequence; checksum+key+sequence) carrying IPv6 + ICMPv6 echo
            w.write(t++, greFrame(GreHeader.of(GreHeader.IPV6), echo(true)).toByteArray());
            w.write(t++, greFrame(GreHeader.of(GreHeader.IPV6).withKey(1001).withSequence(5), echo(false))
                    .toByteArray());
            w.write(t++, greFrame(GreHeader.of(GreHeader.IPV6).withChecksum().withKey(1001).withSequence(6),
                    echo(true)).toByteArray());
            // 4: GRE with checksum only, carrying an IPv4 OSPF hello
            PacketBuffer innerHello = ospf(helloPacket());
            ipv4(innerHello, 89, 1, Ipv4Address.parse("10.255.0.1"), OspfCodec.ALL_SPF_ROUTERS);
            PacketBuffer greHello = innerHello;
            GreCodec.push(greHello, GreHeader.of(GreHeader.IPV4).withChecksum());
            ipv4(greHello, GreCodec.IP_PROTOCOL, 255, TUN_SRC, TUN_DST);
            ethernet(greHello, MAC_B, MAC_A, 0x0800);
            w.write(t++, greHello.toByteArray());
            // 5-6: RIPv2 response and whole-table request to 224.0.0.9
            w.write(t++, ripFrame(RipPacket.response(List.of(RipEntry.route(Ipv4Prefix.parse("10.1.0.0/16"), 1),
                    new RipEntry(2, 77, Ipv4Address.parse("192.168.4.0"), Ipv4Address.parse("255.255.255.0"),
                            Ipv4Address.parse("10.0.12.9"), 16)))).toByteArray());
            w.write(t++, ripFrame(RipPacket.wholeTableRequest()).toByteArray());
            // 7-11: OSPF hello, DBD, LSR, LSU, LSAck on a LAN
            LSAS.add(Lsa.originate(1, 0x02, RID1, RID1, LsaHeader.INITIAL_SEQUENCE_NUMBER, new OspfRouterLsa(false,
                    true, true, List.of(new OspfRouterLsa.Link(Ipv4Address.parse("10.0.12.2"),
                            Ipv4Address.parse("10.0.12.1"), OspfRouterLsa.TRANSIT, 10),
                            new OspfRouterLsa.Link(RID2, Ipv4Address.parse("172.16.0.1"),
                                    OspfRouterLsa.POINT_TO_POINT, 1000),
                            new OspfRouterLsa.Link(Ipv4Address.parse("172.16.0.0"),
                                    Ipv4Address.parse("255.255.255.252"), OspfRouterLsa.STUB, 1000)))));
            LSAS.add(Lsa.originate(1, 0x02, Ipv4Address.parse("10.0.12.2"), RID2, 0x80000003,
                    new OspfNetworkLsa(Ipv4Address.parse("255.255.255.0"), List.of(RID2, RID1))));
            LSAS.add(Lsa.originate(5, 0x22, Ipv4Address.parse("10.9.0.0"), RID1, 0x80000002,
                    new OspfSummaryLsa(false, Ipv4Address.parse("255.255.0.0"), 30)));
            LSAS.add(Lsa.originate(7, 0x20, Ipv4Address.parse("0.0.0.0"), RID1, 0x80000001,
                    new OspfAsExternalLsa(Ipv4Address.ANY, true, 1, Ipv4Address.ANY, 42)));
            w.write(t++, ospfFrame(helloPacket(), OspfCodec.ALL_SPF_ROUTERS).toByteArray());
            w.write(t++, ospfFrame(OspfPacket.of(RID1, AREA0, new OspfDatabaseDescription(1500, 0x02, false, true,
                    true, 0x1234, LSAS.stream().map(Lsa::header).toList())), Ipv4Address.parse("10.0.12.2"))
                    .toByteArray());
            w.write(t++, ospfFrame(OspfPacket.of(RID2, AREA0, new OspfLinkStateRequest(List.of(
                    LSAS.get(0).key(), new LsaKey(3, Ipv4Address.parse("10.9.0.0"), RID1)))),
                    Ipv4Address.parse("10.0.12.1")).toByteArray());
            w.write(t++, ospfFrame(OspfPacket.withPassword(RID1, AREA0, "tunnel", new OspfLinkStateUpdate(LSAS)),
                    OspfCodec.ALL_D_ROUTERS).toByteArray());
            w.write(t++, ospfFrame(OspfPacket.of(RID2, AREA0, new OspfLinkStateAck(
                    LSAS.stream().map(Lsa::header).toList())), OspfCodec.ALL_SPF_ROUTERS).toByteArray());
            // 12-13: neighbor solicitation and advertisement directly on Ethernet
            Ipv6Address ll = Ipv6Address.parse("fe80::a");
            PacketBuffer ns = Icmpv6NdpCodec.toBuffer(new Icmpv6NeighborSolicitation(V6_B, Optional.of(MAC_A)), ll,
                    V6_B.solicitedNode());
            Ipv6Codec.push(ns, Ipv6Header.of(0, 58, 255, ll, V6_B.solicitedNode()));
            ethernet(ns, MacAddress.ipv6Multicast(V6_B.solicitedNode()), MAC_A, Ipv6Codec.ETHERTYPE);
            w.write(t++, ns.toByteArray());
            PacketBuffer na = Icmpv6NdpCodec.toBuffer(new Icmpv6NeighborAdvertisement(true, true, true, V6_B,
                    Optional.of(MAC_B)), V6_B, ll);
            Ipv6Codec.push(na, Ipv6Header.of(0, 58, 255, V6_B, ll));
            ethernet(na, MAC_A, MAC_B, Ipv6Codec.ETHERTYPE);
            w.write(t, na.toByteArray());
        }
    }

    @BeforeEach
    void needsTshark() {
        Tshark.assumeInstalled();
    }

    @Test
    void nothingMalformedAndNoBadChecksum() {
        List<String[]> rows = Tshark.fields(capture, OPTIONS, "frame.number", "_ws.malformed", "_ws.expert.message",
                "ip.checksum.status", "udp.checksum.status", "icmpv6.checksum.status", "gre.checksum.status");
        assertEquals(13, rows.size());
        for (String[] row : rows) {
            String frame = row[0];
            assertEquals("", row[1], "frame " + frame + " malformed");
            String expert = row[2].toLowerCase();
            assertFalse(expert.contains("malformed") || expert.contains("bad") || expert.contains("incorrect"),
                    "frame " + frame + ": " + row[2]);
            for (int i = 3; i < row.length; i++) {
                for (String status : row[i].split(",")) {
                    assertTrue(status.isEmpty() || status.equals("1"),
                            "frame " + frame + " checksum status " + status + " in column " + i);
                }
            }
        }
        // ip checksum checked on every IPv4 frame (all but the two NDP frames)
        assertEquals(11, rows.stream().filter(r -> r[3].startsWith("1")).count());
    }

    @Test
    void greFieldsAndPassengers() {
        List<String[]> rows = Tshark.fields(capture, OPTIONS, "gre.flags.checksum", "gre.flags.key",
                "gre.flags.sequence_number", "gre.key", "gre.sequence_number", "gre.proto", "icmpv6.type",
                "icmpv6.echo.sequence_number", "gre.checksum.status");
        // flags print as 0/1
        assertEquals(List.of("0", "0", "0", "", "", "0x86dd", "128", "1", ""), cells(rows.get(0)));
        assertEquals(List.of("0", "1", "1", "0x000003e9", "5", "0x86dd", "129", "1", ""), cells(rows.get(1)));
        assertEquals(List.of("1", "1", "1", "0x000003e9", "6", "0x86dd", "128", "1", "1"), cells(rows.get(2)));
        assertEquals(List.of("1", "0", "0", "", "", "0x0800", "", "", "1"), cells(rows.get(3)));
    }

    @Test
    void ripFields() {
        List<String[]> rows = Tshark.fields(capture, OPTIONS, "rip.command", "rip.version", "rip.family", "rip.ip",
                "rip.netmask", "rip.next_hop", "rip.metric", "rip.route_tag", "udp.dstport", "ip.dst");
        assertEquals(List.of("2", "2", "2,2", "10.1.0.0,192.168.4.0", "255.255.0.0,255.255.255.0",
                "0.0.0.0,10.0.12.9", "1,16", "0,77", "520", "224.0.0.9"), cells(rows.get(4)));
        // whole-table request: AFI 0, metric 16
        assertEquals(List.of("1", "2", "0", "", "0.0.0.0", "0.0.0.0", "16", "0", "520", "224.0.0.9"),
                cells(rows.get(5)));
    }

    @Test
    void ospfPacketsAndChecksums() {
        List<String[]> rows = Tshark.fields(capture, OPTIONS, "ospf.msg", "ospf.srcrouter", "ospf.version",
                "ospf.lsa.chksum", "ospf.lsa.seqnum", "ospf.hello.designated_router", "ospf.db.dd_sequence");
        List<String> types = new ArrayList<>();
        for (int i : new int[] {3, 6, 7, 8, 9, 10}) {
            types.add(rows.get(i)[0]);
            assertEquals("2", rows.get(i)[2]);
        }
        assertEquals(List.of("1", "1", "2", "3", "4", "5"), types);
        assertEquals("1.1.1.1", rows.get(3)[1]);
        assertEquals("10.0.12.2", rows.get(3)[5]);
        String expected = String.join(",", LSAS.stream().map(l -> String.format("0x%04x", l.header().checksum()))
                .toList());
        assertEquals(expected, rows.get(7)[3], "DBD LSA checksums");
        assertEquals(expected, rows.get(9)[3], "LSU LSA checksums");
        assertEquals(expected, rows.get(10)[3], "LSAck LSA checksums");
        assertEquals("0x80000001,0x80000003,0x80000002,0x80000001", rows.get(9)[4]);
        assertEquals("4660", rows.get(7)[6]); // DD sequence 0x1234
        for (Lsa l : LSAS) {
            assertTrue(textbookFletcherVerifies(l.toByteArray()), l.toString());
        }

        // packet checksums: tshark prints "[correct]" for each OSPF (and GRE) checksum it verified
        String verbose = Tshark.run("-n", "-r", capture.toString(), "-V", "-Y", "ospf");
        Matcher m = Pattern.compile("Checksum: 0x[0-9a-f]{4} \\[(correct|incorrect[^\\]]*)\\]").matcher(verbose);
        List<String> verdicts = new ArrayList<>();
        while (m.find()) {
            verdicts.add(m.group(1));
        }
        // six OSPF packets, plus the GRE checksum of the tunnelled hello (frame 4)
        assertEquals(List.of("correct", "correct", "correct", "correct", "correct", "correct", "correct"), verdicts);
        assertTrue(verbose.contains("Auth Type: Simple password") || verbose.contains("Simple password"));
    }

    @Test
    void ndpFields() {
        List<String[]> rows = Tshark.fields(capture, OPTIONS, "icmpv6.type", "icmpv6.nd.ns.target_address",
                "icmpv6.nd.na.target_address", "icmpv6.opt.linkaddr", "icmpv6.nd.na.flag.s", "ipv6.hlim");
        assertEquals(List.of("135", "2001:db8:2::1", "", "02:00:00:00:00:0a", "", "255"), cells(rows.get(11)));
        assertEquals(List.of("136", "", "2001:db8:2::1", "02:00:00:00:00:0b", "1", "255"), cells(rows.get(12)));
    }

    // ---- frame building (IPv4, UDP and Ethernet written here: those codecs live elsewhere) ----

    private static PacketBuffer echo(boolean request) {
        byte[] data = "tunnelsim echo payload".getBytes(StandardCharsets.US_ASCII);
        Icmpv6Header h = request ? Icmpv6Header.echoRequest(0x77, 1) : Icmpv6Header.echoReply(0x77, 1);
        PacketBuffer pb = request ? Icmpv6Codec.echo(h, data, 0, data.length, V6_A, V6_B)
                : Icmpv6Codec.echo(h, data, 0, data.length, V6_B, V6_A);
        Ipv6Codec.push(pb, request ? Ipv6Header.of(0, 58, 64, V6_A, V6_B) : Ipv6Header.of(0, 58, 64, V6_B, V6_A));
        return pb;
    }

    private static PacketBuffer greFrame(GreHeader h, PacketBuffer passenger) {
        GreCodec.push(passenger, h);
        ipv4(passenger, GreCodec.IP_PROTOCOL, 255, TUN_SRC, TUN_DST);
        ethernet(passenger, MAC_B, MAC_A, 0x0800);
        return passenger;
    }

    private static OspfPacket helloPacket() {
        return OspfPacket.of(RID1, AREA0, new OspfHello(Ipv4Address.parse("255.255.255.0"), 10, OspfCodec.OPTION_E,
                1, 40, Ipv4Address.parse("10.0.12.2"), Ipv4Address.parse("10.0.12.1"), List.of(RID2)));
    }

    private static PacketBuffer ospf(OspfPacket p) {
        return OspfCodec.toBuffer(p);
    }

    private static PacketBuffer ospfFrame(OspfPacket p, Ipv4Address dst) {
        PacketBuffer pb = OspfCodec.toBuffer(p);
        ipv4(pb, OspfCodec.IP_PROTOCOL, 1, Ipv4Address.parse("10.0.12.1"), dst);
        ethernet(pb, dst.isMulticast() ? MacAddress.ipv4Multicast(dst) : MAC_B, MAC_A, 0x0800);
        return pb;
    }

    private static PacketBuffer ripFrame(RipPacket p) {
        PacketBuffer pb = RipCodec.toBuffer(p);
        Ipv4Address src = Ipv4Address.parse("10.0.12.1");
        Ipv4Address dst = RipCodec.RIP2_ROUTERS;
        int len = pb.length() + 8;
        int at = pb.push(8);
        byte[] b = pb.array();
        put16(b, at, 520);
        put16(b, at + 2, 520);
        put16(b, at + 4, len);
        long sum = (src.bits() >>> 16) + (src.bits() & 0xffff) + (dst.bits() >>> 16) + (dst.bits() & 0xffff) + 17
                + len + sum16(b, at, len);
        int c = fold(sum);
        put16(b, at + 6, c == 0 ? 0xffff : c);
        ipv4(pb, 17, 1, src, dst);
        ethernet(pb, MacAddress.ipv4Multicast(dst), MAC_A, 0x0800);
        return pb;
    }

    private static void ipv4(PacketBuffer pb, int protocol, int ttl, Ipv4Address src, Ipv4Address dst) {
        int total = pb.length() + 20;
        int at = pb.push(20);
        byte[] b = pb.array();
        b[at] = 0x45;
        b[at + 1] = (byte) (protocol == 89 ? 0xc0 : 0); // OSPF and RIP are sent with precedence 6
        put16(b, at + 2, total);
        put16(b, at + 4, 0x1234);
        put16(b, at + 6, 0);
        b[at + 8] = (byte) ttl;
        b[at + 9] = (byte) protocol;
        put16(b, at + 10, 0);
        src.write(b, at + 12);
        dst.write(b, at + 16);
        put16(b, at + 10, fold(sum16(b, at, 20)));
    }

    private static void ethernet(PacketBuffer pb, MacAddress dst, MacAddress src, int etherType) {
        int at = pb.push(14);
        byte[] b = pb.array();
        dst.write(b, at);
        src.write(b, at + 6);
        put16(b, at + 12, etherType);
    }

    private static long sum16(byte[] b, int off, int len) {
        long s = 0;
        for (int i = 0; i < len; i += 2) {
            s += ((b[off + i] & 0xff) << 8) | (i + 1 < len ? b[off + i + 1] & 0xff : 0);
        }
        return s;
    }

    /** Folds to 16 bits and complements. */
    private static int fold(long s) {
        while ((s >>> 16) != 0) {
            s = (s & 0xffff) + (s >>> 16);
        }
        return (int) (~s & 0xffff);
    }

    private static void put16(byte[] b, int p, int v) {
        b[p] = (byte) (v >>> 8);
        b[p + 1] = (byte) v;
    }

    /** ISO 8473 check as literally described: both running sums over the LSA minus its age are 0 mod 255. */
    private static boolean textbookFletcherVerifies(byte[] lsa) {
        int c0 = 0;
        int c1 = 0;
        for (int i = 2; i < lsa.length; i++) {
            c0 = (c0 + (lsa[i] & 0xff)) % 255;
            c1 = (c1 + c0) % 255;
        }
        return c0 == 0 && c1 == 0;
    }

    private static List<String> cells(String[] row) {
        return List.of(row);
    }
}
