package io.tunnelsim.tunnel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tunnelsim.node.Node;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.wire.IcmpCodec;
import io.tunnelsim.wire.IcmpMessage;
import io.tunnelsim.wire.Ipv4Codec;
import io.tunnelsim.wire.Ipv4Header;
import io.tunnelsim.wire.PacketBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tunnel path-MTU discovery against ICMP fragmentation-needed of every shape, valid or not:
 * seeded random next-hop MTUs (0 for an RFC 792 router, below 68, above the current one),
 * quoted headers that are ours, someone else's or cut short, and random bytes. The tunnel MTU
 * must follow RFC 1191 exactly — only decreases, never below 68 for the path or below
 * {@code min-mtu} for the tunnel, the §7 plateau when no MTU is given — and nothing else may
 * happen: no exception, no change from a message that is not about our outer packets.
 */
class TunnelPathMtuTest {
    static final int HQ = 0xCB007102;      // 203.0.113.2, the tunnel source
    static final int BR = 0xC6336402;      // 198.51.100.2, the tunnel destination
    static final int ISP = 0xCB007101;     // 203.0.113.1
    static final int[] PLATEAUS = {32000, 17914, 8166, 4352, 2002, 1492, 1006, 508, 296, 68};

    static void deliver(Node hq, IcmpMessage m) {
        PacketBuffer p = IcmpCodec.toBuffer(m);
        Ipv4Codec.push(p, 0xc0, 1, 0, 64, Ipv4Header.PROTO_ICMP, ISP, HQ);
        hq.ipv4().receive(p, hq.interfaceNamed("eth0"));
    }

    /** A quoted IPv4 header (20 bytes) and the first 8 bytes after it. */
    static byte[] quote(int src, int dst, int proto, int totalLength) {
        byte[] q = new byte[28];
        Ipv4Codec.write(q, 0, 0, totalLength, 7, Ipv4Codec.FLAG_DF, 254, proto, src, dst);
        return q;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void tunnelMtuFollowsRfc1191(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int minMtu = 92 + rnd.nextInt(400);
        TunnelConfig cfg = TwoSites.hqDefault().withPmtu(new TunnelConfig.Pmtu(true, true, 0, minMtu));
        TwoSites t = new TwoSites(seed, cfg, TwoSites.brDefault());
        t.net.runUntil(SimTime.SECOND);
        Node hq = t.net.node("hq");
        int learned = 0;
        for (int i = 0; i < 400; i++) {
            int kind = rnd.nextInt(6);
            int mtu = switch (rnd.nextInt(4)) {
                case 0 -> 0;
                case 1 -> rnd.nextInt(68);
                case 2 -> 68 + rnd.nextInt(1500 - 68);
                default -> rnd.nextInt(65536);
            };
            int quotedLength = 20 + rnd.nextInt(65516);
            byte[] data = switch (kind) {
                case 0, 1 -> quote(HQ, BR, Ipv4Header.PROTO_GRE, quotedLength);           // ours
                case 2 -> quote(HQ, 0x0A020A0A, Ipv4Header.PROTO_GRE, quotedLength);       // GRE elsewhere
                case 3 -> quote(HQ, BR, Ipv4Header.PROTO_UDP, quotedLength);               // not GRE
                case 4 -> java.util.Arrays.copyOf(quote(HQ, BR, Ipv4Header.PROTO_GRE, quotedLength), rnd.nextInt(20));
                default -> {
                    byte[] b = new byte[rnd.nextInt(40)];
                    rnd.nextBytes(b);
                    yield b;
                }
            };
            int code = rnd.nextInt(10) == 0 ? IcmpMessage.CODE_HOST_UNREACHABLE : IcmpMessage.CODE_FRAGMENTATION_NEEDED;
            deliver(hq, new IcmpMessage(IcmpMessage.DEST_UNREACHABLE, code, mtu & 0xffff, data));
            if (kind <= 1 && code == IcmpMessage.CODE_FRAGMENTATION_NEEDED) {
                int path = mtu;
                if (path == 0) {
                    path = 68;
                    for (int p : PLATEAUS) {
                        if (p < quotedLength) {
                            path = p;
                            break;
                        }
                    }
                }
                boolean lowers = Math.max(minMtu, path - 24) < 1476;
                if (path >= 68 && (learned == 0 || path < learned) && lowers) {
                    learned = path;
                }
            }
            assertEquals(learned, t.hqTunnel.learnedPathMtu(), "message " + i);
            assertEquals(learned == 0 ? 1476 : Math.max(minMtu, learned - 24), t.hqTunnel.mtu(), "message " + i);
        }
    }
}
