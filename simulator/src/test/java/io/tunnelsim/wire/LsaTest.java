package io.tunnelsim.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.testutil.HexVectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class LsaTest {
    private static final Ipv4Address R1 = Ipv4Address.parse("192.168.170.3");

    /** Offsets of the LSAs inside the captured LS Update frames. */
    private static final int LSU_FIRST_LSA = 34 + 24 + 4;
    private static final int VLAN_FIRST_LSA = 38 + 24 + 4;

    @ParameterizedTest(name = "LSA at frame offset {0}, checksum {1}")
    @CsvSource({"62, 3a9c, 48", "110, 2a49, 36", "146, 34a5, 36", "182, d319, 36", "218, 3708, 36",
        "254, 2c12, 36", "290, 3341, 36"})
    void capturedLsaChecksumsRecomputeAndVerify(int offset, String checksum, int length) {
        byte[] f = HexVectors.resource("/wire/ospf-lsu.hex");
        assertEquals(Integer.parseInt(checksum, 16), LsaChecksum.compute(f, offset, length));
        assertTrue(LsaChecksum.verify(f, offset, length));
        f[offset + length - 1] ^= 1;
        assertFalse(LsaChecksum.verify(f, offset, length));
    }

    @Test
    void capturedRouterAndNetworkLsaFromSecondCapture() throws Exception {
        byte[] f = HexVectors.resource("/wire/ospf-lsu-vlan.hex");
        Lsa router = Lsa.decode(f, VLAN_FIRST_LSA, f.length - VLAN_FIRST_LSA);
        assertEquals(0x6025, router.header().checksum());
        assertEquals(0x6025, LsaChecksum.compute(f, VLAN_FIRST_LSA, 36));
        assertEquals(new OspfRouterLsa(false, false, false, List.of(new OspfRouterLsa.Link(
                Ipv4Address.parse("172.24.27.86"), Ipv4Address.parse("172.24.27.86"), OspfRouterLsa.TRANSIT, 1))),
                router.body());
        Lsa net = Lsa.decode(f, VLAN_FIRST_LSA + 36, f.length - VLAN_FIRST_LSA - 36);
        assertEquals(new LsaHeader(1, 0x28, 2, Ipv4Address.parse("172.24.27.86"), Ipv4Address.parse("172.24.4.70"),
                0x8000041f, 0x390e, 40), net.header());
        assertEquals(new OspfNetworkLsa(Ipv4Address.parse("255.255.255.248"), List.of(
                Ipv4Address.parse("172.24.4.70"), Ipv4Address.parse("172.24.4.69"), Ipv4Address.parse("172.24.27.83"),
                Ipv4Address.parse("172.24.27.84"))), net.body());

        // originating the same content reproduces the captured bytes, checksum included
        Lsa again = Lsa.originate(1, 0x28, Ipv4Address.parse("172.24.27.86"), Ipv4Address.parse("172.24.4.70"),
                0x8000041f, net.body());
        assertEquals(net, again);
    }

    @Test
    void capturedRouterLsaDecodes() throws Exception {
        byte[] f = HexVectors.resource("/wire/ospf-lsu.hex");
        Lsa lsa = Lsa.decode(f, LSU_FIRST_LSA, 48);
        assertEquals(new LsaHeader(2, 2, 1, R1, R1, LsaHeader.INITIAL_SEQUENCE_NUMBER, 0x3a9c, 48), lsa.header());
        OspfRouterLsa.Link stub = new OspfRouterLsa.Link(Ipv4Address.parse("192.168.170.0"),
                Ipv4Address.parse("255.255.255.0"), OspfRouterLsa.STUB, 10);
        assertEquals(new OspfRouterLsa(false, true, false, List.of(stub, stub)), lsa.body());
        Lsa built = Lsa.originate(2, 2, R1, R1, LsaHeader.INITIAL_SEQUENCE_NUMBER, lsa.body());
        assertArrayEquals(lsa.toByteArray(), built.toByteArray());

        Lsa ext = Lsa.decode(f, LSU_FIRST_LSA + 48, 36);
        assertEquals(new OspfAsExternalLsa(Ipv4Address.parse("255.255.255.255"), true, 20, Ipv4Address.ANY, 0),
                ext.body());
    }

    @Test
    void agingKeepsTheChecksumValid() throws Exception {
        Lsa lsa = Lsa.originate(0, 2, R1, R1, LsaHeader.INITIAL_SEQUENCE_NUMBER,
                new OspfSummaryLsa(false, Ipv4Address.parse("255.255.0.0"), 30));
        Lsa old = lsa.withAge(LsaHeader.MAX_AGE);
        assertSame(lsa, lsa.withAge(0));
        assertEquals(lsa.header().checksum(), old.header().checksum());
        byte[] b = old.toByteArray();
        assertTrue(LsaChecksum.verify(b, 0, b.length));
        assertEquals(old, Lsa.decode(b, 0, b.length));
        assertNotEquals(lsa, old);
        assertTrue(lsa.contentsDiffer(old)); // MaxAge status differs (§13.2)
        assertFalse(lsa.contentsDiffer(lsa.withAge(10)));
    }

    /** Instances of one LSA at different ages write each its own age, whichever was made first. */
    @Test
    void agedInstancesWriteTheirOwnAge() throws Exception {
        Lsa lsa = Lsa.originate(7, 2, R1, R1, LsaHeader.INITIAL_SEQUENCE_NUMBER,
                new OspfSummaryLsa(false, Ipv4Address.parse("255.255.0.0"), 30));
        Lsa older = lsa.withAge(300);
        Lsa oldest = older.withAge(LsaHeader.MAX_AGE);
        for (Lsa l : List.of(lsa, older, oldest, lsa)) {
            byte[] b = l.toByteArray();
            assertEquals(l.age(), (b[0] & 0xff) << 8 | (b[1] & 0xff));
            byte[] c = new byte[b.length + 3];
            assertEquals(b.length, l.copyTo(c, 3));
            assertArrayEquals(b, java.util.Arrays.copyOfRange(c, 3, c.length));
            Lsa back = Lsa.decode(b, 0, b.length);
            assertEquals(l, back);
            assertEquals(l.hashCode(), back.hashCode());
        }
        assertNotEquals(lsa, older);
        assertEquals(7, lsa.toByteArray()[1]);
    }

    @Test
    void bodyLayouts() {
        Lsa s4 = Lsa.originate(0, 2, Ipv4Address.parse("10.0.0.9"), R1, 0x80000005,
                new OspfSummaryLsa(true, Ipv4Address.ANY, 0x123456));
        assertEquals(4, s4.header().type());
        assertEquals("00000000" + "00123456", HexVectors.format(s4.toByteArray(), 20, 8));
        Lsa ext = Lsa.originate(0, 2, Ipv4Address.parse("10.9.0.0"), R1, 0x80000001,
                new OspfAsExternalLsa(Ipv4Address.parse("255.255.0.0"), true, 20, Ipv4Address.parse("1.2.3.4"),
                        0xdeadbeefL));
        assertEquals("ffff0000" + "80000014" + "01020304" + "deadbeef", HexVectors.format(ext.toByteArray(), 20, 16));
        Lsa rtr = Lsa.originate(0, 0x22, R1, R1, 0x80000001, new OspfRouterLsa(true, false, true, List.of(
                new OspfRouterLsa.Link(Ipv4Address.parse("2.2.2.2"), Ipv4Address.parse("10.0.0.1"),
                        OspfRouterLsa.POINT_TO_POINT, 0xfffe))));
        assertEquals("05000001" + "02020202" + "0a000001" + "0100fffe", HexVectors.format(rtr.toByteArray(), 20, 16));
        assertEquals(36, rtr.length());
        assertEquals("0024", HexVectors.format(rtr.toByteArray(), 18, 2));
    }

    @Test
    void routerLsaTosEntriesAreSkipped() throws Exception {
        // a router-LSA with one link carrying one TOS entry: body 4 + 12 + 4
        byte[] b = new byte[20 + 20];
        LsaCodec.encodeHeader(new LsaHeader(0, 2, 1, R1, R1, 0x80000001, 0, 40), b, 0);
        byte[] body = HexVectors.parse("0000 0001 0a00 0000 ffff ff00 0301 000a 0800 0014");
        System.arraycopy(body, 0, b, 20, body.length);
        LsaChecksum.fill(b, 0, 40);
        Lsa lsa = Lsa.decode(b, 0, 40);
        assertEquals(10, ((OspfRouterLsa) lsa.body()).links().get(0).metric());
    }

    @Test
    void malformedLsas() {
        Lsa good = Lsa.originate(0, 2, R1, R1, 0x80000001,
                new OspfNetworkLsa(Ipv4Address.parse("255.255.255.0"), List.of(R1)));
        byte[] b = good.toByteArray();
        assertLsa("lsa-truncated", b, 19);
        assertLsa("lsa-truncated", b, b.length - 1);
        byte[] bad = b.clone();
        bad[25] ^= 0x40;
        assertLsa("lsa-bad-checksum", bad, bad.length);
        byte[] zero = b.clone();
        zero[16] = 0;
        zero[17] = 0;
        assertLsa("lsa-bad-checksum", zero, zero.length);
        byte[] shortLen = b.clone();
        shortLen[19] = 12;
        assertLsa("lsa-bad-length", shortLen, shortLen.length);
        byte[] oddBody = withBody(2, "ffff ff00 0102");
        assertLsa("lsa-bad-length", oddBody, oddBody.length);
        byte[] linkType = withBody(1, "0000 0001 0a00 0000 ffff ff00 0500 000a");
        assertLsa("lsa-bad-link-type", linkType, linkType.length);
        byte[] linkCount = withBody(1, "0000 0002 0a00 0000 ffff ff00 0300 000a");
        assertLsa("lsa-bad-length", linkCount, linkCount.length);
        byte[] trailing = withBody(1, "0000 0001 0a00 0000 ffff ff00 0300 000a 0000 0000");
        assertLsa("lsa-bad-length", trailing, trailing.length);
        byte[] ext = withBody(5, "ffff 0000 8000 0014 0000 0000 0000");
        assertLsa("lsa-bad-length", ext, ext.length);
        byte[] reserved = withBody(3, "ffff 0000 0000 000a");
        Ipv4Address.writeBits(reserved, 12, 0x80000000);
        LsaChecksum.fill(reserved, 0, reserved.length);
        assertLsa("lsa-bad-sequence", reserved, reserved.length);
    }

    @Test
    void unknownTypesKeepTheirBytes() throws Exception {
        byte[] b = withBody(7, "0102 0304 0506 0708");
        Lsa l = Lsa.decode(b, 0, b.length);
        assertEquals(new OspfUnknownLsa(7), l.body());
        assertArrayEquals(b, l.toByteArray());
        // opaque LSAs (RFC 5250) keep their information and are rebuilt from it
        byte[] o = withBody(10, "0102 0304 0506 0708");
        Lsa ol = Lsa.decode(o, 0, o.length);
        assertEquals(new OspfOpaqueLsa(10, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}), ol.body());
        LsaHeader h = ol.header();
        assertArrayEquals(o, Lsa.originate(h.age(), h.options(), h.linkStateId(), h.advertisingRouter(), h.sequenceNumber(),
                ol.body()).toByteArray());
    }

    @Test
    void compareInstanceFollowsRfc2328Section13_1() {
        LsaHeader base = header(0x80000005, 0x1234, 100);
        assertEquals(0, base.compareInstance(header(0x80000005, 0x1234, 100)));
        // greater sequence number wins, signed comparison across zero
        assertTrue(header(0x80000006, 0x0001, 3000).compareInstance(base) > 0);
        assertTrue(header(0x00000001, 0x0001, 100).compareInstance(header(0xfffffff0, 0x0001, 100)) > 0);
        assertTrue(base.compareInstance(header(LsaHeader.MAX_SEQUENCE_NUMBER, 1, 100)) < 0);
        // same sequence: larger unsigned checksum wins
        assertTrue(header(0x80000005, 0xff00, 100).compareInstance(base) > 0);
        assertTrue(base.compareInstance(header(0x80000005, 0xff00, 100)) < 0);
        // then an instance at MaxAge wins
        assertTrue(header(0x80000005, 0x1234, LsaHeader.MAX_AGE).compareInstance(base) > 0);
        assertTrue(base.compareInstance(header(0x80000005, 0x1234, LsaHeader.MAX_AGE)) < 0);
        // then ages more than MaxAgeDiff apart: the younger wins
        assertTrue(base.compareInstance(header(0x80000005, 0x1234, 100 + 901)) > 0);
        assertTrue(header(0x80000005, 0x1234, 100 + 901).compareInstance(base) < 0);
        // within MaxAgeDiff: same instance
        assertEquals(0, base.compareInstance(header(0x80000005, 0x1234, 100 + 900)));
    }

    static LongStream seeds() {
        return LongStream.range(1, 41);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void randomLsasRoundTrip(long seed) throws Exception {
        Random r = new Random(seed);
        Lsa lsa = randomLsa(r);
        byte[] b = lsa.toByteArray();
        assertTrue(LsaChecksum.verify(b, 0, b.length));
        Lsa back = Lsa.decode(b, 0, b.length);
        assertEquals(lsa, back);
        assertEquals(lsa.header(), back.header());
        assertEquals(lsa.body(), back.body());
        // any single-byte change outside the age field is caught
        int i = 2 + r.nextInt(b.length - 2);
        if (i != 18 && i != 19) {
            b[i] ^= (byte) (1 + r.nextInt(255));
            MalformedPacketException e = assertThrows(MalformedPacketException.class, () -> Lsa.decode(b, 0, b.length));
            assertTrue(e.reason().startsWith("lsa-"));
        }
    }

    /**
     * Received LSAs are only checked on arrival and decoded when used: the check must refuse
     * exactly what decoding refuses, with the same reason, on valid bodies and on damaged ones
     * (random bytes, counts and link types changed, bodies cut or extended).
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void bodyCheckRefusesExactlyWhatDecodingRefuses(long seed) throws Exception {
        Random r = new Random(seed);
        for (int round = 0; round < 200; round++) {
            byte[] b = randomLsa(r).toByteArray();
            int type = b[3] & 0xff;
            byte[] body = java.util.Arrays.copyOfRange(b, 20, b.length);
            switch (r.nextInt(4)) {
                case 0 -> {
                    if (body.length > 0) {
                        body[r.nextInt(body.length)] = (byte) r.nextInt(256);
                    }
                }
                case 1 -> body = java.util.Arrays.copyOf(body, Math.max(0, body.length + r.nextInt(9) - 4));
                case 2 -> {
                    if (body.length >= 4) {
                        body[3] = (byte) r.nextInt(8); // router link count
                    }
                }
                default -> {
                }
            }
            if (r.nextInt(4) == 0) {
                type = 1 + r.nextInt(11);
            }
            String decodeReason = null;
            String checkReason = null;
            try {
                LsaCodec.decodeBody(type, body, 0, body.length);
            } catch (MalformedPacketException e) {
                decodeReason = e.reason();
            }
            try {
                LsaCodec.checkBody(type, body, 0, body.length);
            } catch (MalformedPacketException e) {
                checkReason = e.reason();
            }
            assertEquals(decodeReason, checkReason, "type " + type + " body " + HexVectors.format(body));
        }
    }

    /** A received LSA decodes its body when first asked, to what the sender encoded. */
    @ParameterizedTest
    @MethodSource("seeds")
    void receivedBodyDecodesOnDemandToTheOriginal(long seed) throws Exception {
        Lsa lsa = randomLsa(new Random(seed));
        byte[] b = lsa.toByteArray();
        Lsa back = Lsa.decode(b, 0, b.length);
        b[b.length - 1] ^= 0x55; // the received copy keeps its own bytes
        assertEquals(lsa.body(), back.body());
        assertSame(back.body(), back.body());
    }

    static Lsa randomLsa(Random r) {
        LsaBody body;
        switch (r.nextInt(4)) {
            case 0: {
                List<OspfRouterLsa.Link> links = new ArrayList<>();
                for (int i = r.nextInt(6); i > 0; i--) {
                    links.add(new OspfRouterLsa.Link(new Ipv4Address(r.nextInt()), new Ipv4Address(r.nextInt()),
                            1 + r.nextInt(4), r.nextInt(0x10000)));
                }
                body = new OspfRouterLsa(r.nextBoolean(), r.nextBoolean(), r.nextBoolean(), links);
                break;
            }
            case 1: {
                List<Ipv4Address> routers = new ArrayList<>();
                for (int i = 1 + r.nextInt(5); i > 0; i--) {
                    routers.add(new Ipv4Address(r.nextInt()));
                }
                body = new OspfNetworkLsa(new Ipv4Address(r.nextInt()), routers);
                break;
            }
            case 2:
                body = new OspfSummaryLsa(r.nextBoolean(), new Ipv4Address(r.nextInt()), r.nextInt(0x1000000));
                break;
            default:
                body = new OspfAsExternalLsa(new Ipv4Address(r.nextInt()), r.nextBoolean(), r.nextInt(0x1000000),
                        new Ipv4Address(r.nextInt()), r.nextLong() & 0xffffffffL);
        }
        int seq = r.nextInt();
        if (seq == LsaHeader.RESERVED_SEQUENCE_NUMBER) {
            seq = LsaHeader.INITIAL_SEQUENCE_NUMBER;
        }
        return Lsa.originate(r.nextInt(LsaHeader.MAX_AGE + 1), r.nextInt(256), new Ipv4Address(r.nextInt()),
                new Ipv4Address(r.nextInt()), seq, body);
    }

    private static LsaHeader header(int seq, int checksum, int age) {
        return new LsaHeader(age, 2, 1, R1, R1, seq, checksum, 24);
    }

    private static byte[] withBody(int type, String bodyHex) {
        byte[] body = HexVectors.parse(bodyHex);
        byte[] b = new byte[20 + body.length];
        LsaCodec.encodeHeader(new LsaHeader(0, 2, type, R1, R1, 0x80000001, 0, b.length), b, 0);
        System.arraycopy(body, 0, b, 20, body.length);
        LsaChecksum.fill(b, 0, b.length);
        return b;
    }

    private static void assertLsa(String reason, byte[] b, int len) {
        MalformedPacketException e = assertThrows(MalformedPacketException.class, () -> Lsa.decode(b, 0, len));
        assertEquals(reason, e.reason());
    }
}
