package io.tunnelsim.routing.ospf;

import static io.tunnelsim.routing.ospf.OspfLab.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.node.Segment;
import io.tunnelsim.wire.Ipv4Codec;
import io.tunnelsim.wire.MalformedPacketException;
import io.tunnelsim.wire.OspfCodec;
import io.tunnelsim.wire.OspfPacket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * On a broadcast LAN, the Link State Updates that answer Link State Requests are multicast
 * (RFC 2328 A.3.5 and §13.3: AllSPFRouters from the DR and BDR, AllDRouters from a DROther),
 * as FRR sends them; only retransmissions go to the neighbour's own address. Checked on the
 * frames: every OSPF packet on the LAN is decoded and each LS Request is paired with the next
 * LS Update its recipient sends.
 */
class OspfLanUpdateDestinationTest {

    private record Answer(String from, String to, long at, OspfInterface.State senderState) {
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 7, 42})
    void lsUpdatesAnsweringRequestsAreMulticastOnABroadcastLan(long seed) {
        OspfLab lab = new OspfLab(seed);
        String[] rs = {"r1", "r2", "r3", "r4"};
        for (int i = 0; i < 4; i++) {
            lab.router(rs[i], (i + 1) + "." + (i + 1) + "." + (i + 1) + "." + (i + 1));
        }
        Segment lan = lab.lan("lan", "10.0.0.0/24", rs, new int[] {1, 5, 1, 0});
        Map<Integer, Integer> requestedFrom = new HashMap<>(); // LSR recipient -> requester
        List<Answer> answers = new ArrayList<>();
        List<String> unicastUpdates = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        lan.addTap((t, b, off, len) -> {
            if (len < 14 || (((b[off + 12] & 0xff) << 8) | (b[off + 13] & 0xff)) != 0x0800) {
                return; // ARP
            }
            int ip = off + 14;
            try {
                int total = Ipv4Codec.validate(b, ip, len - 14);
                if (Ipv4Codec.protocol(b, ip) != OspfCodec.IP_PROTOCOL) {
                    return;
                }
                int hl = Ipv4Codec.headerLength(b, ip);
                OspfPacket p = OspfCodec.decode(b, ip + hl, total - hl);
                int src = Ipv4Codec.source(b, ip);
                int dst = Ipv4Codec.destination(b, ip);
                if (p.type() == 3) {
                    requestedFrom.put(dst, src);
                } else if (p.type() == 4) {
                    if (!new Ipv4Address(dst).isMulticast()) {
                        unicastUpdates.add(new Ipv4Address(src) + " > " + new Ipv4Address(dst) + " at " + t);
                    }
                    Integer requester = requestedFrom.remove(src);
                    if (requester != null) {
                        // the sender's interface state when the frame is on the wire decides the group
                        OspfInterface.State st = lab.ospf(rs[(src & 0xff) - 1]).interfaces().get(1).state();
                        answers.add(new Answer(new Ipv4Address(src).toString(), new Ipv4Address(dst).toString(), t, st));
                    }
                }
            } catch (MalformedPacketException e) {
                failures.add(e.getMessage());
            }
        });
        lab.runUntil(60 * S);
        int full = 0;
        for (String r : rs) {
            full += (int) lab.ospf(r).neighbors().stream().filter(n -> n.state() == OspfNeighbor.State.FULL).count();
        }
        assertEquals(10, full, "DR and BDR Full with all three others, the two DROthers with DR and BDR only");
        assertEquals(List.of(), failures);
        assertTrue(answers.size() >= 3, "every adjacency to the DR and BDR requests LSAs: " + answers);
        for (Answer a : answers) {
            boolean drOrBdr = a.senderState() == OspfInterface.State.DR || a.senderState() == OspfInterface.State.BACKUP;
            assertEquals(drOrBdr ? "224.0.0.5" : "224.0.0.6", a.to(), "LS Update answering a request: " + a);
        }
        assertTrue(answers.stream().anyMatch(a -> a.to().equals("224.0.0.5")), "the DR answers to AllSPFRouters: " + answers);
        // unicast updates remain only as retransmissions (§13.6), RxmtInterval after the exchange
        for (String u : unicastUpdates) {
            long at = Long.parseLong(u.substring(u.lastIndexOf(' ') + 1));
            assertTrue(answers.stream().noneMatch(a -> a.at() == at && u.startsWith(a.from() + " ")), "unicast answer " + u);
        }
    }
}
