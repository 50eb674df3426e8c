package io.tunnelsim.routing.rip;

import static io.tunnelsim.routing.rip.RipSites.S;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.node.Node;
import io.tunnelsim.node.Segment;
import io.tunnelsim.wire.Bytes;
import io.tunnelsim.wire.GreCodec;
import io.tunnelsim.wire.GreHeader;
import io.tunnelsim.wire.Ipv4Codec;
import io.tunnelsim.wire.Ipv4Header;
import io.tunnelsim.wire.MalformedPacketException;
import io.tunnelsim.wire.RipCodec;
import io.tunnelsim.wire.RipEntry;
import io.tunnelsim.wire.RipPacket;
import io.tunnelsim.wire.UdpCodec;
import io.tunnelsim.wire.UdpHeader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every RIP packet on every wire of the GRE network, taken from the frames themselves (inside
 * GRE where it travels through a tunnel), is a valid RIPv2 message in a valid UDP datagram.
 */
class RipPacketBytesTest {

    /** One captured RIP message with the headers around it. */
    record Captured(String segment, boolean inGre, Ipv4Header ip, UdpHeader udp, RipPacket rip, byte[] bytes,
                    long etherDst) {
    }

    static List<Captured> capture(RipSites t) {
        List<Captured> out = new ArrayList<>();
        for (Segment s : t.net.segments()) {
            s.addTap((time, b, off, len) -> {
                if (Bytes.u16(b, off + 12) == 0x0800) {
                    parseIpv4(s.name(), b, off + 14, len - 14, false, Bytes.u16(b, off) * 0x1_0000_0000L
                            + Bytes.u32(b, off + 2), out);
                }
            });
        }
        return out;
    }

    static void parseIpv4(String seg, byte[] b, int off, int len, boolean inGre, long etherDst, List<Captured> out) {
        try {
            Ipv4Header ip = Ipv4Codec.decode(b, off, len);
            int hl = ip.headerLength();
            if (ip.protocol() == Ipv4Header.PROTO_GRE) {
                GreHeader g = GreCodec.decode(b, off + hl, ip.totalLength() - hl);
                if (g.protocolType() == GreHeader.IPV4) {
                    int inner = off + hl + g.length();
                    parseIpv4(seg, b, inner, ip.totalLength() - hl - g.length(), true, etherDst, out);
                }
                return;
            }
            if (ip.protocol() != Ipv4Header.PROTO_UDP) {
                return;
            }
            UdpHeader u = UdpCodec.decode(b, off + hl, ip.totalLength() - hl, ip.source().bits(), ip.destination().bits());
            if (u.destinationPort() != RipPacket.UDP_PORT && u.sourcePort() != RipPacket.UDP_PORT) {
                return;
            }
            int at = off + hl + UdpHeader.LENGTH;
            int n = u.length() - UdpHeader.LENGTH;
            RipPacket m = RipCodec.decode(b, at, n);
            out.add(new Captured(seg, inGre, ip, u, m, Arrays.copyOfRange(b, at, at + n), etherDst));
        } catch (MalformedPacketException e) {
            throw new AssertionError("malformed packet on " + seg + ": " + e.getMessage());
        }
    }

