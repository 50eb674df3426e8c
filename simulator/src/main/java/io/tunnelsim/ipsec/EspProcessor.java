package io.tunnelsim.ipsec;

import io.tunnelsim.ipsec.crypto.EspCipher;
import io.tunnelsim.wire.MalformedPacketException;
import io.tunnelsim.wire.PacketBuffer;

/**
 * ESP packet processing, RFC 4303 §3.3 (outbound) and §3.4 (inbound), in place on a
 * {@link PacketBuffer}: sealing pushes the header and IV into the headroom and appends padding,
 * trailer and ICV into the tailroom; opening pulls them off again. The payload is never copied
 * (GCM output passes through one per-SA scratch array).
 *
 * <p>Outbound: claim the next sequence number (refusing to cycle the counter, §3.3.3), pad with the
 * default bytes 1, 2, 3, … to the cipher's alignment (§2.4), write SPI, sequence number (low 32 bits
 * with ESN) and IV, then encrypt and compute the ICV over header, IV and ciphertext.
 *
 * <p>Inbound: check lengths, reconstruct the full sequence number (ESN, Appendix A), reject replays
 * before and update the window only after ICV verification (§3.4.3), decrypt, verify the padding
 * and strip everything but the payload. Failures raise {@link MalformedPacketException} whose
 * reason is one of {@link EspDropReason}'s names; the SA counts the drop.
 *
 * <p>Simplifications: no traffic-flow-confidentiality padding on send (dummy packets with next
 * header 59 are accepted and returned as such, for the caller to discard); inbound selector checks
 * of RFC 4301 §5.2 are left to the caller.
 */
public final class EspProcessor {

    private EspProcessor() {
    }

    /**
     * Encapsulates the bytes of {@code buf} as the payload of an ESP packet of {@code sa}.
     *
     * @param nextHeader protocol of the payload: 4 (IPv4) in tunnel mode, the original protocol
     *                   (e.g. 47 for GRE) in transport mode
     * @throws MalformedPacketException with reason {@code esp-sa-expired} or {@code esp-seq-overflow}
     */
    public static void seal(SecurityAssociation sa, PacketBuffer buf, int nextHeader) throws MalformedPacketException {
        seal(sa, buf, nextHeader, null);
    }

    /**
     * As {@link #seal(SecurityAssociation, PacketBuffer, int)} but with an explicit IV instead of
     * the SA's deterministic one: for reproducing published test vectors. The IV must never repeat
     * under one key.
     */
    public static void seal(SecurityAssociation sa, PacketBuffer buf, int nextHeader, byte[] explicitIv)
            throws MalformedPacketException {
        if (sa.direction() != SecurityAssociation.Direction.OUTBOUND) {
            throw new IllegalArgumentException("sealing needs an outbound SA, got " + sa);
        }
        if (nextHeader < 0 || nextHeader > 255) {
            throw new IllegalArgumentException("next header " + nextHeader + " is outside 0-255");
        }
        EspCipher cipher = sa.cipher();
        int ivLength = cipher.ivLength();
        if (explicitIv != null && explicitIv.length != ivLength) {
            throw new IllegalArgumentException("IV of " + explicitIv.length + " bytes, transform needs " + ivLength);
        }
        if (sa.lifetimeState() == SecurityAssociation.LifetimeState.HARD_EXPIRED) {
            throw drop(sa, EspDropReason.SA_EXPIRED, sa + " reached its hard lifetime");
        }
        long seq = sa.claimSequence();
        if (seq == 0) {
            throw drop(sa, EspDropReason.SEQUENCE_OVERFLOW, "sequence counter of " + sa + " exhausted");
        }
        int payloadLength = buf.length();
        int padLength = Math.floorMod(-(payloadLength + Esp.TRAILER_LENGTH), cipher.alignment());
        int textLength = payloadLength + padLength + Esp.TRAILER_LENGTH;

        buf.push(Esp.HEADER_LENGTH + ivLength);
        buf.append(padLength + Esp.TRAILER_LENGTH + cipher.icvLength());
        byte[] a = buf.array();
        int espOff = buf.offset();
        int ivOff = espOff + Esp.HEADER_LENGTH;
        int padOff = ivOff + ivLength + payloadLength;
        for (int i = 0; i < padLength; i++) {
            a[padOff + i] = (byte) (i + 1);
        }
        a[padOff + padLength] = (byte) padLength;
        a[padOff + padLength + 1] = (byte) nextHeader;

        Esp.writeU32(a, espOff + Esp.SPI_OFFSET, sa.spi());
        Esp.writeU32(a, espOff + Esp.SEQUENCE_OFFSET, seq);
        if (explicitIv != null) {
            System.arraycopy(explicitIv, 0, a, ivOff, ivLength);
        } else {
            cipher.writeIv(seq, a, ivOff);
        }
        cipher.seal(a, espOff, textLength, (int) (seq >>> 32));
        sa.countAccepted(payloadLength);
    }

