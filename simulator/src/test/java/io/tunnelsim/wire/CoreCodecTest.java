package io.tunnelsim.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.MacAddress;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CoreCodecTest {

    /** The worked example of the IPv4 header checksum (checksum 0xb861). */
    private static final String KNOWN_IPV4 = "450000730000400040 11b861c0a80001c0a800c7".replace(" ", "");

    @Test
    void ipv4KnownHeaderDecodes() throws Exception {
        byte[] b = new byte[0x73];
        System.arraycopy(Bytes.fromHex(KNOWN_IPV4), 0, b, 0, 20);
        Ipv4Header h = Ipv4Codec.decode(b, 0, b.length);
        assertEquals(0x73, h.totalLength());
        assertTrue(h.dontFragment());
        assertEquals(64, h.ttl());
        assertEquals(17, h.protocol());
        assertEquals(0xb861, h.checksum());
        assertEquals("192.168.0.1", h.source().toString());
        assertEquals("192.168.0.199", h.destination().toString());
        byte[] out = new byte[20];
        Ipv4Codec.encode(h, out, 0);
        assertEquals(KNOWN_IPV4, Bytes.hex(out));
    }

    @Test
    void ipv4TtlDecrementKeepsChecksumValid() throws Exception {
        byte[] b = new byte[0x73];
        System.arraycopy(Bytes.fromHex(KNOWN_IPV4), 0, b, 0, 20);
        for (int i = 0; i < 63; i++) {
            Ipv4Codec.decrementTtl(b, 0);
            assertTrue(InternetChecksum.verify(b, 0, 20), "after decrement " + (i + 1));
        }
        assertEquals(1, Ipv4Codec.ttl(b, 0));
        byte[] fresh = b.clone();
        Ipv4Codec.updateChecksum(fresh, 0);
        assertArrayEquals(fresh, b);
    }

    @Test
    void ipv4MalformedHeadersAreTypedErrors() {
        byte[] good = new byte[0x73];
        System.arraycopy(Bytes.fromHex(KNOWN_IPV4), 0, good, 0, 20);
        assertReason("ipv4-truncated", good, 19);
        byte[] v6 = good.clone();
        v6[0] = 0x65;
        assertReason("ipv4-bad-version", v6, v6.length);
        byte[] ihl = good.clone();
        ihl[0] = 0x44;
        assertReason("ipv4-bad-header-length", ihl, ihl.length);
        byte[] sum = good.clone();
        sum[11] ^= 1;
        assertReason("ipv4-bad-checksum", sum, sum.length);
        assertReason("ipv4-truncated", good, 100);
    }

    private static void assertReason(String reason, byte[] b, int len) {
        MalformedPacketException e = assertThrows(MalformedPacketException.class, () -> Ipv4Codec.decode(b, 0, len));
        assertEquals(reason, e.reason());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void ipv4RoundTripsSeededRandomHeaders(long seed) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < 200; i++) {
            int payload = r.nextInt(0, 1480);
            Ipv4Header h = new Ipv4Header(20, r.nextInt(256), 20 + payload, r.nextInt(65536), r.nextBoolean(), r.nextBoolean(),
                    r.nextInt(8192), r.nextInt(256), r.nextInt(256), 0, new Ipv4Address(r.nextInt()), new Ipv4Address(r.nextInt()));
            byte[] b = new byte[20 + payload];
            Ipv4Codec.encode(h, b, 0);
            Ipv4Header d = Ipv4Codec.decode(b, 0, b.length);
            assertEquals(h.source(), d.source());
            assertEquals(h.destination(), d.destination());
            assertEquals(h.identification(), d.identification());
            assertEquals(h.fragmentOffset(), d.fragmentOffset());
            assertEquals(h.moreFragments(), d.moreFragments());
            assertEquals(h.dontFragment(), d.dontFragment());
            assertEquals(h.ttl(), d.ttl());
            assertEquals(h.protocol(), d.protocol());
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14})
    void randomBytesNeverThrowAnythingButMalformed(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < 2000; i++) {
            byte[] b = new byte[r.nextInt(0, 80)];
            r.nextBytes(b);
            if (b.length > 0 && r.nextBoolean()) {
                b[0] = 0x45;
            }
            try {
                Ipv4Codec.decode(b, 0, b.length);
            } catch (MalformedPacketException expected) {
                assertFalse(expected.reason().isEmpty());
            }
            try {
                IcmpCodec.decode(b, 0, b.length);
            } catch (MalformedPacketException expected) {
                assertTrue(expected.reason().startsWith("icmp-"));
            }
            try {
                ArpCodec.decode(b, 0, b.length);
            } catch (MalformedPacketException expected) {
                assertTrue(expected.reason().startsWith("arp-"));
            }
            try {
                UdpCodec.decode(b, 0, b.length, 1, 2);
            } catch (MalformedPacketException expected) {
                assertTrue(expected.reason().startsWith("udp-"));
            }
            try {
                EthernetCodec.decode(b, 0, b.length);
            } catch (MalformedPacketException expected) {
                assertEquals("eth-truncated", expected.reason());
            }
        }
    }

    @Test
    void icmpEchoKnownBytes() throws Exception {
        IcmpMessage m = IcmpMessage.echo(true, 0, 1, new byte[0]);
        byte[] b = new byte[8];
        IcmpCodec.encode(m, b, 0);
        assertEquals("0800f7fe00000001", Bytes.hex(b));
        assertEquals(m, IcmpCodec.decode(b, 0, 8));
        b[7] = 2;
        MalformedPacketException e = assertThrows(MalformedPacketException.class, () -> IcmpCodec.decode(b, 0, 8));
        assertEquals("icmp-bad-checksum", e.reason());
    }

    @Test
    void icmpFragmentationNeededCarriesMtu() throws Exception {
        IcmpMessage m = new IcmpMessage(IcmpMessage.DEST_UNREACHABLE, IcmpMessage.CODE_FRAGMENTATION_NEEDED, 1476, new byte[28]);
        PacketBuffer p = IcmpCodec.toBuffer(m);
        IcmpMessage d = IcmpCodec.decode(p.array(), p.offset(), p.length());
        assertEquals(1476, d.nextHopMtu());
        assertEquals(4, d.code());
    }

    @Test
    void udpChecksumWithPseudoHeaderVerifies() throws Exception {
        int src = Ipv4Address.parse("10.0.0.1").bits();
        int dst = Ipv4Address.parse("10.0.0.2").bits();
        PacketBuffer p = PacketBuffer.allocate(4);
        System.arraycopy(new byte[] {'p', 'i', 'n', 'g'}, 0, p.array(), p.append(4), 4);
        UdpCodec.push(p, 1234, 5001, src, dst);
        UdpHeader h = UdpCodec.decode(p.array(), p.offset(), p.length(), src, dst);
        assertEquals(1234, h.sourcePort());
        assertEquals(5001, h.destinationPort());
        assertEquals(12, h.length());
        // independent check: one's complement sum over pseudo-header and datagram is 0xffff
        byte[] pseudo = Bytes.fromHex("0a0000010a00000200110" + "00c");
        int sum = InternetChecksum.sum(pseudo, 0, pseudo.length, 0);
        sum = InternetChecksum.sum(p.array(), p.offset(), 12, sum);
        assertEquals(0, InternetChecksum.finish(sum));
        MalformedPacketException e = assertThrows(MalformedPacketException.class,
                () -> UdpCodec.decode(p.array(), p.offset(), p.length(), src, dst + 1));
        assertEquals("udp-bad-checksum", e.reason());
    }

    @Test
    void arpRequestKnownBytesAndRoundTrip() throws Exception {
        ArpPacket a = new ArpPacket(ArpPacket.REQUEST, MacAddress.parse("02:00:00:00:01:01"), Ipv4Address.parse("10.0.0.1"),
                MacAddress.ZERO, Ipv4Address.parse("10.0.0.2"));
        byte[] b = new byte[28];
        ArpCodec.encode(a, b, 0);
        assertEquals("0001080006040001020000000101" + "0a000001" + "000000000000" + "0a000002", Bytes.hex(b));
        assertEquals(a, ArpCodec.decode(b, 0, 28));
        b[7] = 9;
        assertEquals("arp-bad-operation", assertThrows(MalformedPacketException.class, () -> ArpCodec.decode(b, 0, 28)).reason());
    }

    @Test
    void ethernetPadsShortFramesToSixtyOctets() throws Exception {
        PacketBuffer p = PacketBuffer.allocate(28);
        p.append(28);
        EthernetCodec.pushWithPadding(p, MacAddress.BROADCAST.bits(), 0x020000000101L, EthernetHeader.TYPE_ARP);
        assertEquals(60, p.length());
        EthernetHeader h = EthernetCodec.decode(p.array(), p.offset(), p.length());
        assertEquals(MacAddress.BROADCAST, h.destination());
        assertEquals(EthernetHeader.TYPE_ARP, h.etherType());
    }

    @Test
    void packetBufferPushPullWithoutCopyAndGrowth() {
        PacketBuffer p = PacketBuffer.allocate(10);
        byte[] array = p.array();
        p.append(10);
        p.push(100);
        assertEquals(110, p.length());
        assertTrue(array == p.array(), "push within headroom must not copy");
        p.pull(100);
        p.push(PacketBuffer.DEFAULT_HEADROOM + 1);
        assertEquals(10 + PacketBuffer.DEFAULT_HEADROOM + 1, p.length());
        assertThrows(IllegalArgumentException.class, () -> p.pull(100000));
    }
}