    @Test
    void everyRipPacketOnTheWireIsWellFormedRipV2() {
        RipSites t = RipSites.gre(4, RipSites.POISON_WITH_REQUEST);
        // thirty extra networks on d make its full updates need two packets
        Node d = t.net.node("d");
        for (int i = 0; i < 30; i++) {
            t.net.addLoopback(d, "lo" + i, Ipv4Prefix.parse("10.200." + i + ".1/24"));
            t.rip.get("d").enable("lo" + i, true, 0);
        }
        List<Captured> got = capture(t);
        t.net.scheduler().schedule(100 * S, () -> t.net.segment("a-b").setCarrier(false));
        t.net.runUntil(200 * S);
        assertTrue(got.size() > 100, got.size() + " packets");
        int full = 0;
        int requests = 0;
        int unicast = 0;
        int tunnelled = 0;
        int poisoned = 0;
        int group = RipCodec.RIP2_ROUTERS.bits();
        for (Captured c : got) {
            String where = c.segment() + " " + c.ip().source() + " > " + c.ip().destination();
            assertEquals(2, c.rip().version(), where);
            assertEquals(RipPacket.UDP_PORT, c.udp().sourcePort(), where);
            assertEquals(RipPacket.UDP_PORT, c.udp().destinationPort(), where);
            // as FRR ripd: DF set on every RIP datagram, TTL 1 on multicast, 64 on unicast replies
            assertTrue(c.ip().dontFragment(), "DF set: " + where);
            assertEquals(c.ip().destination().bits() == RipCodec.RIP2_ROUTERS.bits() ? 1 : 64, c.ip().ttl(), where);
            int n = c.rip().entries().size();
            assertTrue(n >= 1 && n <= 25, where + ": " + n + " entries");
            assertEquals(4 + 20 * n, c.bytes().length, where);
            assertEquals(c.bytes().length + 8, c.udp().length(), where);
            assertTrue(c.bytes().length >= 24 && c.bytes().length <= 504);
            // byte-accurate: re-encoding the decoded message gives the same bytes
            byte[] again = new byte[c.bytes().length];
            RipCodec.encode(c.rip(), again, 0);
            assertArrayEquals(c.bytes(), again, where);
            if (c.ip().destination().bits() == group) {
                if (!c.inGre()) {
                    assertEquals(0x01005e000009L, c.etherDst(), "multicast MAC on a LAN");
                }
            } else {
                unicast++;
                Ipv4Prefix onLink = new Ipv4Prefix(c.ip().source(), 30);
                assertTrue(onLink.contains(c.ip().destination()), "answers go to the on-link requester: " + where);
            }
            if (c.inGre()) {
                tunnelled++;
            }
            if (c.rip().command() == RipPacket.REQUEST) {
                requests++;
                assertTrue(c.rip().isWholeTableRequest(), where);
                continue;
            }
            if (n == 25) {
                full++;
            }
            for (RipEntry e : c.rip().entries()) {
                assertEquals(RipEntry.AFI_IPV4, e.addressFamily(), where);
                assertEquals(Ipv4Address.ANY, e.nextHop(), where);
                assertTrue(e.hasContiguousMask(), where);
                assertEquals(0, e.address().bits() & ~e.mask().bits(), where);
                if (e.metric() == 16) {
                    poisoned++;
                }
            }
        }
        assertTrue(full > 0, "full updates from d fill packets of 25 entries");
        assertTrue(requests >= 8, "a request on every tunnel end at start: " + requests);
        assertTrue(unicast > 0, "answers to requests are unicast");
        assertEquals(got.size(), tunnelled, "RIP runs only on tunnels (LAN interfaces are passive)");
        assertTrue(poisoned > 0, "poison reverse and withdrawn routes carry metric 16");
    }

    @Test
    void aFullUpdateFromDIsSplitIntoTwentyFiveAndTheRest() {
        RipSites t = RipSites.gre(4, RipSites.POISON_WITH_REQUEST);
        Node d = t.net.node("d");
        for (int i = 0; i < 30; i++) {
            t.net.addLoopback(d, "lo" + i, Ipv4Prefix.parse("10.200." + i + ".1/24"));
            t.rip.get("d").enable("lo" + i, true, 0);
        }
        List<Captured> got = capture(t);
        t.net.runUntil(120 * S);
        // d's periodic updates to c: its whole table minus split horizon, in order, 25 + rest
        List<Captured> fromD = new ArrayList<>();
        for (Captured c : got) {
            if (c.ip().source().equals(Ipv4Address.parse("172.16.0.14")) && c.rip().command() == RipPacket.RESPONSE
                    && c.ip().destination().bits() == RipCodec.RIP2_ROUTERS.bits()) {
                fromD.add(c);
            }
        }
        int i = fromD.size() - 1;
        assertEquals(25, fromD.get(i - 1).rip().entries().size());
        int total = 25 + fromD.get(i).rip().entries().size();
        // 30 loopbacks + d's LAN + the six networks learnt from c (advertised back poisoned)
        assertEquals(30 + 1 + 6, total);
        // entries are sorted by prefix across the two packets
        List<RipEntry> all = new ArrayList<>(fromD.get(i - 1).rip().entries());
        all.addAll(fromD.get(i).rip().entries());
        for (int k = 1; k < all.size(); k++) {
            assertTrue(all.get(k - 1).prefix().compareTo(all.get(k).prefix()) < 0);
        }
    }
}
