package io.tunnelsim.routing.ospf;

import static io.tunnelsim.routing.ospf.OspfLab.AREA0;
import static io.tunnelsim.routing.ospf.OspfLab.MS;
import static io.tunnelsim.routing.ospf.OspfLab.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.node.Segment;
import io.tunnelsim.wire.Ipv4Codec;
import io.tunnelsim.wire.MalformedPacketException;
import io.tunnelsim.wire.OspfCodec;
import io.tunnelsim.wire.OspfHello;
import io.tunnelsim.wire.OspfPacket;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * IOS fast hellos ({@code ip ospf dead-interval minimal hello-multiplier N}): N hellos a second,
 * HelloInterval 0 and RouterDeadInterval 1 in every hello on the wire, so routers with different
 * multipliers form adjacencies; a neighbour that stops is declared down at most 1 s after its
 * last hello.
 */
class OspfFastHelloTest {

    /** Hellos seen on the LAN: sender router ID, time, hello field, dead field. */
    private record Seen(String from, long at, int hello, long dead) {
    }

    private static List<Seen> tap(Segment lan, List<String> failures) {
        List<Seen> out = new ArrayList<>();
        lan.addTap((t, b, off, len) -> {
            if (len < 14 || (((b[off + 12] & 0xff) << 8) | (b[off + 13] & 0xff)) != 0x0800) {
                return;
            }
            int ip = off + 14;
            try {
                int total = Ipv4Codec.validate(b, ip, len - 14);
                if (Ipv4Codec.protocol(b, ip) != OspfCodec.IP_PROTOCOL) {
                    return;
                }
                int hl = Ipv4Codec.headerLength(b, ip);
                OspfPacket p = OspfCodec.decode(b, ip + hl, total - hl);
                if (p.message() instanceof OspfHello h) {
                    out.add(new Seen(p.routerId().toString(), t, h.helloInterval(), h.routerDeadInterval()));
                }
            } catch (MalformedPacketException e) {
                failures.add(e.getMessage());
            }
        });
        return out;
    }

    private static OspfLab lan(long seed, int m1, int m2, int m3) {
        OspfLab lab = new OspfLab(seed);
        lab.router("r1", "1.1.1.1");
        lab.router("r2", "2.2.2.2");
        lab.router("r3", "3.3.3.3"); // three ports: a switch, so shutting r2's port leaves r1's up
        lab.lan("lan", "10.0.0.0/24", new String[] {"r1", "r2", "r3"}, new int[] {1, 1, 1});
        int[] m = {m1, m2, m3};
        for (int i = 0; i < 3; i++) {
            lab.configure("r" + (i + 1), "eth0", OspfInterfaceConfig.inArea(AREA0).withFastHello(m[i]));
        }
        return lab;
    }

    static Stream<Arguments> shutdowns() {
        SplittableRandom r = new SplittableRandom(2026);
        return LongStream.range(1, 9).mapToObj(seed -> Arguments.of(seed, 20 * S + r.nextLong(S), 3 + r.nextInt(18)));
    }

    @ParameterizedTest
    @MethodSource("shutdowns")
    void aStoppedNeighbourIsDeclaredDownWithinOneSecondOfItsLastHello(long seed, long shut, int multiplier) {
        OspfLab lab = lan(seed, 4, multiplier, 20);
        List<String> failures = new ArrayList<>();
        List<Seen> hellos = tap(lab.net.segment("lan"), failures);
        lab.runUntil(shut);
        assertTrue(lab.allFull(), "routers with multipliers 4, " + multiplier + " and 20 are adjacent");
        // on the wire: hello 0 and dead 1 from everyone; r1 sends 4 a second (each period shortened by up to 10 %)
        assertEquals(List.of(), failures);
        assertTrue(hellos.stream().allMatch(h -> h.hello() == 0 && h.dead() == 1), "hello 0 / dead 1 on the wire");
        long r1In10s = hellos.stream().filter(h -> h.from().equals("1.1.1.1") && h.at() >= 10 * S && h.at() < 20 * S).count();
        assertTrue(r1In10s >= 40 && r1In10s <= 45, r1In10s + " hellos from r1 in 10 s at multiplier 4");
        long lastFromR2 = hellos.stream().filter(h -> h.from().equals("2.2.2.2")).mapToLong(Seen::at).max().orElseThrow();
        lab.itf("r2", "eth0").setAdminUp(false);
        lab.runUntil(shut + 3 * S);
        long down = lab.firstLog("r1", "Nbr 2.2.2.2 on eth0 from FULL to DOWN, Neighbor Down: Dead timer expired", shut);
        // the dead timer is 1 s from the last hello heard (1 ms link delay), never later
        assertEquals(lastFromR2 + S + MS, down, MS, "dead 1 s after r2's last hello");
        long period = S / multiplier;
        assertTrue(down - shut <= S + MS && down - shut >= S - period, "declared down " + (down - shut) / 1e6
                + " ms after the shutdown, within 1 s and at least 1 s - one hello period (" + period / 1e6 + " ms)");
    }

    @Test
    void fastHellosAndTenSecondHellosDoNotFormAnAdjacency() {
        OspfLab lab = new OspfLab(3);
        lab.router("r1", "1.1.1.1");
        lab.router("r2", "2.2.2.2");
        lab.link("r1", "r2", "10.0.0.0/30", OspfInterfaceConfig.inArea(AREA0).withFastHello(3),
                OspfInterfaceConfig.inArea(AREA0));
        lab.runUntil(30 * S);
        assertTrue(lab.ospf("r1").neighbors().isEmpty(), "RFC 2328 §10.5: HelloInterval 10 against 0");
        assertFalse(lab.ospf("r2").neighbors().stream().anyMatch(n -> n.state() == OspfNeighbor.State.FULL));
        assertTrue(lab.firstLog("r1", "mismatched hello parameters from 10.0.0.2, dead R 40 C 1, hello R 10 C 0", 0) > 0);
    }
}
