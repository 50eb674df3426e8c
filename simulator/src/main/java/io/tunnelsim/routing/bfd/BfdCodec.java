package io.tunnelsim.routing.bfd;

import io.tunnelsim.wire.Bytes;
import io.tunnelsim.wire.MalformedPacketException;
import io.tunnelsim.wire.PacketBuffer;

/**
 * Encodes and decodes BFD Control packets (RFC 5880 §4.1), carried in UDP to port 3784 (single
 * hop, RFC 5881 §4) or 4784 (multihop, RFC 5883 §5).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Vers |  Diag   |Sta|P|F|C|A|D|M|  Detect Mult  |    Length     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                       My Discriminator                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      Your Discriminator                       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Desired Min TX Interval                    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                   Required Min RX Interval                    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 Required Min Echo RX Interval                 |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Decoding applies the packet checks of RFC 5880 §6.8.6 that need no session state, each a
 * named drop ({@link BfdDrop}): fewer than 24 bytes ({@code bfd-truncated}); version other than 1
 * ({@code bfd-bad-version}); a Length field below 24, or below 26 with the A bit
 * ({@code bfd-bad-length}); a Length field beyond the UDP payload
 * ({@code bfd-length-exceeds-payload}); Detect Mult 0 ({@code bfd-zero-detect-mult}); the M bit
 * ({@code bfd-multipoint}); My Discriminator 0 ({@code bfd-zero-my-discriminator}); Your
 * Discriminator 0 while the state is Init or Up ({@code bfd-zero-your-discriminator}); the A bit,
 * since no authentication is configured (§6.8.6: "the packet MUST be discarded",
 * {@code bfd-auth-unsupported}). Bytes after Length are ignored, as the RFC lets them be.
 *
 * <p>Simplifications: no authentication section is ever encoded or verified (§6.7).
 */
public final class BfdCodec {
    /** Length of the mandatory section. */
    public static final int LENGTH = 24;
    /** RFC 5881 §4: single-hop Control packets go to this UDP port. */
    public static final int SINGLE_HOP_PORT = 3784;
    /** RFC 5883 §5: multihop Control packets go to this UDP port. */
    public static final int MULTIHOP_PORT = 4784;
    /** RFC 5881 §4: source ports are taken from 49152..65535. */
    public static final int SOURCE_PORT_MIN = 49152;
    public static final int SOURCE_PORT_MAX = 65535;
    /** RFC 5881 §5 / RFC 5883 §5: sent with TTL 255 (GTSM, RFC 5082). */
    public static final int TTL = 255;

    private static final int OFF_DETECT_MULT = 2;
    private static final int OFF_LENGTH = 3;
    private static final int OFF_MY_DISCR = 4;
    private static final int OFF_YOUR_DISCR = 8;
    private static final int OFF_DESIRED_TX = 12;
    private static final int OFF_REQUIRED_RX = 16;
    private static final int OFF_REQUIRED_ECHO_RX = 20;

    private static final int BIT_P = 0x20;
    private static final int BIT_F = 0x10;
    private static final int BIT_C = 0x08;
    private static final int BIT_A = 0x04;
    private static final int BIT_D = 0x02;
    private static final int BIT_M = 0x01;

    private BfdCodec() {
    }

