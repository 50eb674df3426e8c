package io.tunnelsim.routing.rip;

import static io.tunnelsim.routing.rip.RipSites.MS;
import static io.tunnelsim.routing.rip.RipSites.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.node.EthernetInterface;
import io.tunnelsim.node.FibEntry;
import io.tunnelsim.node.Network;
import io.tunnelsim.node.Node;
import io.tunnelsim.wire.Ipv4Header;
import io.tunnelsim.wire.PacketBuffer;
import io.tunnelsim.wire.UdpCodec;
import java.io.ByteArrayOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RIP on one LAN segment 10.0.0.0/24 shared by r1 (.1), r2 (.2) and r3 (.3), each with a stub
 * LAN 10.1N.0.0/24 and a host; station x (.9) on the segment injects hand-made packets, and
 * station y (10.99.0.5/24) sits on the same wire but in another subnet.
 */
class RipLanTest {
    record Route1(long metric, String nextHop, String egress) {
    }

    static final class Lan {
        final Network net;
        final RipProcess[] rip = new RipProcess[4];
        final EthernetInterface xEth;
        final EthernetInterface yEth;

        Lan() {
            this(RipConfig.defaults(), 0, true, RipConfig.defaults());
        }

        Lan(RipConfig cfg, int r1Offset, boolean passiveStubs, RipConfig r3cfg) {
            net = new Network(5);
            EthernetInterface[] lan = new EthernetInterface[5];
            for (int i = 1; i <= 3; i++) {
                Node r = net.addRouter("r" + i);
                Node h = net.addHost("h" + i);
                lan[i - 1] = net.addEthernet(r, "eth0", Ipv4Prefix.parse("10.0.0." + i + "/24"), 1500);
                net.connect("stub" + i, 100_000_000L, MS, 0, 1500, 1000,
                        net.addEthernet(r, "lan0", Ipv4Prefix.parse("10.1" + i + ".0.1/24"), 1500),
                        net.addEthernet(h, "eth0", Ipv4Prefix.parse("10.1" + i + ".0.10/24"), 1500));
                rip[i] = RipProcess.create(r, i == 3 ? r3cfg : cfg).enable("eth0", false, i == 1 ? r1Offset : 0)
                        .enable("lan0", passiveStubs, 0);
            }
            xEth = net.addEthernet(net.addHost("x"), "eth0", Ipv4Prefix.parse("10.0.0.9/24"), 1500);
            yEth = net.addEthernet(net.addHost("y"), "eth0", Ipv4Prefix.parse("10.99.0.5/24"), 1500);
            lan[3] = xEth;
            lan[4] = yEth;
            net.connect("lan", 100_000_000L, MS, 0, 1500, 1000, lan);
        }

        Route1 route(String node, String prefix) {
            FibEntry e = net.node(node).fib().get(Ipv4Prefix.parse(prefix));
            return e == null ? null : new Route1(e.first().metric(), new Ipv4Address(e.first().nextHop()).toString(),
                    e.first().egress().name());
        }

        void send(EthernetInterface from, int srcPort, byte[] payload) {
            PacketBuffer p = PacketBuffer.allocate(payload.length);
            System.arraycopy(payload, 0, p.array(), p.append(payload.length), payload.length);
            from.node().ipv4().sendUdpOn(from, p, Ipv4Address.parse("224.0.0.9").bits(), srcPort, 520, 1);
        }
    }

