package io.tunnelsim.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.addr.Ipv6Address;
import io.tunnelsim.addr.MacAddress;
import io.tunnelsim.testutil.HexVectors;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class Icmpv6CodecTest {
    private static final int IP = 14;
    private static final int ICMP = 14 + 40;
    private static final Ipv6Address A = Ipv6Address.parse("2001:db8::1");
    private static final Ipv6Address B = Ipv6Address.parse("2001:db8:0:1::2");

    @Test
    void capturedNeighborAdvertisement() throws Exception {
        byte[] f = HexVectors.resource("/wire/icmpv6-na.hex");
        Ipv6Header ip = Ipv6Codec.decode(f, IP, f.length - IP);
        assertEquals(new Ipv6Header(0, 0, 24, 58, 255, Ipv6Address.parse("2620:0:1005:0:26be:5ff:fe27:b17"),
                Ipv6Address.parse("fe80::21f:caff:feb3:7640")), ip);
        Icmpv6Header h = Icmpv6Codec.decode(f, ICMP, 24, ip.source(), ip.destination());
        assertEquals(Icmpv6Header.NEIGHBOR_ADVERTISEMENT, h.type());
        Icmpv6NeighborAdvertisement na = Icmpv6NdpCodec.decodeAdvertisement(f, ICMP, 24, ip.source(),
                ip.destination());
        assertEquals(new Icmpv6NeighborAdvertisement(false, true, false,
                Ipv6Address.parse("2620:0:1005:0:26be:5ff:fe27:b17"), Optional.empty()), na);

        // re-encoding gives the captured bytes, checksum 0x1ed6 included
        byte[] out = new byte[24];
        assertEquals(24, Icmpv6NdpCodec.encode(na, out, 0, ip.source(), ip.destination()));
        assertArrayEquals(Arrays.copyOfRange(f, ICMP, ICMP + 24), out);
        byte[] hdr = new byte[40];
        Ipv6Codec.encode(ip, hdr, 0);
        assertArrayEquals(Arrays.copyOfRange(f, IP, IP + 40), hdr);
    }

    @Test
    void capturedNeighborSolicitationForDad() throws Exception {
        byte[] f = HexVectors.resource("/wire/icmpv6-ns.hex");
        Ipv6Header ip = Ipv6Codec.decode(f, IP, f.length - IP);
        assertEquals(Ipv6Address.UNSPECIFIED, ip.source());
        Ipv6Address target = Ipv6Address.parse("fe80::20c:29ff:fe0e:4c67");
        assertEquals(target.solicitedNode(), ip.destination());
        Icmpv6NeighborSolicitation ns = Icmpv6NdpCodec.decodeSolicitation(f, ICMP, 24, ip.source(),
                ip.destination());
        assertEquals(new Icmpv6NeighborSolicitation(target, Optional.empty()), ns);
        PacketBuffer pb = Icmpv6NdpCodec.toBuffer(ns, ip.source(), ip.destination());
        assertArrayEquals(Arrays.copyOfRange(f, ICMP, ICMP + 24), pb.toByteArray());
        assertEquals(0xb930, Icmpv6Codec.checksum(pb.array(), pb.offset()));
    }

    @Test
    void ndpWithLinkLayerOptionsRoundTrip() throws Exception {
        MacAddress mac = MacAddress.parse("02:00:00:00:01:02");
        Icmpv6NeighborSolicitation ns = new Icmpv6NeighborSolicitation(B, Optional.of(mac));
        PacketBuffer pb = Icmpv6NdpCodec.toBuffer(ns, A, B.solicitedNode());
        byte[] b = pb.toByteArray();
        assertEquals(32, b.length);
        assertEquals("0101020000000102", HexVectors.format(b, 24, 8));
        assertEquals(ns, Icmpv6NdpCodec.decodeSolicitation(b, 0, 32, A, B.solicitedNode()));

        Icmpv6NeighborAdvertisement na = new Icmpv6NeighborAdvertisement(true, true, true, B, Optional.of(mac));
        PacketBuffer pa = Icmpv6NdpCodec.toBuffer(na, B, A);
        byte[] c = pa.toByteArray();
        assertEquals(0xe0, c[4] & 0xff);
        assertEquals("0201020000000102", HexVectors.format(c, 24, 8));
        assertEquals(na, Icmpv6NdpCodec.decodeAdvertisement(c, 0, 32, B, A));
    }

    @Test
    void unknownNdpOptionsAreSkipped() throws Exception {
        MacAddress mac = MacAddress.parse("02:00:00:00:01:02");
        byte[] b = new byte[24 + 16 + 8];
        new Ipv6Address(0x2001_0db8_0000_0000L, 5).write(b, 8);
        b[24] = 14; // nonce option (RFC 3971), 16 bytes
        b[25] = 2;
        b[40] = 1;
        b[41] = 1;
        mac.write(b, 42);
        Icmpv6Codec.encode(new Icmpv6Header(135, 0, 0), b, 0, b.length, A, B);
        assertEquals(Optional.of(mac), Icmpv6NdpCodec.decodeSolicitation(b, 0, b.length, A, B).sourceLinkLayer());
    }

    @Test
    void ndpMalformed() {
        MacAddress mac = MacAddress.parse("02:00:00:00:01:02");
        Ipv6Address mc = B.solicitedNode();
        // option of length zero
        byte[] zero = new byte[32];
        B.write(zero, 8);
        zero[24] = 1;
        Icmpv6Codec.encode(new Icmpv6Header(135, 0, 0), zero, 0, 32, A, mc);
        assertNdp("ndp-bad-option", () -> Icmpv6NdpCodec.decodeSolicitation(zero, 0, 32, A, mc));
        // option overrunning the message
        byte[] over = new byte[32];
        B.write(over, 8);
        over[24] = 1;
        over[25] = 2;
        Icmpv6Codec.encode(new Icmpv6Header(135, 0, 0), over, 0, 32, A, mc);
        assertNdp("ndp-bad-option", () -> Icmpv6NdpCodec.decodeSolicitation(over, 0, 32, A, mc));
        // source link-layer option from the unspecified address
        byte[] dad = Icmpv6NdpCodec.toBuffer(new Icmpv6NeighborSolicitation(B, Optional.of(mac)),
                Ipv6Address.UNSPECIFIED, mc).toByteArray();
        assertNdp("ndp-bad-option", () -> Icmpv6NdpCodec.decodeSolicitation(dad, 0, dad.length,
                Ipv6Address.UNSPECIFIED, mc));
        // multicast target
        byte[] mt = new byte[24];
        mc.write(mt, 8);
        Icmpv6Codec.encode(new Icmpv6Header(135, 0, 0), mt, 0, 24, A, mc);
        assertNdp("ndp-bad-target", () -> Icmpv6NdpCodec.decodeSolicitation(mt, 0, 24, A, mc));
        // solicited advertisement to a multicast destination
        Ipv6Address allNodes = Ipv6Address.parse("ff02::1");
        byte[] sm = Icmpv6NdpCodec.toBuffer(new Icmpv6NeighborAdvertisement(false, true, true, B, Optional.empty()),
                B, allNodes).toByteArray();
        assertNdp("ndp-bad-flags", () -> Icmpv6NdpCodec.decodeAdvertisement(sm, 0, sm.length, B, allNodes));
        // non-zero code
        byte[] code = new byte[24];
        B.write(code, 8);
        Icmpv6Codec.encode(new Icmpv6Header(136, 1, 0), code, 0, 24, B, A);
        assertNdp("ndp-bad-code", () -> Icmpv6NdpCodec.decodeAdvertisement(code, 0, 24, B, A));
        // too short
        byte[] shortMsg = new byte[20];
        Icmpv6Codec.encode(new Icmpv6Header(136, 0, 0), shortMsg, 0, 20, B, A);
        assertNdp("ndp-truncated", () -> Icmpv6NdpCodec.decodeAdvertisement(shortMsg, 0, 20, B, A));
        // wrong type for the decoder
        assertNdp("ndp-unexpected-type", () -> Icmpv6NdpCodec.decodeAdvertisement(mt, 0, 24, A, mc));
    }

    static LongStream seeds() {
        return LongStream.range(1, 31);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void echoRoundTrip(long seed) throws Exception {
        Random r = new Random(seed);
        Ipv6Address src = new Ipv6Address(r.nextLong(), r.nextLong());
        Ipv6Address dst = new Ipv6Address(r.nextLong(), r.nextLong());
        byte[] data = new byte[r.nextInt(100)];
        r.nextBytes(data);
        Icmpv6Header h = r.nextBoolean() ? Icmpv6Header.echoRequest(r.nextInt(0x10000), r.nextInt(0x10000))
                : Icmpv6Header.echoReply(r.nextInt(0x10000), r.nextInt(0x10000));
        PacketBuffer pb = Icmpv6Codec.echo(h, data, 0, data.length, src, dst);
        assertEquals(8 + data.length, pb.length());
        assertEquals(h, Icmpv6Codec.decode(pb.array(), pb.offset(), pb.length(), src, dst));
        assertArrayEquals(data, Arrays.copyOfRange(pb.array(), pb.offset() + 8, pb.end()));

        Ipv6Header ip = new Ipv6Header(r.nextInt(256), r.nextInt(0x100000), 0, 58, r.nextInt(256), src, dst);
        int at = Ipv6Codec.push(pb, ip);
        Ipv6Header back = Ipv6Codec.decode(pb.array(), at, pb.length());
        assertEquals(ip.withPayloadLength(8 + data.length), back);
        assertEquals(58, Ipv6Codec.nextHeader(pb.array(), at));
        assertEquals(6, Ipv6Codec.version(pb.array(), at));

        // the checksum covers the pseudo-header: another source fails
        Ipv6Address other = new Ipv6Address(src.high(), src.low() ^ 1);
        MalformedPacketException e = assertThrows(MalformedPacketException.class,
                () -> Icmpv6Codec.decode(pb.array(), at + 40, 8 + data.length, other, dst));
        assertEquals("icmpv6-bad-checksum", e.reason());
    }

    @Test
    void echoRequestKnownBytes() {
        // fe80::1 > fe80::2 echo request id 0x1234 seq 1, data "abcd"; checksum worked by hand:
        // pseudo-header fe80+0001+fe80+0002+000c+003a = 0x1fd49 -> 0xfd4a; message words
        // 8000+1234+0001+6162+6364 = 0x156fb -> 0x56fc; total 0x15446 -> 0x5447; ~ = 0xabb8
        byte[] data = {'a', 'b', 'c', 'd'};
        PacketBuffer pb = Icmpv6Codec.echo(Icmpv6Header.echoRequest(0x1234, 1), data, 0, 4,
                Ipv6Address.parse("fe80::1"), Ipv6Address.parse("fe80::2"));
        assertEquals("8000abb81234000161626364", HexVectors.format(pb.toByteArray()));
    }

    @Test
    void errorsQuoteInvokingPacketWithinMinimumMtu() throws Exception {
        byte[] big = new byte[1500];
        new Random(7).nextBytes(big);
        PacketBuffer pb = Icmpv6Codec.error(Icmpv6Header.packetTooBig(1400), big, 0, big.length, A, B);
        assertEquals(1280 - 40, pb.length());
        Icmpv6Header h = Icmpv6Codec.decode(pb.array(), pb.offset(), pb.length(), A, B);
        assertEquals(2, h.type());
        assertEquals(1400, h.mtu());
        assertArrayEquals(Arrays.copyOf(big, 1232), Arrays.copyOfRange(pb.array(), pb.offset() + 8, pb.end()));

        PacketBuffer te = Icmpv6Codec.error(Icmpv6Header.timeExceeded(Icmpv6Header.HOP_LIMIT_EXCEEDED), big, 0, 60,
                A, B);
        assertEquals(new Icmpv6Header(3, 0, 0), Icmpv6Codec.decode(te.array(), te.offset(), te.length(), A, B));
        PacketBuffer du = Icmpv6Codec.error(Icmpv6Header.destinationUnreachable(Icmpv6Header.UNREACHABLE_PORT), big,
                0, 48, A, B);
        Icmpv6Header d = Icmpv6Codec.decode(du.array(), du.offset(), du.length(), A, B);
        assertEquals(1, d.type());
        assertEquals(4, d.code());
        assertTrue(d.isError());
        assertFalse(Icmpv6Header.echoReply(1, 1).isError());
        assertThrows(IllegalArgumentException.class,
                () -> Icmpv6Codec.error(Icmpv6Header.echoRequest(1, 1), big, 0, 10, A, B));
    }

    @Test
    void ipv6Malformed() {
        byte[] h = new byte[40];
        Ipv6Codec.encode(Ipv6Header.of(10, 58, 64, A, B), h, 0);
        assertIpv6("ipv6-truncated", h, 39);
        assertIpv6("ipv6-bad-length", h, 40); // payload length 10, none present
        byte[] v4 = h.clone();
        v4[0] = 0x45;
        assertIpv6("ipv6-bad-version", v4, 40);
        MalformedPacketException e = assertThrows(MalformedPacketException.class,
                () -> Icmpv6Codec.decode(new byte[7], 0, 7, A, B));
        assertEquals("icmpv6-truncated", e.reason());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void randomBytesOnlyTypedFailures(long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < 200; i++) {
            byte[] b = new byte[r.nextInt(80)];
            r.nextBytes(b);
            if (b.length >= 4 && r.nextBoolean()) {
                b[0] = (byte) (135 + r.nextInt(2));
                Icmpv6Codec.fillChecksum(b, 0, b.length, A, B);
            }
            try {
                Ipv6Codec.decode(b, 0, b.length);
            } catch (MalformedPacketException e) {
                assertTrue(e.reason().startsWith("ipv6-"));
            }
            try {
                Icmpv6NdpCodec.decodeSolicitation(b, 0, b.length, A, B);
            } catch (MalformedPacketException e) {
                assertTrue(e.reason().startsWith("ndp-") || e.reason().startsWith("icmpv6-"));
            }
            try {
                Icmpv6NdpCodec.decodeAdvertisement(b, 0, b.length, A, B);
            } catch (MalformedPacketException e) {
                assertTrue(e.reason().startsWith("ndp-") || e.reason().startsWith("icmpv6-"));
            }
        }
    }

    interface Decode {
        Object run() throws MalformedPacketException;
    }

    private static void assertNdp(String reason, Decode d) {
        MalformedPacketException e = assertThrows(MalformedPacketException.class, d::run);
        assertEquals(reason, e.reason());
    }

    private static void assertIpv6(String reason, byte[] b, int len) {
        MalformedPacketException e = assertThrows(MalformedPacketException.class, () -> Ipv6Codec.decode(b, 0, len));
        assertEquals(reason, e.reason());
    }
}
