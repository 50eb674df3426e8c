package io.tunnelsim.routing.bfd;

/**
 * A BFD Control packet without authentication (RFC 5880 §4.1). Intervals are in microseconds,
 * as on the wire; discriminators are unsigned 32-bit values held in a {@code long}.
 *
 * @param version protocol version (1)
 * @param diagnostic the sender's bfd.LocalDiag, 0..31
 * @param state the sender's bfd.SessionState
 * @param poll P bit: the sender asks for a Final (a timing change)
 * @param finalBit F bit: the answer to a Poll
 * @param controlPlaneIndependent C bit
 * @param authPresent A bit (this model never sends authentication; received packets with it
 *        are dropped by the codec)
 * @param demand D bit
 * @param multipoint M bit, must be zero
 * @param detectMult DetectMult, 1..255 on a valid packet
 * @param myDiscriminator the sender's bfd.LocalDiscr
 * @param yourDiscriminator the sender's bfd.RemoteDiscr (0 when not yet known)
 * @param desiredMinTxUs Desired Min TX Interval (µs)
 * @param requiredMinRxUs Required Min RX Interval (µs); 0 = send me nothing
 * @param requiredMinEchoRxUs Required Min Echo RX Interval (µs); 0 = no echo function
 */
public record BfdControlPacket(int version, int diagnostic, BfdState state, boolean poll, boolean finalBit,
                               boolean controlPlaneIndependent, boolean authPresent, boolean demand, boolean multipoint,
                               int detectMult, long myDiscriminator, long yourDiscriminator, long desiredMinTxUs,
                               long requiredMinRxUs, long requiredMinEchoRxUs) {
    public static final int VERSION = 1;
    private static final long U32 = 0xffff_ffffL;

    public BfdControlPacket {
        if (version < 0 || version > 7) {
            throw new IllegalArgumentException("BFD version " + version + " outside 0-7");
        }
        if (diagnostic < 0 || diagnostic > 31) {
            throw new IllegalArgumentException("BFD diagnostic " + diagnostic + " outside 0-31");
        }
        if (detectMult < 0 || detectMult > 255) {
            throw new IllegalArgumentException("BFD detect multiplier " + detectMult + " outside 0-255");
        }
        if (state == null) {
            throw new IllegalArgumentException("BFD state missing");
        }
        for (long v : new long[] {myDiscriminator, yourDiscriminator, desiredMinTxUs, requiredMinRxUs,
            requiredMinEchoRxUs}) {
            if (v < 0 || v > U32) {
                throw new IllegalArgumentException("BFD 32-bit field value " + v + " outside 0-4294967295");
            }
        }
    }

    /** A version-1 packet with the C, A, D and M bits clear, as asynchronous mode sends it. */
    public static BfdControlPacket of(BfdDiagnostic diag, BfdState state, boolean poll, boolean finalBit, int detectMult,
                                      long myDiscriminator, long yourDiscriminator, long desiredMinTxUs,
                                      long requiredMinRxUs) {
        return new BfdControlPacket(VERSION, diag.code(), state, poll, finalBit, false, false, false, false, detectMult,
                myDiscriminator, yourDiscriminator, desiredMinTxUs, requiredMinRxUs, 0);
    }
}
