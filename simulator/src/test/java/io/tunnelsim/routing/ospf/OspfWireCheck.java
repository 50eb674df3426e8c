package io.tunnelsim.routing.ospf;

import io.tunnelsim.node.Network;
import io.tunnelsim.node.Segment;
import io.tunnelsim.wire.GreCodec;
import io.tunnelsim.wire.GreHeader;
import io.tunnelsim.wire.Ipv4Codec;
import io.tunnelsim.wire.Lsa;
import io.tunnelsim.wire.MalformedPacketException;
import io.tunnelsim.wire.OspfCodec;
import io.tunnelsim.wire.OspfLinkStateUpdate;
import io.tunnelsim.wire.OspfPacket;
import java.util.ArrayList;
import java.util.List;

/** Taps every segment and decodes every OSPF packet on the wire (plain or inside GRE) with the codecs. */
final class OspfWireCheck {
    long packets;
    int largestOspfDatagram;
    long lsas;
    final long[] byType = new long[6];
    final List<String> failures = new ArrayList<>();
    final List<String> ttlOrDestinationProblems = new ArrayList<>();

    OspfWireCheck(Network net) {
        for (Segment s : net.segments()) {
            s.addTap((t, b, off, len) -> frame(b, off, len));
        }
    }

    private void frame(byte[] b, int off, int len) {
        if (len < 14 || (((b[off + 12] & 0xff) << 8) | (b[off + 13] & 0xff)) != 0x0800) {
            return;
        }
        ip(b, off + 14, len - 14, false);
    }

    private void ip(byte[] b, int off, int len, boolean inner) {
        try {
            int total = Ipv4Codec.validate(b, off, len);
            int hl = Ipv4Codec.headerLength(b, off);
            int proto = Ipv4Codec.protocol(b, off);
            if (proto == GreCodec.IP_PROTOCOL && !inner) {
                GreHeader g = GreCodec.decode(b, off + hl, total - hl);
                if (g.protocolType() == 0x0800) {
                    ip(b, off + hl + g.length(), total - hl - g.length(), true);
                }
            } else if (proto == OspfCodec.IP_PROTOCOL) {
                if (Ipv4Codec.ttl(b, off) != 1) {
                    ttlOrDestinationProblems.add("TTL " + Ipv4Codec.ttl(b, off));
                }
                OspfPacket p = OspfCodec.decode(b, off + hl, total - hl);
                largestOspfDatagram = Math.max(largestOspfDatagram, total);
                packets++;
                byType[p.type()]++;
                if (p.message() instanceof OspfLinkStateUpdate u) {
                    for (Lsa l : u.lsas()) {
                        lsas++;
                        if (l.length() < 20) {
                            failures.add("short LSA");
                        }
                    }
                }
            }
        } catch (MalformedPacketException e) {
            failures.add(e.reason() + ": " + e.getMessage());
        }
    }
}
