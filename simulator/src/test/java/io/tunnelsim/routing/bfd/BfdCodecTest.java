package io.tunnelsim.routing.bfd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.testutil.HexVectors;
import io.tunnelsim.wire.MalformedPacketException;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class BfdCodecTest {
    /**
     * RFC 5880 §4.1 by hand: version 1, diag 0, state Up (3), no flags, Detect Mult 3, Length 24,
     * My Discr 1, Your Discr 2, Desired Min TX = Required Min RX = 300 000 µs (0x493e0), no echo.
     */
    private static final String UP_HEX = "20 c0 03 18 00000001 00000002 000493e0 000493e0 00000000";
    /**
     * Version 1, diag 1 (Control Detection Time Expired), state Down (1) with P: 0x40 | 0x20; Detect
     * Mult 5; My Discr 0xdeadbeef, Your Discr 0; TX 1 s (0x0f4240), RX 50 ms (0xc350).
     */
    private static final String DOWN_POLL_HEX = "21 60 05 18 deadbeef 00000000 000f4240 0000c350 00000000";

    @Test
    void upPacketKnownBytes() throws Exception {
        BfdControlPacket p = BfdControlPacket.of(BfdDiagnostic.NONE, BfdState.UP, false, false, 3, 1, 2, 300_000,
                300_000);
        byte[] expected = HexVectors.parse(UP_HEX);
        assertArrayEquals(expected, BfdCodec.toBytes(p));
        assertEquals(p, BfdCodec.decode(expected, 0, expected.length));
    }

    @Test
    void downPollKnownBytes() throws Exception {
        BfdControlPacket p = BfdControlPacket.of(BfdDiagnostic.CONTROL_DETECTION_TIME_EXPIRED, BfdState.DOWN, true,
                false, 5, 0xdeadbeefL, 0, 1_000_000, 50_000);
        byte[] expected = HexVectors.parse(DOWN_POLL_HEX);
        assertArrayEquals(expected, BfdCodec.toBytes(p));
        BfdControlPacket back = BfdCodec.decode(expected, 0, expected.length);
        assertEquals(p, back);
        assertEquals(0xdeadbeefL, back.myDiscriminator());
        assertTrue(back.poll());
    }

    @Test
    void finalBitAndTrailingBytes() throws Exception {
        BfdControlPacket p = BfdControlPacket.of(BfdDiagnostic.NONE, BfdState.INIT, false, true, 3, 7, 9, 1_000_000,
                300_000);
        byte[] b = new byte[30];
        BfdCodec.encode(p, b, 0);
        assertEquals(0x90, b[1] & 0xff, "state Init (2 << 6) | F (0x10)");
        // bytes after Length belong to the encapsulation and are ignored (§6.8.6 checks Length <= payload)
        assertEquals(p, BfdCodec.decode(b, 0, b.length));
    }

    static LongStream seeds() {
        return LongStream.range(1, 41);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void roundTripRandomFields(long seed) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        BfdState state = BfdState.of(r.nextInt(4));
        long your = state == BfdState.INIT || state == BfdState.UP ? r.nextLong(1, 1L << 32) : r.nextLong(0, 1L << 32);
        boolean poll = r.nextBoolean();
        BfdControlPacket p = new BfdControlPacket(1, r.nextInt(32), state, poll, !poll && r.nextBoolean(),
                r.nextBoolean(), false, r.nextBoolean(), false, r.nextInt(1, 256), r.nextLong(1, 1L << 32), your,
                r.nextLong(0, 1L << 32), r.nextLong(0, 1L << 32), r.nextLong(0, 1L << 32));
        byte[] b = BfdCodec.toBytes(p);
        assertEquals(BfdCodec.LENGTH, b.length);
        assertEquals(p, BfdCodec.decode(b, 0, b.length));
        assertArrayEquals(b, BfdCodec.toBytes(BfdCodec.decode(b, 0, b.length)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // reason, byte offset to change, new value (or -1: truncate to 23 bytes)
        "bfd-truncated, -1, 0",
        "bfd-bad-version, 0, 0x40",
        "bfd-bad-version, 0, 0x00",
        "bfd-bad-length, 3, 23",
        "bfd-length-exceeds-payload, 3, 25",
        "bfd-zero-detect-mult, 2, 0",
        "bfd-multipoint, 1, 0xc1",
        "bfd-zero-my-discriminator, 7, 0",
        "bfd-zero-your-discriminator, 11, 0",
    })
    void malformedIsANamedDrop(String reason, int offset, int value) {
        byte[] b = HexVectors.parse(UP_HEX);
        int len = b.length;
        if (offset < 0) {
            len = 23;
        } else {
            b[offset] = (byte) value;
        }
        int n = len;
        MalformedPacketException e = assertThrows(MalformedPacketException.class, () -> BfdCodec.decode(b, 0, n));
        assertEquals(reason, e.reason());
    }

    @Test
    void authenticatedPacketIsDroppedWithoutAuthConfigured() {
        // A bit with a simple-password section (type 1, length 4, key id 1, "x"): 28 bytes
        byte[] b = java.util.Arrays.copyOf(HexVectors.parse(UP_HEX), 28);
        b[1] = (byte) 0xc4;
        b[3] = 28;
        b[24] = 1;
        b[25] = 4;
        b[26] = 1;
        b[27] = 'x';
        MalformedPacketException e = assertThrows(MalformedPacketException.class, () -> BfdCodec.decode(b, 0, 28));
        assertEquals("bfd-auth-unsupported", e.reason());
    }

    @Test
    void authBitWithShortLengthIsBadLength() {
        byte[] b = HexVectors.parse(UP_HEX);
        b[1] = (byte) 0xc4;
        b[3] = 25;
        byte[] longer = java.util.Arrays.copyOf(b, 26);
        MalformedPacketException e = assertThrows(MalformedPacketException.class, () -> BfdCodec.decode(longer, 0, 26));
        assertEquals("bfd-bad-length", e.reason());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void randomBytesNeverThrowAnythingElse(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] b = new byte[r.nextInt(0, 40)];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) r.nextInt(256);
        }
        try {
            BfdControlPacket p = BfdCodec.decode(b, 0, b.length);
            assertEquals(1, p.version());
        } catch (MalformedPacketException e) {
            assertTrue(java.util.Arrays.stream(BfdDrop.values()).anyMatch(d -> d.label().equals(e.reason())),
                    "a BfdDrop label: " + e.reason());
        }
    }

    @Test
    void dropLabelsAreDistinctAndNamedForTheLayer() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (BfdDrop d : BfdDrop.values()) {
            assertTrue(d.label().startsWith("bfd-"), d.label());
            assertTrue(seen.add(d.label()), "duplicate " + d.label());
            assertEquals(d.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), d.label().substring(4),
                    "label follows the constant");
        }
    }

    @Test
    void recordRejectsOutOfRangeFields() {
        assertThrows(IllegalArgumentException.class, () -> new BfdControlPacket(1, 32, BfdState.UP, false, false, false,
                false, false, false, 3, 1, 1, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new BfdControlPacket(1, 0, BfdState.UP, false, false, false,
                false, false, false, 3, 1L << 32, 1, 0, 0, 0));
    }
}
