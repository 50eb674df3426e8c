package io.tunnelsim.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tunnelsim.testutil.HexVectors;
import org.junit.jupiter.api.Test;

class InternetChecksumTest {

    @Test
    void rfc1071NumericalExample() {
        // RFC 1071 §3: the bytes 00 01 f2 03 f4 f5 f6 f7 sum to 0xddf2
        byte[] b = HexVectors.parse("0001 f203 f4f5 f6f7");
        assertEquals(0xddf2, InternetChecksum.sum(b, 0, b.length, 0));
        assertEquals(0x220d, InternetChecksum.finish(InternetChecksum.sum(b, 0, b.length, 0)));
    }

    @Test
    void chainedSumsEqualOneSum() {
        byte[] b = HexVectors.parse("0001 f203 f4f5 f6f7 ab");
        int chained = InternetChecksum.sum(b, 4, 5, InternetChecksum.sum(b, 0, 4, 0));
        assertEquals(InternetChecksum.sum(b, 0, 9, 0), chained);
        // odd final byte is padded with zero on the right
        assertEquals(InternetChecksum.sum(HexVectors.parse("ab00"), 0, 2, 0), InternetChecksum.sum(b, 8, 1, 0));
    }

    @Test
    void add32AndAdd64MatchByteSums() {
        byte[] b = HexVectors.parse("fedc ba98 7654 3210");
        assertEquals(InternetChecksum.sum(b, 0, 8, 0), InternetChecksum.add64(0, 0xfedcba9876543210L));
        assertEquals(InternetChecksum.sum(b, 0, 4, 0), InternetChecksum.add32(0, 0xfedcba98));
    }

    /** The word-parallel sum equals the plain 16-bit word sum of RFC 1071 on any range and start value. */
    @org.junit.jupiter.api.Test
    void sumEqualsSixteenBitWordSum() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(7);
        for (int round = 0; round < 5000; round++) {
            byte[] b = new byte[r.nextInt(1, 200)];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (r.nextInt(8) == 0 ? 0xff : r.nextInt(256));
            }
            int off = r.nextInt(b.length);
            int len = r.nextInt(b.length - off + 1);
            int initial = r.nextBoolean() ? r.nextInt(0x10000) : r.nextInt();
            long s = initial & 0xffffffffL;
            for (int i = 0; i + 1 < len; i += 2) {
                s += ((b[off + i] & 0xff) << 8) | (b[off + i + 1] & 0xff);
            }
            if ((len & 1) != 0) {
                s += (b[off + len - 1] & 0xff) << 8;
            }
            while ((s >>> 16) != 0) {
                s = (s & 0xffff) + (s >>> 16);
            }
            assertEquals((int) s, InternetChecksum.sum(b, off, len, initial), "off " + off + " len " + len);
        }
    }
}
