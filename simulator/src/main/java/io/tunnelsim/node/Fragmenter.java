package io.tunnelsim.node;

import io.tunnelsim.wire.Ipv4Codec;
import io.tunnelsim.wire.PacketBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * IPv4 fragmentation at egress (RFC 791 §3.2, "fragmentation procedure"): every fragment but
 * the last carries a multiple of 8 data octets, MF is set on all but the last (and kept on the
 * last when the original was itself a non-final fragment), offsets add to the original's.
 *
 * <p>Simplifications: options are copied into every fragment regardless of their copy flag.
 */
public final class Fragmenter {
    private Fragmenter() {
    }

    public static List<PacketBuffer> fragment(PacketBuffer p, int mtu) {
        byte[] b = p.array();
        int off = p.offset();
        int hl = Ipv4Codec.headerLength(b, off);
        int dataLen = p.length() - hl;
        int chunk = ((mtu - hl) / 8) * 8;
        if (chunk <= 0) {
            throw new IllegalArgumentException("MTU " + mtu + " too small for a " + hl + "-byte header");
        }
        int ff = Ipv4Codec.flagsFragment(b, off);
        int baseOffset = ff & 0x1fff;
        boolean origMf = (ff & Ipv4Codec.FLAG_MF) != 0;
        List<PacketBuffer> out = new ArrayList<>(dataLen / chunk + 1);
        for (int pos = 0; pos < dataLen; pos += chunk) {
            int n = Math.min(chunk, dataLen - pos);
            boolean last = pos + n >= dataLen;
            PacketBuffer f = PacketBuffer.allocate(hl + n);
            f.setTrace(p.trace());
            int at = f.append(hl + n);
            byte[] fb = f.array();
            System.arraycopy(b, off, fb, at, hl);
            System.arraycopy(b, off + hl + pos, fb, at + hl, n);
            int flags = (ff & Ipv4Codec.FLAG_DF) | ((!last || origMf) ? Ipv4Codec.FLAG_MF : 0);
            io.tunnelsim.wire.Bytes.put16(fb, at + Ipv4Codec.OFF_FLAGS_FRAG, flags | (baseOffset + pos / 8));
            io.tunnelsim.wire.Bytes.put16(fb, at + Ipv4Codec.OFF_TOTAL_LENGTH, hl + n);
            Ipv4Codec.updateChecksum(fb, at);
            out.add(f);
        }
        return out;
    }
}
