package io.tunnelsim.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.testutil.HexVectors;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class GreCodecTest {
    /** Ethernet 14 + IPv4 20. */
    private static final int GRE_OFFSET = 34;

    @Test
    void decodesCapturedGreWithIpv4Payload() throws Exception {
        byte[] frame = HexVectors.resource("/wire/gre-ipv4.hex");
        int len = frame.length - GRE_OFFSET;
        GreHeader h = GreCodec.decode(frame, GRE_OFFSET, len);
        assertEquals(GreHeader.of(GreHeader.IPV4), h);
        assertEquals(4, GreCodec.headerLength(frame, GRE_OFFSET));
        assertEquals(0x0800, GreCodec.protocolType(frame, GRE_OFFSET));
        assertFalse(GreCodec.keyPresent(frame, GRE_OFFSET));
        // inner IPv4 header starts right after
        assertEquals(0x45, frame[GRE_OFFSET + 4] & 0xff);

        byte[] out = new byte[4];
        assertEquals(4, GreCodec.encode(h, out, 0));
        assertArrayEquals(Arrays.copyOfRange(frame, GRE_OFFSET, GRE_OFFSET + 4), out);
    }

    /**
     * GRE with checksum over an IPv4 ICMP echo (1.1.1.1 to 2.2.2.2, id 10, TTL 255, echo id 2,
     * seq 0, 72 data bytes); the expected GRE checksum 0x77ff was produced by an independent
     * implementation (gopacket's GRE checksum test).
     */
    @Test
    void checksumKnownAnswer() throws Exception {
        byte[] data = new byte[72];
        byte[] head = HexVectors.parse("0000 0000 0003 be70");
        System.arraycopy(head, 0, data, 0, 8);
        for (int i = 8; i < 72; i += 2) {
            data[i] = (byte) 0xab;
            data[i + 1] = (byte) 0xcd;
        }
        byte[] icmp = new byte[8 + 72];
        icmp[0] = 8;
        icmp[5] = 2;
        System.arraycopy(data, 0, icmp, 8, 72);
        putChecksum(icmp, 0, icmp.length, 2);
        byte[] ip = HexVectors.parse("4500 0064 000a 0000 ff01 0000 0101 0101 0202 0202");
        putChecksum(ip, 0, 20, 10);

        PacketBuffer pb = PacketBuffer.allocate(100);
        int at = pb.append(100);
        System.arraycopy(ip, 0, pb.array(), at, 20);
        System.arraycopy(icmp, 0, pb.array(), at + 20, 80);
        int g = GreCodec.push(pb, GreHeader.of(GreHeader.IPV4).withChecksum());
        assertEquals(108, pb.length());
        byte[] b = pb.array();
        assertEquals("80000800", HexVectors.format(b, g, 4));
        assertEquals(0x77ff, ((b[g + 4] & 0xff) << 8) | (b[g + 5] & 0xff));
        assertEquals(0, b[g + 6]);
        assertEquals(0, b[g + 7]);
        assertEquals(GreHeader.of(GreHeader.IPV4).withChecksum(), GreCodec.decode(b, g, pb.length()));
    }

    private static void putChecksum(byte[] b, int off, int len, int field) {
        int c = InternetChecksum.finish(InternetChecksum.sum(b, off, len, 0));
        b[off + field] = (byte) (c >>> 8);
        b[off + field + 1] = (byte) c;
    }

    @Test
    void keyAndSequenceLayout() throws Exception {
        GreHeader h = GreHeader.of(GreHeader.IPV6).withKey(0x01020304L).withSequence(0xfffffffeL);
        byte[] b = new byte[12];
        assertEquals(12, GreCodec.encode(h, b, 0));
        assertEquals("300086dd01020304fffffffe", HexVectors.format(b));
        assertEquals(h, GreCodec.decode(b, 0, 12));
        assertEquals(0x01020304L, GreCodec.key(b, 0));
        assertEquals(12, GreCodec.headerLength(b, 0));
    }

    @Test
    void allOptionsLayout() {
        GreHeader h = GreHeader.of(GreHeader.IPV4).withChecksum().withKey(7).withSequence(9);
        PacketBuffer pb = PacketBuffer.copyOf(new byte[] {1, 2, 3});
        int at = GreCodec.push(pb, h);
        byte[] b = pb.toByteArray();
        assertEquals(19, b.length);
        assertEquals("b0000800", HexVectors.format(b, 0, 4));
        assertEquals("00000007" + "00000009" + "010203", HexVectors.format(b, 8, 11));
        assertEquals(0xffff, InternetChecksum.sum(b, 0, b.length, 0));
        assertEquals(7, GreCodec.key(pb.array(), at));
    }

    static LongStream seeds() {
        return LongStream.range(1, 41);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void roundTripRandom(long seed) throws Exception {
        Random r = new Random(seed);
        GreHeader h = GreHeader.of(r.nextBoolean() ? GreHeader.IPV4 : r.nextInt(0x10000));
        if (r.nextBoolean()) {
            h = h.withChecksum();
        }
        if (r.nextBoolean()) {
            h = h.withKey(r.nextLong() & 0xffffffffL);
        }
        if (r.nextBoolean()) {
            h = h.withSequence(r.nextLong() & 0xffffffffL);
        }
        byte[] payload = new byte[r.nextInt(200)];
        r.nextBytes(payload);
        PacketBuffer pb = PacketBuffer.copyOf(payload);
        int at = GreCodec.push(pb, h);
        assertEquals(h.length(), GreCodec.headerLength(pb.array(), at));
        assertEquals(h, GreCodec.decode(pb.array(), at, pb.length()));
        assertArrayEquals(payload, Arrays.copyOfRange(pb.array(), at + h.length(), pb.end()));
        if (h.checksumPresent() && payload.length > 0) {
            int i = at + h.length() + r.nextInt(payload.length);
            pb.array()[i] ^= 0x10;
            MalformedPacketException e = assertThrows(MalformedPacketException.class,
                    () -> GreCodec.decode(pb.array(), at, pb.length()));
            assertEquals("gre-bad-checksum", e.reason());
        }
    }

    @Test
    void truncated() {
        assertReason("gre-truncated", "0000 08");
        assertReason("gre-truncated", "8000 0800 0000");          // C set, no checksum field
        assertReason("gre-truncated", "3000 0800 0000 0001 0000"); // K and S, sequence cut
    }

    @Test
    void versionMustBeZero() {
        // version 1 is PPTP's enhanced GRE (RFC 2637)
        assertReason("gre-bad-version", "3001 880b 0000 0001 0000 0001");
    }

    @ParameterizedTest
    @ValueSource(ints = {0x4000, 0x0800, 0x0400})
    void reservedBitsOneFourFiveRejected(int bit) {
        byte[] b = HexVectors.parse("0000 0800 4500");
        b[0] |= (byte) (bit >>> 8);
        MalformedPacketException e = assertThrows(MalformedPacketException.class, () -> GreCodec.decode(b, 0, 6));
        assertEquals("gre-reserved-bits", e.reason());
    }

    @Test
    void reservedBitsSixToTwelveIgnored() throws Exception {
        // RFC 2784 §2.3: bits 6-12 MUST be ignored on receipt
        byte[] b = HexVectors.parse("03f8 0800 4500");
        assertEquals(GreHeader.of(GreHeader.IPV4), GreCodec.decode(b, 0, b.length));
    }

    @Test
    void recordRejectsOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> GreHeader.of(0x10000));
        assertThrows(IllegalArgumentException.class, () -> GreHeader.of(0x800).withKey(1L << 32));
        assertThrows(IllegalArgumentException.class, () -> new GreHeader(false, false, false, 0x800, 5, 0));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void randomBytesNeverThrowOtherExceptions(long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < 200; i++) {
            byte[] b = new byte[r.nextInt(24)];
            r.nextBytes(b);
            try {
                GreCodec.decode(b, 0, b.length);
            } catch (MalformedPacketException e) {
                assertTrue(e.reason().startsWith("gre-"));
            }
        }
    }

    private static void assertReason(String reason, String hex) {
        byte[] b = HexVectors.parse(hex);
        MalformedPacketException e = assertThrows(MalformedPacketException.class, () -> GreCodec.decode(b, 0, b.length));
        assertEquals(reason, e.reason());
    }
}
