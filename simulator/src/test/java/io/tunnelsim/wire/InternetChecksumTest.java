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
}
