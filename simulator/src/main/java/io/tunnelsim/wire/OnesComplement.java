package io.tunnelsim.wire;

/**
 * The Internet checksum of RFC 1071: the 16-bit one's complement of the one's complement sum
 * of the data taken as big-endian 16-bit words (an odd final byte is padded with a zero byte).
 *
 * <p>{@link #sum} returns a partial sum folded to 16 bits, so partial sums over several ranges
 * (a pseudo-header, then a header, then a payload) chain through {@code initial}. Only the last
 * range of a chain may have an odd length, since an odd range shifts the word alignment of
 * everything after it.
 */
final class OnesComplement {
    private OnesComplement() {
    }

    /** One's complement sum of {@code b[off .. off+len)} added to {@code initial}, folded to 16 bits. */
    static int sum(byte[] b, int off, int len, int initial) {
        long acc = initial & 0xffffffffL;
        int end = off + len;
        int i = off;
        for (; i + 1 < end; i += 2) {
            acc += ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
        }
        if (i < end) {
            acc += (b[i] & 0xff) << 8;
        }
        return fold(acc);
    }

    /** Adds a 32-bit quantity (as two 16-bit words) to a partial sum. */
    static int add32(int sum, int value) {
        return fold((sum & 0xffffffffL) + (value >>> 16) + (value & 0xffff));
    }

    /** Adds a 64-bit quantity (as four 16-bit words) to a partial sum. */
    static int add64(int sum, long value) {
        long acc = (sum & 0xffffffffL) + ((value >>> 48) & 0xffff) + ((value >>> 32) & 0xffff)
                + ((value >>> 16) & 0xffff) + (value & 0xffff);
        return fold(acc);
    }

    /** The checksum to transmit: the complement of the folded sum, as an unsigned 16-bit value. */
    static int finish(int sum) {
        return ~fold(sum & 0xffffffffL) & 0xffff;
    }

    private static int fold(long acc) {
        while ((acc >>> 16) != 0) {
            acc = (acc & 0xffff) + (acc >>> 16);
        }
        return (int) acc;
    }
}
