package io.tunnelsim.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.testutil.HexVectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RipCodecTest {

    /** RFC 2453 §4 layout: response, version 2, two entries. */
    private static final String RESPONSE_HEX = "0202 0000"
            + "0002 0000 0a01 0000 ffff ff00 0000 0000 0000 0001"
            + "0002 00aa c0a8 0200 ffff fe00 0a00 0001 0000 0010";

    @Test
    void responseKnownBytes() throws Exception {
        RipPacket p = RipPacket.response(List.of(
                RipEntry.route(Ipv4Prefix.parse("10.1.0.0/24"), 1),
                new RipEntry(2, 0xaa, Ipv4Address.parse("192.168.2.0"), Ipv4Address.parse("255.255.254.0"),
                        Ipv4Address.parse("10.0.0.1"), 16)));
        byte[] expected = HexVectors.parse(RESPONSE_HEX);
        assertArrayEquals(expected, RipCodec.toBuffer(p).toByteArray());
        RipPacket back = RipCodec.decode(expected, 0, expected.length);
        assertEquals(p, back);
        assertEquals(Ipv4Prefix.parse("192.168.2.0/23"), back.entries().get(1).prefix());
        assertEquals(2, RipCodec.command(expected, 0));
        assertEquals(2, RipCodec.version(expected, 0));
    }

    @Test
    void wholeTableRequest() throws Exception {
        byte[] b = RipCodec.toBuffer(RipPacket.wholeTableRequest()).toByteArray();
        assertEquals("01020000" + "0000000000000000000000000000000000000010", HexVectors.format(b));
        RipPacket p = RipCodec.decode(b, 0, b.length);
        assertTrue(p.isWholeTableRequest());
        assertFalse(RipPacket.response(List.of(RipEntry.route(Ipv4Prefix.parse("10.0.0.0/8"), 16)))
                .isWholeTableRequest());
    }

    static LongStream seeds() {
        return LongStream.range(1, 41);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void roundTripRandom(long seed) throws Exception {
        Random r = new Random(seed);
        List<RipEntry> entries = new ArrayList<>();
        int n = r.nextInt(26);
        for (int i = 0; i < n; i++) {
            entries.add(new RipEntry(2, r.nextInt(0x10000), new Ipv4Address(r.nextInt()), new Ipv4Address(r.nextInt()),
                    new Ipv4Address(r.nextInt()), 1 + r.nextInt(16)));
        }
        RipPacket p = new RipPacket(r.nextBoolean() ? RipPacket.REQUEST : RipPacket.RESPONSE, 2, entries);
        byte[] b = new byte[p.encodedLength() + 3];
        assertEquals(4 + 20 * n, RipCodec.encode(p, b, 3));
        assertEquals(p, RipCodec.decode(b, 3, p.encodedLength()));
    }

    @Test
    void malformed() {
        assertReason("rip-truncated", "0202 00");
        assertReason("rip-bad-length", "0202 0000 0002 0000 0a01 0000");
        assertReason("rip-bad-version", "0200 0000" + "0002 0000 0a01 0000 ffff ff00 0000 0000 0000 0001");
        assertReason("rip-bad-command", "0502 0000" + "0002 0000 0a01 0000 ffff ff00 0000 0000 0000 0001");
        assertReason("rip-bad-metric", "0202 0000" + "0002 0000 0a01 0000 ffff ff00 0000 0000 0000 0000");
        assertReason("rip-bad-metric", "0202 0000" + "0002 0000 0a01 0000 ffff ff00 0000 0000 0000 0011");
        assertReason("rip-bad-metric", "0202 0000" + "0002 0000 0a01 0000 ffff ff00 0000 0000 8000 0001");
        assertReason("rip-auth-unsupported", "0202 0000" + "ffff 0004 7365 6372 6574 0000 0000 0000 0000 0000"
                + "0002 0000 0a01 0000 ffff ff00 0000 0000 0000 0001");
        assertReason("rip-bad-auth", "0202 0000" + "0002 0000 0a01 0000 ffff ff00 0000 0000 0000 0001"
                + "ffff 0002 7365 6372 6574 0000 0000 0000 0000 0000");
        // keyed MD5 whose trailer offset (0x0030) is not where the trailer is
        assertReason("rip-bad-auth", "0202 0000" + "ffff 0003 0030 0114 0000 0001 0000 0000 0000 0000"
                + "0002 0000 0a01 0000 ffff ff00 0000 0000 0000 0001"
                + "ffff 0001 0000 0000 0000 0000 0000 0000 0000 0000");
        StringBuilder tooMany = new StringBuilder("0202 0000");
        for (int i = 0; i < 26; i++) {
            tooMany.append("0002 0000 0a01 0000 ffff ff00 0000 0000 0000 0001");
        }
        assertReason("rip-too-many-entries", tooMany.toString());
    }

    @Test
    void versionOneAndOtherFamiliesDecodeForTheCallerToJudge() throws Exception {
        byte[] b = HexVectors.parse("0201 0000 0002 0000 0a00 0000 0000 0000 0000 0000 0000 0002");
        RipPacket p = RipCodec.decode(b, 0, b.length);
        assertEquals(1, p.version());
        assertEquals(Ipv4Address.ANY, p.entries().get(0).mask());
        byte[] other = HexVectors.parse("0202 0000 001c 0000 0a00 0000 0000 0000 0000 0000 0000 0002");
        assertEquals(0x1c, RipCodec.decode(other, 0, other.length).entries().get(0).addressFamily());
    }

    @Test
    void nonContiguousMaskHasNoPrefix() {
        RipEntry e = new RipEntry(2, 0, Ipv4Address.parse("10.0.0.0"), Ipv4Address.parse("255.0.255.0"),
                Ipv4Address.ANY, 1);
        assertFalse(e.hasContiguousMask());
        assertThrows(IllegalStateException.class, e::prefix);
        assertThrows(IllegalArgumentException.class, () -> RipEntry.route(Ipv4Prefix.parse("10.0.0.0/8"), 0));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void randomBytesOnlyTypedFailures(long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < 300; i++) {
            byte[] b = new byte[4 + 20 * r.nextInt(3) + (r.nextInt(4) == 0 ? r.nextInt(20) : 0)];
            r.nextBytes(b);
            if (r.nextBoolean() && b.length > 2) {
                b[0] = 2;
                b[1] = 2;
            }
            try {
                RipCodec.decode(b, 0, b.length);
            } catch (MalformedPacketException e) {
                assertTrue(e.reason().startsWith("rip-"));
            }
        }
    }

    private static void assertReason(String reason, String hex) {
        byte[] b = HexVectors.parse(hex);
        MalformedPacketException e = assertThrows(MalformedPacketException.class, () -> RipCodec.decode(b, 0, b.length));
        assertEquals(reason, e.reason());
    }
}