    @Test
    void routersOnALanLearnEachOthersStubsThroughTheSender() {
        Lan t = new Lan();
        t.net.runUntil(60 * S);
        assertEquals(new Route1(2, "10.0.0.2", "eth0"), t.route("r1", "10.12.0.0/24"));
        assertEquals(new Route1(2, "10.0.0.3", "eth0"), t.route("r1", "10.13.0.0/24"));
        assertEquals(new Route1(2, "10.0.0.1", "eth0"), t.route("r3", "10.11.0.0/24"));
        // the shared LAN is connected everywhere and never replaced by a RIP route
        assertEquals(0, t.route("r2", "10.0.0.0/24").metric());
        assertEquals("connected", t.rip[2].route(Ipv4Prefix.parse("10.0.0.0/24")).origin());
        // passive stubs: nothing is multicast towards the hosts
        assertEquals(0, t.net.node("h1").counters().drops("multicast-not-joined"));
        assertTrue(t.rip[1].neighbors().containsKey(Ipv4Address.parse("10.0.0.2")));
        assertTrue(t.rip[1].neighbors().containsKey(Ipv4Address.parse("10.0.0.3")));
        assertTrue(t.rip[1].showProtocols().contains("10.0.0.3"));
    }

    @Test
    void nonPassiveStubSendsUpdatesToItsHost() {
        Lan t = new Lan(RipConfig.defaults(), 0, false, RipConfig.defaults());
        t.net.runUntil(60 * S);
        assertTrue(t.net.node("h1").counters().drops("multicast-not-joined") >= 2);
    }

    @Test
    void offsetIsAddedToReceivedMetrics() {
        Lan t = new Lan(RipConfig.defaults(), 3, true, RipConfig.defaults());
        t.net.runUntil(60 * S);
        assertEquals(5, t.route("r1", "10.12.0.0/24").metric());
        assertEquals(2, t.route("r2", "10.13.0.0/24").metric());
        // r1 advertises with its own (offset) metric: r2 learns r1's stub at 2, not affected
        assertEquals(2, t.route("r2", "10.11.0.0/24").metric());
    }

    @Test
    void defaultRouteOriginationReachesTheOthers() {
        Lan t = new Lan(RipConfig.defaults(), 0, true, RipConfig.defaults().withOriginateDefault(true));
        t.net.runUntil(60 * S);
        assertEquals(new Route1(2, "10.0.0.3", "eth0"), t.route("r1", "0.0.0.0/0"));
        assertEquals("originated", t.rip[3].route(Ipv4Prefix.DEFAULT).origin());
        assertNull(t.route("r3", "0.0.0.0/0"), "the originator does not install its own default");
    }

    @Test
    void responsesFromOffTheSubnetAreCountedDrops() {
        Lan t = new Lan();
        t.net.runUntil(10 * S);
        t.send(t.yEth, 520, response(entry(2, 7, "10.77.0.0", "255.255.0.0", "0.0.0.0", 1)));
        t.net.runUntil(20 * S);
        assertEquals(1, t.net.node("r1").counters().drops("rip-source-not-on-link"));
        assertNull(t.route("r1", "10.77.0.0/16"));
        // the same entry from an on-link station is learnt, with its route tag
        t.send(t.xEth, 520, response(entry(2, 7, "10.77.0.0", "255.255.0.0", "0.0.0.0", 1)));
        t.net.runUntil(21 * S);
        assertEquals(new Route1(2, "10.0.0.9", "eth0"), t.route("r1", "10.77.0.0/16"));
        assertEquals(7, t.rip[1].route(Ipv4Prefix.parse("10.77.0.0/16")).tag());
    }

    @Test
    void nextHopFieldOnTheSubnetIsUsed() {
        Lan t = new Lan();
        t.net.runUntil(10 * S);
        t.send(t.xEth, 520, response(entry(2, 0, "10.78.0.0", "255.255.0.0", "10.0.0.3", 4)));
        t.net.runUntil(11 * S);
        assertEquals(new Route1(5, "10.0.0.3", "eth0"), t.route("r1", "10.78.0.0/16"));
        // a next hop off the subnet means "via the sender"
        t.send(t.xEth, 520, response(entry(2, 0, "10.79.0.0", "255.255.0.0", "172.31.0.1", 4)));
        t.net.runUntil(12 * S);
        assertEquals(new Route1(5, "10.0.0.9", "eth0"), t.route("r1", "10.79.0.0/16"));
    }

