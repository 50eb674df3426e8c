package io.tunnelsim.ipsec;

/**
 * Wire facts of the Encapsulating Security Payload, RFC 4303 §2.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+ ----
 * |               Security Parameters Index (SPI)                 | ^Int.
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+ |Cov-
 * |                      Sequence Number                          | |ered
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+ | ----
 * |                    IV (per transform, e.g. 8 or 16 bytes)     | |   ^
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+ |   |
 * ~                    Payload Data (variable)                    ~ |Conf.
 * +               +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+ |Cov-
 * |               |     Padding (0-255 bytes)                     | |ered*
 * +-+-+-+-+-+-+-+-+               +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+ |   |
 * |                               |  Pad Length   | Next Header   | v   v
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+ ------
 * |         Integrity Check Value-ICV   (variable)                |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 * All fields are big-endian. Default padding (§2.4) is the bytes 1, 2, 3, …; the trailer ends on
 * a 4-byte boundary and on the cipher's block boundary.
 */
public final class Esp {
    /** IP protocol number of ESP. */
    public static final int IP_PROTOCOL = 50;
    public static final int SPI_OFFSET = 0;
    public static final int SEQUENCE_OFFSET = 4;
    /** SPI + Sequence Number. */
    public static final int HEADER_LENGTH = 8;
    /** Pad Length + Next Header. */
    public static final int TRAILER_LENGTH = 2;
    /** SPIs 1–255 are reserved by IANA and 0 is for local use only (RFC 4303 §2.1). */
    public static final long MIN_SPI = 256;
    public static final long MAX_SPI = 0xFFFF_FFFFL;
    /** Next header of tunnel mode carrying IPv4. */
    public static final int NEXT_HEADER_IPV4 = 4;
    /** Next header of transport mode over GRE (tunnel protection). */
    public static final int NEXT_HEADER_GRE = 47;
    /** "No next header": a dummy packet for traffic-flow confidentiality, to be discarded (§2.6). */
    public static final int NEXT_HEADER_NONE = 59;

    private Esp() {
    }

    /** Reads the SPI of the ESP packet at {@code off} as an unsigned 32-bit value. */
    public static long readSpi(byte[] buf, int off) {
        return readU32(buf, off + SPI_OFFSET);
    }

    /** Reads the (low 32 bits of the) sequence number. */
    public static long readSequence(byte[] buf, int off) {
        return readU32(buf, off + SEQUENCE_OFFSET);
    }

    static long readU32(byte[] buf, int off) {
        return ((buf[off] & 0xffL) << 24) | ((buf[off + 1] & 0xff) << 16)
                | ((buf[off + 2] & 0xff) << 8) | (buf[off + 3] & 0xff);
    }

    static void writeU32(byte[] buf, int off, long value) {
        buf[off] = (byte) (value >>> 24);
        buf[off + 1] = (byte) (value >>> 16);
        buf[off + 2] = (byte) (value >>> 8);
        buf[off + 3] = (byte) value;
    }

    public static boolean isValidSpi(long spi) {
        return spi >= MIN_SPI && spi <= MAX_SPI;
    }
}