    public static BfdControlPacket decode(byte[] b, int off, int len) throws MalformedPacketException {
        if (len < LENGTH) {
            throw new MalformedPacketException(BfdDrop.TRUNCATED, len + " bytes, need " + LENGTH);
        }
        int vd = b[off] & 0xff;
        int flags = b[off + 1] & 0xff;
        int version = vd >>> 5;
        if (version != BfdControlPacket.VERSION) {
            throw new MalformedPacketException(BfdDrop.BAD_VERSION, "version " + version);
        }
        boolean auth = (flags & BIT_A) != 0;
        int length = b[off + OFF_LENGTH] & 0xff;
        if (length < LENGTH || (auth && length < LENGTH + 2)) {
            throw new MalformedPacketException(BfdDrop.BAD_LENGTH, "Length field " + length);
        }
        if (length > len) {
            throw new MalformedPacketException(BfdDrop.LENGTH_EXCEEDS_PAYLOAD, "Length field " + length + ", payload " + len);
        }
        int mult = b[off + OFF_DETECT_MULT] & 0xff;
        if (mult == 0) {
            throw new MalformedPacketException(BfdDrop.ZERO_DETECT_MULT, "Detect Mult 0");
        }
        if ((flags & BIT_M) != 0) {
            throw new MalformedPacketException(BfdDrop.MULTIPOINT, "M bit set");
        }
        long my = Bytes.u32(b, off + OFF_MY_DISCR);
        long your = Bytes.u32(b, off + OFF_YOUR_DISCR);
        if (my == 0) {
            throw new MalformedPacketException(BfdDrop.ZERO_MY_DISCRIMINATOR, "My Discriminator 0");
        }
        BfdState state = BfdState.of(flags >>> 6);
        if (your == 0 && (state == BfdState.INIT || state == BfdState.UP)) {
            throw new MalformedPacketException(BfdDrop.ZERO_YOUR_DISCRIMINATOR, "Your Discriminator 0 in state " + state.display());
        }
        if (auth) {
            throw new MalformedPacketException(BfdDrop.AUTH_UNSUPPORTED, "A bit set, no authentication configured");
        }
        return new BfdControlPacket(version, vd & 0x1f, state, (flags & BIT_P) != 0, (flags & BIT_F) != 0,
                (flags & BIT_C) != 0, false, (flags & BIT_D) != 0, false, mult, my, your,
                Bytes.u32(b, off + OFF_DESIRED_TX), Bytes.u32(b, off + OFF_REQUIRED_RX),
                Bytes.u32(b, off + OFF_REQUIRED_ECHO_RX));
    }

    /** Writes {@code m} as 24 bytes at {@code off} (Length 24; the A bit is written as given). */
    public static void encode(BfdControlPacket m, byte[] b, int off) {
        int flags = (m.state().code() << 6) | (m.poll() ? BIT_P : 0) | (m.finalBit() ? BIT_F : 0)
                | (m.controlPlaneIndependent() ? BIT_C : 0) | (m.authPresent() ? BIT_A : 0) | (m.demand() ? BIT_D : 0)
                | (m.multipoint() ? BIT_M : 0);
        write(b, off, m.version(), m.diagnostic(), flags, m.detectMult(), m.myDiscriminator(), m.yourDiscriminator(),
                m.desiredMinTxUs(), m.requiredMinRxUs(), m.requiredMinEchoRxUs());
    }

    /**
     * Writes an asynchronous-mode packet (version 1, C, A, D, M clear, no echo) straight from
     * session variables, without building a record: the per-packet path of a session.
     */
    static void writeAsync(byte[] b, int off, int diag, BfdState state, boolean poll, boolean finalBit, int mult,
                           long my, long your, long desiredTxUs, long requiredRxUs) {
        int flags = (state.code() << 6) | (poll ? BIT_P : 0) | (finalBit ? BIT_F : 0);
        write(b, off, BfdControlPacket.VERSION, diag, flags, mult, my, your, desiredTxUs, requiredRxUs, 0);
    }

    private static void write(byte[] b, int off, int version, int diag, int flags, int mult, long my, long your,
                              long desiredTx, long requiredRx, long requiredEchoRx) {
        b[off] = (byte) ((version << 5) | (diag & 0x1f));
        b[off + 1] = (byte) flags;
        b[off + OFF_DETECT_MULT] = (byte) mult;
        b[off + OFF_LENGTH] = (byte) LENGTH;
        Bytes.put32(b, off + OFF_MY_DISCR, my);
        Bytes.put32(b, off + OFF_YOUR_DISCR, your);
        Bytes.put32(b, off + OFF_DESIRED_TX, desiredTx);
        Bytes.put32(b, off + OFF_REQUIRED_RX, requiredRx);
        Bytes.put32(b, off + OFF_REQUIRED_ECHO_RX, requiredEchoRx);
    }

    public static byte[] toBytes(BfdControlPacket m) {
        byte[] b = new byte[LENGTH];
        encode(m, b, 0);
        return b;
    }

    public static PacketBuffer toBuffer(BfdControlPacket m) {
        PacketBuffer pb = PacketBuffer.allocate(LENGTH);
        encode(m, pb.array(), pb.append(LENGTH));
        return pb;
    }
}