    /**
     * Looks up the inbound SA by the packet's SPI in {@code sad} and opens the packet with it.
     *
     * @return the next header of the payload left in {@code buf}
     * @throws MalformedPacketException with an {@link EspDropReason} name
     */
    public static int open(Sad sad, PacketBuffer buf) throws MalformedPacketException {
        if (buf.length() < Esp.HEADER_LENGTH) {
            throw new MalformedPacketException(EspDropReason.TRUNCATED,
                    buf.length() + " bytes cannot hold an ESP header");
        }
        long spi = Esp.readSpi(buf.array(), buf.offset());
        SecurityAssociation sa = sad.inbound(spi);
        if (sa == null) {
            throw new MalformedPacketException(EspDropReason.UNKNOWN_SPI,
                    "no inbound SA with SPI 0x" + Long.toHexString(spi));
        }
        return open(sa, buf);
    }

    /**
     * Verifies and decrypts the ESP packet in {@code buf} with {@code sa}, leaving only the payload.
     *
     * @return the next header of the payload (59: a dummy packet, to be discarded)
     * @throws MalformedPacketException with an {@link EspDropReason} name
     */
    public static int open(SecurityAssociation sa, PacketBuffer buf) throws MalformedPacketException {
        if (sa.direction() != SecurityAssociation.Direction.INBOUND) {
            throw new IllegalArgumentException("opening needs an inbound SA, got " + sa);
        }
        if (sa.lifetimeState() == SecurityAssociation.LifetimeState.HARD_EXPIRED) {
            throw drop(sa, EspDropReason.SA_EXPIRED, sa + " reached its hard lifetime");
        }
        EspCipher cipher = sa.cipher();
        int ivLength = cipher.ivLength();
        int textLength = buf.length() - Esp.HEADER_LENGTH - ivLength - cipher.icvLength();
        if (textLength < Esp.TRAILER_LENGTH) {
            throw drop(sa, EspDropReason.TRUNCATED, buf.length() + " bytes cannot hold header, IV, trailer and ICV");
        }
        if (textLength % sa.encryption().blockSize() != 0) {
            throw drop(sa, EspDropReason.BAD_LENGTH, textLength + " encrypted bytes are not whole "
                    + sa.encryption().blockSize() + "-byte blocks");
        }
        byte[] a = buf.array();
        int espOff = buf.offset();
        long spi = Esp.readSpi(a, espOff);
        if (spi != sa.spi()) {
            throw drop(sa, EspDropReason.UNKNOWN_SPI, "SPI 0x" + Long.toHexString(spi) + " is not " + sa);
        }
        long low = Esp.readSequence(a, espOff);
        ReplayWindow window = sa.replayWindow();
        long seq = sa.extendedSequenceNumbers() ? window.inferSequence(low) : low;
        if (sa.antiReplay() && !window.check(seq)) {
            throw drop(sa, EspDropReason.REPLAY, "sequence number " + Long.toUnsignedString(seq)
                    + " replayed or left of " + window);
        }
        if (!cipher.open(a, espOff, textLength, (int) (seq >>> 32))) {
            throw drop(sa, EspDropReason.ICV_FAILED, "ICV mismatch on sequence number " + Long.toUnsignedString(seq));
        }
        window.update(seq);

        int textOff = espOff + Esp.HEADER_LENGTH + ivLength;
        int trailerOff = textOff + textLength - Esp.TRAILER_LENGTH;
        int padLength = a[trailerOff] & 0xff;
        int nextHeader = a[trailerOff + 1] & 0xff;
        int payloadLength = textLength - Esp.TRAILER_LENGTH - padLength;
        if (payloadLength < 0) {
            throw drop(sa, EspDropReason.BAD_PADDING, "pad length " + padLength + " exceeds the "
                    + textLength + "-byte text");
        }
        int padOff = textOff + payloadLength;
        for (int i = 0; i < padLength; i++) {
            if ((a[padOff + i] & 0xff) != i + 1) {
                throw drop(sa, EspDropReason.BAD_PADDING, "padding byte " + (i + 1) + " is "
                        + (a[padOff + i] & 0xff));
            }
        }
        buf.pull(Esp.HEADER_LENGTH + ivLength);
        buf.truncate(payloadLength);
        sa.countAccepted(payloadLength);
        return nextHeader;
    }

    private static MalformedPacketException drop(SecurityAssociation sa, EspDropReason reason, String detail) {
        sa.countDrop(reason);
        return new MalformedPacketException(reason, detail);
    }
}