    @Test
    void learntRouteTimesOutAndIsFlushedAfterGarbageCollection() {
        Lan t = new Lan();
        RipConfig cfg = RipConfig.defaults();
        t.net.runUntil(10 * S);
        long sent = t.net.scheduler().now();
        t.send(t.xEth, 520, response(entry(2, 0, "10.80.0.0", "255.255.0.0", "0.0.0.0", 1)));
        t.net.runUntil(sent + cfg.timeout() - S);
        assertNotNull(t.route("r1", "10.80.0.0/16"));
        t.net.runUntil(sent + cfg.timeout() + 10 * MS);
        assertNull(t.route("r1", "10.80.0.0/16"), "out of the FIB at the timeout");
        assertEquals(16, t.rip[1].route(Ipv4Prefix.parse("10.80.0.0/16")).metric(), "still advertised as unreachable");
        t.net.runUntil(sent + cfg.timeout() + cfg.garbage() + 10 * MS);
        assertNull(t.rip[1].route(Ipv4Prefix.parse("10.80.0.0/16")), "deleted after garbage collection");
    }

    // ------------------------------------------------------------------ malformed input

    static byte[] header(int command, int version) {
        return new byte[] {(byte) command, (byte) version, 0, 0};
    }

    static byte[] entry(int afi, int tag, String address, String mask, String nextHop, long metric) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(afi >>> 8);
        o.write(afi);
        o.write(tag >>> 8);
        o.write(tag);
        o.writeBytes(Ipv4Address.parse(address).toBytes());
        o.writeBytes(Ipv4Address.parse(mask).toBytes());
        o.writeBytes(Ipv4Address.parse(nextHop).toBytes());
        o.write((int) (metric >>> 24));
        o.write((int) (metric >>> 16));
        o.write((int) (metric >>> 8));
        o.write((int) metric);
        return o.toByteArray();
    }

    static byte[] packet(byte[] head, byte[]... entries) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(head);
        for (byte[] e : entries) {
            o.writeBytes(e);
        }
        return o.toByteArray();
    }

    static byte[] response(byte[]... entries) {
        return packet(header(2, 2), entries);
    }

    static byte[] good() {
        return entry(2, 0, "10.60.0.0", "255.255.0.0", "0.0.0.0", 1);
    }

    static Stream<Arguments> malformed() {
        byte[][] many = new byte[26][];
        java.util.Arrays.fill(many, good());
        return Stream.of(
                Arguments.of("rip-truncated", 520, new byte[] {2, 2, 0}),
                Arguments.of("rip-bad-length", 520, java.util.Arrays.copyOf(response(good()), 23)),
                Arguments.of("rip-too-many-entries", 520, response(many)),
                Arguments.of("rip-bad-version", 520, packet(header(2, 0), good())),
                Arguments.of("rip-bad-command", 520, packet(header(3, 2), good())),
                Arguments.of("rip-bad-metric", 520, response(entry(2, 0, "10.60.0.0", "255.255.0.0", "0.0.0.0", 17))),
                Arguments.of("rip-bad-metric", 520, response(entry(2, 0, "10.60.0.0", "255.255.0.0", "0.0.0.0", 0))),
                // a clear-text authentication entry where no authentication is configured (RFC 2453 §5.2)
                Arguments.of("rip-auth-mismatch", 520, response(entry(0xffff, 2, "0.0.0.0", "0.0.0.0", "0.0.0.0", 1), good())),
                Arguments.of("rip-unsupported-version", 520, packet(header(2, 1), good())),
                Arguments.of("rip-bad-source-port", 521, response(good())));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void malformedPacketsAreCountedDropsWithTheirReason(String reason, int srcPort, byte[] payload) {
        Lan t = new Lan();
        t.net.runUntil(10 * S);
        long before = t.rip[1].badPackets();
        t.send(t.xEth, srcPort, payload);
        t.net.runUntil(11 * S);
        for (int i = 1; i <= 3; i++) {
            assertEquals(1, t.net.node("r" + i).counters().drops(reason), "r" + i + " " + reason);
        }
        assertEquals(before + 1, t.rip[1].badPackets());
        assertNull(t.route("r1", "10.60.0.0/16"), "nothing from a rejected packet is used");
        // the process keeps working
        t.net.runUntil(60 * S);
        assertEquals(2, t.route("r1", "10.12.0.0/24").metric());
    }

    @Test
    void invalidEntriesAreDroppedOneByOneAndTheRestIsUsed() {
        Lan t = new Lan();
        t.net.runUntil(10 * S);
        t.send(t.xEth, 520, response(
                entry(2, 0, "127.0.0.0", "255.0.0.0", "0.0.0.0", 1),
                entry(2, 0, "224.0.0.0", "240.0.0.0", "0.0.0.0", 1),
                entry(2, 0, "10.61.0.1", "255.255.0.0", "0.0.0.0", 1),
                entry(2, 0, "10.62.0.0", "255.0.255.0", "0.0.0.0", 1),
                entry(2, 0, "0.1.0.0", "255.255.0.0", "0.0.0.0", 1),
                entry(7, 0, "10.63.0.0", "255.255.0.0", "0.0.0.0", 1),
                good()));
        t.net.runUntil(11 * S);
        assertEquals(5, t.net.node("r1").counters().drops("rip-bad-entry"));
        assertEquals(5, t.rip[1].badEntries());
        assertEquals(0, t.rip[1].badPackets());
        assertEquals(new Route1(2, "10.0.0.9", "eth0"), t.route("r1", "10.60.0.0/16"));
        assertNull(t.route("r1", "10.63.0.0/16"), "unknown address families are ignored");
    }

    @Test
    void ownAddressAsSourceIsIgnored() {
        Lan t = new Lan();
        t.net.runUntil(10 * S);
        byte[] payload = response(good());
        PacketBuffer p = PacketBuffer.allocate(payload.length);
        System.arraycopy(payload, 0, p.array(), p.append(payload.length), payload.length);
        int spoofed = Ipv4Address.parse("10.0.0.1").bits();
        int group = Ipv4Address.parse("224.0.0.9").bits();
        UdpCodec.push(p, 520, 520, spoofed, group);
        t.net.node("x").ipv4().sendOn(t.xEth, p, spoofed, group, Ipv4Header.PROTO_UDP, 1);
        t.net.runUntil(11 * S);
        assertEquals(1, t.net.node("r1").counters().drops("rip-own-packet"));
        assertNull(t.route("r1", "10.60.0.0/16"));
        assertNotNull(t.route("r2", "10.60.0.0/16"), "the others take it as from 10.0.0.1");
    }

    @Test
    void specificRequestIsAnsweredEntryByEntry() {
        Lan t = new Lan();
        t.net.runUntil(30 * S);
        java.util.List<io.tunnelsim.wire.RipPacket> answers = new java.util.ArrayList<>();
        t.net.node("x").ipv4().registerUdp(5000, (in, p, hl) -> {
            try {
                int udp = p.offset() + hl;
                answers.add(io.tunnelsim.wire.RipCodec.decode(p.array(), udp + 8, p.length() - hl - 8));
            } catch (io.tunnelsim.wire.MalformedPacketException e) {
                throw new AssertionError(e);
            }
        });
        byte[] q = packet(header(1, 2), entry(2, 0, "10.12.0.0", "255.255.255.0", "0.0.0.0", 16),
                entry(2, 0, "10.55.0.0", "255.255.0.0", "0.0.0.0", 16));
        PacketBuffer p = PacketBuffer.allocate(q.length);
        System.arraycopy(q, 0, p.array(), p.append(q.length), q.length);
        t.net.node("x").ipv4().sendUdpOn(t.xEth, p, Ipv4Address.parse("10.0.0.1").bits(), 5000, 520, 1);
        t.net.runUntil(31 * S);
        assertEquals(1, answers.size());
        assertEquals(2, answers.get(0).entries().get(0).metric());
        assertEquals(16, answers.get(0).entries().get(1).metric());
    }
}
