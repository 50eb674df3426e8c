package io.tunnelsim.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.testutil.HexVectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class OspfCodecTest {
    private static final int OSPF = 34;
    private static final Ipv4Address AREA1 = Ipv4Address.parse("0.0.0.1");
    private static final Ipv4Address R8 = Ipv4Address.parse("192.168.170.8");
    private static final Ipv4Address R3 = Ipv4Address.parse("192.168.170.3");

    @Test
    void capturedHello() throws Exception {
        byte[] f = HexVectors.resource("/wire/ospf-hello.hex");
        OspfPacket p = OspfCodec.decode(f, OSPF, f.length - OSPF);
        assertEquals(OspfPacket.of(R8, AREA1, new OspfHello(Ipv4Address.parse("255.255.255.0"), 10, OspfCodec.OPTION_E,
                1, 40, R8, Ipv4Address.ANY, List.of())), p);
        assertReencodes(f, p);
        assertEquals(1, OspfCodec.type(f, OSPF));
        assertEquals(44, OspfCodec.packetLength(f, OSPF));
        assertEquals(R8.bits(), OspfCodec.routerIdBits(f, OSPF));
        assertEquals(1, OspfCodec.areaIdBits(f, OSPF));
    }

    @Test
    void capturedDatabaseDescription() throws Exception {
        byte[] f = HexVectors.resource("/wire/ospf-dbd.hex");
        OspfPacket p = OspfCodec.decode(f, OSPF, f.length - OSPF);
        assertEquals(OspfPacket.of(R8, AREA1, new OspfDatabaseDescription(1500, 2, true, true, true, 0x4177a97eL,
                List.of())), p);
        assertReencodes(f, p);
    }

    @Test
    void capturedLinkStateRequest() throws Exception {
        byte[] f = HexVectors.resource("/wire/ospf-lsr.hex");
        OspfPacket p = OspfCodec.decode(f, OSPF, f.length - OSPF);
        assertEquals(OspfPacket.of(R3, AREA1, new OspfLinkStateRequest(List.of(new LsaKey(1, R8, R8)))), p);
        assertReencodes(f, p);
    }

    @Test
    void capturedLinkStateUpdate() throws Exception {
        byte[] f = HexVectors.resource("/wire/ospf-lsu.hex");
        OspfPacket p = OspfCodec.decode(f, OSPF, f.length - OSPF);
        List<Lsa> lsas = ((OspfLinkStateUpdate) p.message()).lsas();
        assertEquals(7, lsas.size());
        assertEquals(LsaHeader.ROUTER, lsas.get(0).header().type());
        for (Lsa l : lsas.subList(1, 7)) {
            assertEquals(LsaHeader.AS_EXTERNAL, l.header().type());
            assertEquals(Ipv4Address.parse("192.168.170.2"), l.header().advertisingRouter());
        }
        assertEquals(new OspfAsExternalLsa(Ipv4Address.parse("255.255.255.0"), true, 20,
                Ipv4Address.parse("192.168.170.10"), 0), lsas.get(6).body());
        assertReencodes(f, p);

        // acknowledging them gives a valid LS Ack
        List<LsaHeader> headers = lsas.stream().map(Lsa::header).toList();
        OspfPacket ack = OspfPacket.of(R8, AREA1, new OspfLinkStateAck(headers));
        byte[] b = OspfCodec.toBytes(ack);
        assertEquals(24 + 7 * 20, b.length);
        assertEquals(ack, OspfCodec.decode(b, 0, b.length));
    }

    @Test
    void capturedUpdateWithZeroPacketChecksumIsRejected() {
        // this capture's OSPF header is inconsistent (checksum 0x0000 with null AuType, packet
        // length 88 for 104 bytes of packet); only its LSAs serve as vectors (see LsaTest)
        byte[] f = HexVectors.resource("/wire/ospf-lsu-vlan.hex");
        MalformedPacketException e = assertThrows(MalformedPacketException.class,
                () -> OspfCodec.decode(f, 38, f.length - 38));
        assertEquals("ospf-bad-checksum", e.reason());
    }

    @Test
    void simplePasswordIsOutsideTheChecksum() throws Exception {
        OspfHello hello = new OspfHello(Ipv4Address.parse("255.255.255.252"), 10, 2, 0, 40, Ipv4Address.ANY,
                Ipv4Address.ANY, List.of(R3));
        OspfPacket p = OspfPacket.withPassword(R8, Ipv4Address.ANY, "secret", hello);
        byte[] b = OspfCodec.toBytes(p);
        assertEquals("0001" + "7365637265740000", HexVectors.format(b, 14, 10));
        assertEquals(p, OspfCodec.decode(b, 0, b.length));
        byte[] nullAuth = OspfCodec.toBytes(OspfPacket.of(R8, Ipv4Address.ANY, hello));
        // the checksums differ only because AuType differs (the password is excluded)
        int diff = ((b[12] & 0xff) << 8 | (b[13] & 0xff)) - ((nullAuth[12] & 0xff) << 8 | (nullAuth[13] & 0xff));
        assertEquals(-1, diff);
    }

    @Test
    void cryptographicAuthIsParsedWithoutChecksum() throws Exception {
        byte[] f = HexVectors.resource("/wire/ospf-hello.hex");
        byte[] b = Arrays.copyOfRange(f, OSPF, f.length + 16); // room for a 16-byte digest after the packet
        b[12] = 0;
        b[13] = 0;
        b[15] = 2;
        b[18] = 1;  // key ID
        b[19] = 16; // digest length
        b[23] = 42; // crypto sequence number
        OspfPacket p = OspfCodec.decode(b, 0, b.length);
        assertEquals(OspfPacket.AUTH_CRYPTOGRAPHIC, p.auType());
        assertEquals(0x0000_0110_0000_002aL, p.authentication());
        assertThrows(IllegalArgumentException.class, () -> OspfCodec.toBytes(p));
    }

    static LongStream seeds() {
        return LongStream.range(1, 51);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void randomPacketsRoundTrip(long seed) throws Exception {
        Random r = new Random(seed);
        OspfPacket p = randomPacket(r);
        PacketBuffer pb = OspfCodec.toBuffer(p);
        assertEquals(OspfCodec.encodedLength(p), pb.length());
        OspfPacket back = OspfCodec.decode(pb.array(), pb.offset(), pb.length());
        assertEquals(p, back);
        // checksum: any flipped bit outside the authentication field is caught
        byte[] b = pb.toByteArray();
        int i = r.nextInt(b.length);
        if (i < 16 || i >= 24) {
            b[i] ^= (byte) (1 << r.nextInt(8));
            MalformedPacketException e = assertThrows(MalformedPacketException.class,
                    () -> OspfCodec.decode(b, 0, b.length));
            assertTrue(e.reason().startsWith("ospf-") || e.reason().startsWith("lsa-"), e.reason());
        }
    }

    static OspfPacket randomPacket(Random r) {
        OspfMessage m;
        switch (1 + r.nextInt(5)) {
            case 1: {
                List<Ipv4Address> n = new ArrayList<>();
                for (int i = r.nextInt(5); i > 0; i--) {
                    n.add(new Ipv4Address(r.nextInt()));
                }
                m = new OspfHello(new Ipv4Address(r.nextInt()), r.nextInt(0x10000), r.nextInt(256), r.nextInt(256),
                        r.nextLong() & 0xffffffffL, new Ipv4Address(r.nextInt()), new Ipv4Address(r.nextInt()), n);
                break;
            }
            case 2:
                m = new OspfDatabaseDescription(r.nextInt(0x10000), r.nextInt(256), r.nextBoolean(), r.nextBoolean(),
                        r.nextBoolean(), r.nextLong() & 0xffffffffL, randomHeaders(r));
                break;
            case 3: {
                List<LsaKey> keys = new ArrayList<>();
                for (int i = r.nextInt(5); i > 0; i--) {
                    keys.add(new LsaKey(1 + r.nextInt(5), new Ipv4Address(r.nextInt()), new Ipv4Address(r.nextInt())));
                }
                m = new OspfLinkStateRequest(keys);
                break;
            }
            case 4: {
                List<Lsa> lsas = new ArrayList<>();
                for (int i = r.nextInt(5); i > 0; i--) {
                    lsas.add(LsaTest.randomLsa(r));
                }
                m = new OspfLinkStateUpdate(lsas);
                break;
            }
            default:
                m = new OspfLinkStateAck(randomHeaders(r));
        }
        Ipv4Address rid = new Ipv4Address(r.nextInt());
        Ipv4Address area = new Ipv4Address(r.nextInt());
        return r.nextBoolean() ? OspfPacket.of(rid, area, m)
                : new OspfPacket(rid, area, OspfPacket.AUTH_SIMPLE, r.nextLong(), m);
    }

    private static List<LsaHeader> randomHeaders(Random r) {
        List<LsaHeader> list = new ArrayList<>();
        for (int i = r.nextInt(5); i > 0; i--) {
            list.add(LsaTest.randomLsa(r).header());
        }
        return list;
    }

    @Test
    void malformedHeaders() {
        byte[] good = OspfCodec.toBytes(OspfPacket.of(R8, AREA1, new OspfLinkStateRequest(List.of(new LsaKey(1, R8,
                R8)))));
        assertOspf("ospf-truncated", good, 23);
        assertOspf("ospf-truncated", good, good.length - 1);
        assertOspf("ospf-bad-version", patch(good, 0, 3), good.length);
        assertOspf("ospf-bad-type", patch(good, 1, 6), good.length);
        assertOspf("ospf-bad-type", patch(good, 1, 0), good.length);
        assertOspf("ospf-bad-autype", patch(good, 15, 3), good.length);
        assertOspf("ospf-bad-checksum", patch(good, 30, 0x7f), good.length);
        byte[] tiny = patch(good, 3, 20);
        assertOspf("ospf-bad-length", tiny, good.length);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void bodyLengthMismatchesAreRejected(int type) {
        // a body one word too short or with 4 spare bytes for its type
        int[] sizes = {12, 4, 8, 24, 4};
        byte[] b = new byte[24 + sizes[type - 1]];
        b[0] = 2;
        b[1] = (byte) type;
        b[3] = (byte) b.length;
        if (type == 4) {
            b[27] = 1; // one LSA announced, 20 bytes present but no valid LSA length
        }
        int s = InternetChecksum.sum(b, 0, 16, 0);
        int c = InternetChecksum.finish(InternetChecksum.sum(b, 24, b.length - 24, s));
        b[12] = (byte) (c >>> 8);
        b[13] = (byte) c;
        MalformedPacketException e = assertThrows(MalformedPacketException.class, () -> OspfCodec.decode(b, 0,
                b.length));
        assertTrue(e.reason().equals("ospf-bad-length") || e.reason().startsWith("lsa-"), e.reason());
    }

    @Test
    void updateCountMustMatchContents() throws Exception {
        Lsa lsa = LsaTest.randomLsa(new Random(3));
        byte[] b = OspfCodec.toBytes(OspfPacket.of(R8, AREA1, new OspfLinkStateUpdate(List.of(lsa, lsa))));
        byte[] one = b.clone();
        one[27] = 1;
        refreshChecksum(one);
        assertOspf("ospf-bad-length", one, one.length);
        byte[] three = b.clone();
        three[27] = 3;
        refreshChecksum(three);
        MalformedPacketException e = assertThrows(MalformedPacketException.class,
                () -> OspfCodec.decode(three, 0, three.length));
        assertTrue(e.reason().startsWith("lsa-") || e.reason().equals("ospf-bad-length"));
        byte[] huge = b.clone();
        huge[24] = (byte) 0xff;
        refreshChecksum(huge);
        assertOspf("ospf-bad-length", huge, huge.length);
    }

    @Test
    void requestWithImpossibleLsType() {
        byte[] b = OspfCodec.toBytes(OspfPacket.of(R8, AREA1, new OspfLinkStateRequest(List.of(new LsaKey(1, R8,
                R8)))));
        b[26] = 1;
        refreshChecksum(b);
        assertOspf("ospf-bad-ls-type", b, b.length);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void randomBytesOnlyTypedFailures(long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < 200; i++) {
            byte[] b = new byte[r.nextInt(120)];
            r.nextBytes(b);
            if (b.length >= 24) {
                b[0] = 2;
                b[1] = (byte) (1 + r.nextInt(5));
                b[2] = 0;
                b[3] = (byte) (24 + r.nextInt(b.length - 23));
                b[14] = 0;
                b[15] = (byte) r.nextInt(2);
                refreshChecksum(b);
            }
            try {
                OspfCodec.decode(b, 0, b.length);
            } catch (MalformedPacketException e) {
                assertTrue(e.reason().startsWith("ospf-") || e.reason().startsWith("lsa-"), e.reason());
            }
        }
    }

    private static void refreshChecksum(byte[] b) {
        int len = OspfCodec.packetLength(b, 0);
        b[12] = 0;
        b[13] = 0;
        int s = InternetChecksum.sum(b, 0, 16, 0);
        int c = InternetChecksum.finish(InternetChecksum.sum(b, 24, len - 24, s));
        b[12] = (byte) (c >>> 8);
        b[13] = (byte) c;
    }

    private static byte[] patch(byte[] b, int at, int value) {
        byte[] c = b.clone();
        c[at] = (byte) value;
        return c;
    }

    private static void assertReencodes(byte[] frame, OspfPacket p) {
        byte[] out = OspfCodec.toBytes(p);
        assertArrayEquals(Arrays.copyOfRange(frame, OSPF, OSPF + out.length), out);
        assertEquals(frame.length - OSPF, out.length);
    }

    private static void assertOspf(String reason, byte[] b, int len) {
        MalformedPacketException e = assertThrows(MalformedPacketException.class, () -> OspfCodec.decode(b, 0, len));
        assertEquals(reason, e.reason());
    }
}
