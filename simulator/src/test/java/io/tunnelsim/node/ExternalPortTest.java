package io.tunnelsim.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.sim.SimTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The external port of a segment: what live mode's TAP devices attach to. */
class ExternalPortTest {
    static final long MS = SimTime.MILLISECOND;

    record Got(long time, byte[] frame) {
    }

    /** An ARP request for {@code target} from MAC 02:00:00:00:00:99 / 10.0.0.99, padded to 60 bytes. */
    static byte[] arpRequest(int target) {
        byte[] f = new byte[60];
        for (int i = 0; i < 6; i++) {
            f[i] = (byte) 0xff;
        }
        byte[] mac = {0x02, 0, 0, 0, 0, (byte) 0x99};
        System.arraycopy(mac, 0, f, 6, 6);
        f[12] = 0x08;
        f[13] = 0x06;
        int p = 14;
        f[p + 1] = 1;            // htype Ethernet
        f[p + 2] = 0x08;         // ptype IPv4
        f[p + 4] = 6;
        f[p + 5] = 4;
        f[p + 7] = 1;            // request
        System.arraycopy(mac, 0, f, p + 8, 6);
        f[p + 14] = 10;
        f[p + 17] = (byte) 0x99; // 10.0.0.99
        f[p + 24] = (byte) (target >>> 24);
        f[p + 25] = (byte) (target >>> 16);
        f[p + 26] = (byte) (target >>> 8);
        f[p + 27] = (byte) target;
        return f;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 7, 42})
    void injectedArpRequestIsAnsweredThroughTheSink(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long delay = (1 + rnd.nextInt(20)) * MS;
        Network net = new Network(seed);
        Router r = net.addRouter("r1");
        EthernetInterface e = net.addEthernet(r, "eth0", Ipv4Prefix.parse("10.0.0.1/24"), 1500);
        Segment s = net.connect("lan", 100_000_000L, delay, 0, 1500, 100, e);
        List<Got> got = new ArrayList<>();
        ExternalPort x = s.attachExternal("tap0", (b, off, len) -> got.add(new Got(net.scheduler().now(),
                java.util.Arrays.copyOfRange(b, off, off + len))));
        net.start();
        long at = (1 + rnd.nextInt(1000)) * MS;
        net.scheduler().runUntil(at);
        x.inject(arpRequest(0x0a000001), 0, 60);
        net.scheduler().runUntil(at + SimTime.SECOND);
        assertEquals(1, got.size(), "one ARP reply");
        byte[] reply = got.get(0).frame();
        assertEquals(0x0806, ((reply[12] & 0xff) << 8) | (reply[13] & 0xff));
        assertEquals(2, reply[14 + 7], "ARP reply opcode");
        assertEquals((byte) 0x99, reply[5], "addressed to the requester's MAC");
        // request and reply each cross the segment once: serialization of 60 bytes + delay, twice
        long expected = at + 2 * (s.serialization(60) + delay);
        assertTrue(got.get(0).time() >= expected && got.get(0).time() <= expected + s.serialization(64) - s.serialization(60) + 1,
                "reply at " + got.get(0).time() + ", expected about " + expected);
        assertEquals(1, x.framesIn);
        assertEquals(1, x.framesOut);
    }

    @Test
    void silentFailureCutsTheExternalPortOffBothWays() {
        Network net = new Network(1);
        Router r = net.addRouter("r1");
        EthernetInterface e = net.addEthernet(r, "eth0", Ipv4Prefix.parse("10.0.0.1/24"), 1500);
        Segment s = net.connect("lan", 100_000_000L, MS, 0, 1500, 100, e);
        List<Got> got = new ArrayList<>();
        ExternalPort x = s.attachExternal("tap0", (b, off, len) -> got.add(new Got(0, null)));
        net.start();
        s.setSilentFailure(true);
        x.inject(arpRequest(0x0a000001), 0, 60);
        net.scheduler().runUntil(SimTime.SECOND);
        assertEquals(0, got.size());
        assertEquals(1, s.framesSilentlyDropped, "the request vanished before reaching r1");
        s.setSilentFailure(false);
        x.inject(arpRequest(0x0a000001), 0, 60);
        net.scheduler().runUntil(2 * SimTime.SECOND);
        assertEquals(1, got.size(), "answered once restored");
    }

    @Test
    void framesShorterThanAnEthernetHeaderAreRefused() {
        Network net = new Network(1);
        Segment s = net.connect("lan", 100_000_000L, MS, 0, 1500, 100);
        ExternalPort x = s.attachExternal("tap0", (b, off, len) -> { });
        assertThrows(IllegalArgumentException.class, () -> x.inject(new byte[13], 0, 13));
    }
}
