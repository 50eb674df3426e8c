package io.tunnelsim.wire;

/**
 * The Fletcher checksum of OSPF LSAs (RFC 2328 §12.1.7), computed as RFC 905 Annex B (the
 * ISO 8473 algorithm) describes, over the whole LSA except the 2-byte LS age field, so that
 * an LSA keeps its checksum while it ages.
 *
 * <p>The checksum occupies bytes 16-17 of the LSA (bytes 14-15 of the checksummed range). Its
 * two octets X and Y are chosen so that both running sums of the algorithm,
 * {@code C0 = Σ a(i)} and {@code C1 = Σ (L - i + 1)·a(i)} (mod 255), are zero over the range:
 * with {@code n} the 1-based position of X and C0, C1 computed with X = Y = 0,
 * {@code X = (L - n)·C0 - C1} and {@code Y = C1 - (L - n + 1)·C0}, each mod 255 with 0 sent as
 * 255. A correctly computed checksum is therefore never zero.
 */
public final class LsaChecksum {
    /** Offset of the checksum field from the start of the LSA. */
    public static final int CHECKSUM_OFFSET = 16;
    /** The LS age field (first 2 bytes) is not checksummed. */
    private static final int SKIP = 2;
    /** Sums stay far below overflow in a long for this many bytes between reductions. */
    private static final int CHUNK = 4096;
    /**
     * Int sums between reductions: after {@code k} bytes C0 &lt; 255·(k+1) and C1 &lt; 255·(k+1)²/2
     * + 255·k, which stays below 2^31 for k up to 4000.
     */
    private static final int VERIFY_CHUNK = 4000;

    private LsaChecksum() {
    }

    /**
     * The checksum for the LSA at {@code lsa[off .. off+len)}, computed as if its checksum field
     * were zero (the field's present content does not matter).
     */
    public static int compute(byte[] lsa, int off, int len) {
        checkLength(len);
        long[] c = sums(lsa, off, len, true);
        long c0 = c[0];
        long c1 = c[1];
        int l = len - SKIP;
        int n = CHECKSUM_OFFSET - SKIP + 1;
        int x = (int) Math.floorMod((l - n) * c0 - c1, 255L);
        int y = (int) Math.floorMod(c1 - (l - n + 1) * c0, 255L);
        if (x == 0) {
            x = 255;
        }
        if (y == 0) {
            y = 255;
        }
        return (x << 8) | y;
    }

    /** Computes the checksum and stores it in the LSA's checksum field. */
    public static void fill(byte[] lsa, int off, int len) {
        int c = compute(lsa, off, len);
        lsa[off + CHECKSUM_OFFSET] = (byte) (c >>> 8);
        lsa[off + CHECKSUM_OFFSET + 1] = (byte) c;
    }

    /** True when the LSA's stored checksum is non-zero and both Fletcher sums come out zero. */
    public static boolean verify(byte[] lsa, int off, int len) {
        if (len < CHECKSUM_OFFSET + 2) {
            return false;
        }
        if (lsa[off + CHECKSUM_OFFSET] == 0 && lsa[off + CHECKSUM_OFFSET + 1] == 0) {
            return false;
        }
        // allocation-free: every received copy of every LSA passes through here
        int c0 = 0;
        int c1 = 0;
        int end = off + len;
        int i = off + SKIP;
        while (i < end) {
            int stop = Math.min(end, i + VERIFY_CHUNK);
            for (; i < stop; i++) {
                c0 += lsa[i] & 0xff;
                c1 += c0;
            }
            c0 %= 255;
            c1 %= 255;
        }
        return c0 == 0 && c1 == 0;
    }

    private static long[] sums(byte[] lsa, int off, int len, boolean zeroChecksumField) {
        long c0 = 0;
        long c1 = 0;
        int skipFrom = zeroChecksumField ? off + CHECKSUM_OFFSET : -1;
        int end = off + len;
        int i = off + SKIP;
        while (i < end) {
            int stop = Math.min(end, i + CHUNK);
            for (; i < stop; i++) {
                int b = (i == skipFrom || i == skipFrom + 1) ? 0 : lsa[i] & 0xff;
                c0 += b;
                c1 += c0;
            }
            c0 %= 255;
            c1 %= 255;
        }
        return new long[] {c0, c1};
    }

    private static void checkLength(int len) {
        if (len < CHECKSUM_OFFSET + 2) {
            throw new IllegalArgumentException("LSA of " + len + " bytes");
        }
    }
}
