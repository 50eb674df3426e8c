package io.tunnelsim.wire;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The Internet checksum of RFC 1071: the 16-bit one's complement of the one's complement sum
 * of 16-bit words. Used by IPv4, ICMP, UDP (with a pseudo-header), GRE and OSPF.
 */
public final class InternetChecksum {
    private InternetChecksum() {
    }

    private static final VarHandle BE_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    /**
     * Adds {@code len} bytes at {@code off} to a running 32-bit sum (not yet folded). Eight
     * bytes at a time, as two 32-bit words: the one's complement sum does not depend on the
     * word size once folded (RFC 1071 §2 (B), since 2^16 ≡ 1 modulo 2^16 - 1).
     */
    public static int sum(byte[] b, int off, int len, int initial) {
        long s = initial & 0xffffffffL;
        int i = off;
        for (int end8 = off + len - 7; i < end8; i += 8) {
            long w = (long) BE_LONG.get(b, i);
            s += (w >>> 32) + (w & 0xffffffffL); // at most 2^33 a step: no overflow below 2^30 steps
        }
        int end = off + len - 1;
        while (i < end) {
            s += ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
            i += 2;
        }
        if ((len & 1) != 0) {
            s += (b[off + len - 1] & 0xff) << 8;
        }
        while ((s >>> 16) != 0) {
            s = (s & 0xffff) + (s >>> 16);
        }
        return (int) s;
    }

    /** Adds a 32-bit quantity (as two 16-bit words) to a running sum. */
    public static int add32(int sum, int value) {
        return fold((sum & 0xffffffffL) + (value >>> 16) + (value & 0xffff));
    }

    /** Adds a 64-bit quantity (as four 16-bit words) to a running sum (IPv6 pseudo-header). */
    public static int add64(int sum, long value) {
        return fold((sum & 0xffffffffL) + ((value >>> 48) & 0xffff) + ((value >>> 32) & 0xffff)
                + ((value >>> 16) & 0xffff) + (value & 0xffff));
    }

    private static int fold(long acc) {
        while ((acc >>> 16) != 0) {
            acc = (acc & 0xffff) + (acc >>> 16);
        }
        return (int) acc;
    }

    /** Folds a running sum and complements it: the value to place in a checksum field. */
    public static int finish(int sum) {
        long s = sum & 0xffffffffL;
        while ((s >>> 16) != 0) {
            s = (s & 0xffff) + (s >>> 16);
        }
        return (int) (~s & 0xffff);
    }

    /** Checksum of a byte range, ready to store. */
    public static int compute(byte[] b, int off, int len) {
        return finish(sum(b, off, len, 0));
    }

    /** True when a range whose checksum field is filled in sums to 0xffff (RFC 1071 §1). */
    public static boolean verify(byte[] b, int off, int len) {
        return compute(b, off, len) == 0;
    }

    /** Sum of the IPv4 pseudo-header used by UDP and TCP (RFC 768). */
    public static int ipv4PseudoHeader(int src, int dst, int protocol, int length) {
        int s = (src >>> 16) + (src & 0xffff) + (dst >>> 16) + (dst & 0xffff) + protocol + length;
        return s;
    }
}
