package io.tunnelsim.ipsec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.ipsec.crypto.EspEncryption;
import io.tunnelsim.ipsec.crypto.EspIntegrity;
import io.tunnelsim.node.EventLog;
import io.tunnelsim.node.ProbeFlow;
import io.tunnelsim.tunnel.TunnelConfig;
import io.tunnelsim.wire.GreCodec;
import io.tunnelsim.wire.GreHeader;
import io.tunnelsim.wire.InternetChecksum;
import io.tunnelsim.wire.Ipv4Codec;
import io.tunnelsim.wire.Ipv4Header;
import io.tunnelsim.wire.PacketBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** GRE over IPsec: tunnel protection in transport (and tunnel) mode between two sites. */
class GreOverIpsecTest {
    static final long S = IpsecSites.S;
    static final long MS = IpsecSites.MS;

    static Stream<Arguments> transforms() {
        return Stream.of(
                Arguments.of(EspEncryption.AES_GCM_128_16, EspIntegrity.NONE),
                Arguments.of(EspEncryption.AES_CBC_128, EspIntegrity.HMAC_SHA256_128),
                Arguments.of(EspEncryption.AES_CBC_256, EspIntegrity.HMAC_SHA1_96),
                Arguments.of(EspEncryption.NULL, EspIntegrity.HMAC_SHA256_128));
    }

    @ParameterizedTest
    @MethodSource("transforms")
    void pingsCrossTheProtectedTunnelAndOnlyEspCrossesTheProvider(EspEncryption enc, EspIntegrity auth) {
        IpsecSites t = new IpsecSites(1, true);
        IpsecSession s = t.protectTunnel(IpsecProfile.transport(enc, auth), 7);
        ProbeFlow f = t.ping("hq-pc", "10.2.0.10", 100 * MS, 300, 2 * S);
        t.net.runUntil(3 * S);
        assertEquals(20, f.count());
        assertEquals(0, IpsecSites.lost(f));
        assertEquals(f.count(), s.a().encaps());
        assertEquals(f.count(), s.b().decaps());
        assertEquals(f.count(), s.b().encaps());
        assertEquals(f.count(), s.a().decaps());
        int esp = 0;
        for (IpsecSites.Frame fr : t.wan) {
            if (fr.ipOffset() >= 0) {
                assertEquals(Esp.IP_PROTOCOL, fr.ipProtocol(), "only ESP on the provider links");
                esp++;
            }
        }
        assertEquals(4 * f.count(), esp, "each request and reply crosses both provider links");
        assertEquals(0, t.isp.counters().totalDrops());
        assertEquals(0, t.hq.counters().totalDrops());
        assertEquals(0, t.br.counters().totalDrops());
    }

    @Test
    void transportModeKeepsTheOuterHeaderAndCarriesGreAsNextHeader47() throws Exception {
        IpsecSites t = new IpsecSites(1, true);
        IpsecSession s = t.protectTunnel(IpsecProfile.transport(EspEncryption.AES_GCM_128_16, EspIntegrity.NONE), 7);
        t.ping("hq-pc", "10.2.0.10", 100 * MS, 100, 150 * MS);
        t.net.runUntil(S);
        IpsecSites.Frame first = t.frames("hq-isp").stream().filter(fr -> fr.ipProtocol() == 50).findFirst().orElseThrow();
        byte[] ip = first.ipPacket();
        Ipv4Header h = Ipv4Codec.decode(ip, 0, ip.length);
        assertEquals(Ipv4Address.parse("203.0.113.2"), h.source());
        assertEquals(Ipv4Address.parse("198.51.100.2"), h.destination());
        assertEquals(ip.length, h.totalLength());
        assertEquals(255, h.ttl(), "the GRE outer header's TTL is kept");
        assertTrue(InternetChecksum.verify(ip, 0, 20));
        assertEquals(s.a().outboundSa().spi(), Esp.readSpi(ip, 20));
        assertEquals(1, Esp.readSequence(ip, 20));
        // inner: 100-byte ICMP packet + 4-byte GRE = 104 payload; GCM: 8 hdr + 8 IV + 104 + pad 2 + 2 + 16 ICV
        assertEquals(20 + 8 + 8 + 104 + 2 + 2 + 16, ip.length);
        // open it as br finds its SA (by SPI in its SAD), with a copy of that SA: next header 47, a GRE packet inside
        PacketBuffer p = PacketBuffer.copyOf(ip, 20, ip.length - 20);
        assertEquals(Esp.NEXT_HEADER_GRE, openAsReceiver(t.br, p));
        GreHeader gre = GreCodec.decode(p.array(), p.offset(), p.length());
        assertEquals(GreHeader.IPV4, gre.protocolType());
        assertEquals(104, p.length());
    }

    @Test
    void tunnelModeProtectionWrapsTheWholeGrePacket() throws Exception {
        IpsecSites t = new IpsecSites(1, true);
        IpsecProfile profile = IpsecProfile.transport(EspEncryption.AES_CBC_128, EspIntegrity.HMAC_SHA256_128)
                .withMode(SecurityAssociation.Mode.TUNNEL);
        IpsecSession s = t.protectTunnel(profile, 7);
        ProbeFlow f = t.ping("hq-pc", "10.2.0.10", 100 * MS, 100, S);
        t.net.runUntil(2 * S);
        assertEquals(0, IpsecSites.lost(f));
        byte[] ip = t.frames("hq-isp").stream().filter(fr -> fr.ipProtocol() == 50).findFirst().orElseThrow().ipPacket();
        PacketBuffer p = PacketBuffer.copyOf(ip, 20, ip.length - 20);
        assertEquals(Esp.NEXT_HEADER_IPV4, openAsReceiver(t.br, p));
        Ipv4Header inner = Ipv4Codec.decode(p.array(), p.offset(), p.length());
        assertEquals(Ipv4Header.PROTO_GRE, inner.protocol());
        assertEquals(Ipv4Address.parse("203.0.113.2"), inner.source());
        assertTrue(profile.overhead() >= ip.length - 20 - inner.totalLength());
    }

    @Test
    void multicastSentIntoTheTunnelArrivesProtectedOnTheFarTunnel() {
        IpsecSites t = new IpsecSites(1, true);
        IpsecSession s = t.protectTunnel(IpsecProfile.transport(EspEncryption.AES_GCM_128_16, EspIntegrity.NONE), 7);
        t.net.runUntil(S);
        t.br.ipv4().joinGroup(Ipv4Address.parse("224.0.0.9"));
        List<String> got = new ArrayList<>();
        t.br.ipv4().registerIpHandler(253, (in, p, hl) -> got.add(in.name() + " "
                + new Ipv4Address(Ipv4Codec.destination(p.array(), p.offset()))));
        PacketBuffer payload = PacketBuffer.allocate(8);
        payload.append(8);
        t.hq.ipv4().sendOn(t.hqTunnel, payload, 0, Ipv4Address.parse("224.0.0.9").bits(), 253, 1);
        int before = t.wan.size();
        t.net.scheduler().runUntil(2 * S);
        assertEquals(List.of("tunnel0 224.0.0.9"), got);
        assertEquals(1, s.b().decaps());
        assertTrue(t.wan.subList(before, t.wan.size()).stream().allMatch(fr -> fr.ipProtocol() == 50 || fr.ipProtocol() < 0));
    }

    @Test
    void replayedFrameIsDroppedAsReplay() {
        IpsecSites t = new IpsecSites(1, true);
        IpsecSession s = t.protectTunnel(IpsecProfile.transport(EspEncryption.AES_GCM_128_16, EspIntegrity.NONE), 7);
        ProbeFlow f = t.ping("hq-pc", "10.2.0.10", 100 * MS, 100, S);
        t.net.runUntil(2 * S);
        byte[] ip = firstEspTowardsBr(t);
        long delivered = t.br.counters().delivered;
        t.br.ipv4().receive(PacketBuffer.copyOf(ip), t.brWan);
        assertEquals(1, t.br.counters().drops("esp-replay"));
        assertEquals(1, s.b().drops(EspDropReason.REPLAY));
        assertEquals(1, s.b().currentInboundSa().drops(EspDropReason.REPLAY));
        assertEquals(delivered + 1, t.br.counters().delivered, "delivered to ESP, refused there");
        assertEquals(f.count(), s.b().decaps());
    }

    @Test
    void tamperedFrameFailsTheIcvAndUnknownSpiIsCounted() {
        IpsecSites t = new IpsecSites(1, true);
        IpsecSession s = t.protectTunnel(IpsecProfile.transport(EspEncryption.AES_CBC_128, EspIntegrity.HMAC_SHA256_128), 7);
        t.ping("hq-pc", "10.2.0.10", 100 * MS, 100, 500 * MS);
        t.net.runUntil(S);
        long decaps = s.b().decaps();
        // a fresh sequence number (so the replay check passes) with a flipped ciphertext byte
        for (int i = 0; i < 8; i++) {
            byte[] ip = firstEspTowardsBr(t);
            Esp.writeU32(ip, 20 + 4, 1000 + i);
            ip[20 + 8 + 16 + i] ^= (byte) (1 << i);
            t.br.ipv4().receive(PacketBuffer.copyOf(ip), t.brWan);
        }
        assertEquals(8, t.br.counters().drops("esp-icv-failed"));
        assertEquals(8, s.b().drops(EspDropReason.ICV_FAILED));
        // the forgeries did not move the window: sequence 1000 is still acceptable
        assertTrue(s.b().currentInboundSa().replayWindow().check(1000));
        byte[] ip = firstEspTowardsBr(t);
        Esp.writeU32(ip, 20, 0x12345678L);
        t.br.ipv4().receive(PacketBuffer.copyOf(ip), t.brWan);
        assertEquals(1, t.br.counters().drops("esp-unknown-spi"));
        assertEquals(1, IpsecEngine.of(t.br).unknownSpiDrops());
        assertEquals(decaps, s.b().decaps());
        byte[] cut = java.util.Arrays.copyOf(firstEspTowardsBr(t), 24);
        Ipv4Codec.write(cut, 0, 0, 24, 1, 0, 64, 50, Ipv4Address.parse("203.0.113.2").bits(),
                Ipv4Address.parse("198.51.100.2").bits());
        t.br.ipv4().receive(PacketBuffer.copyOf(cut), t.brWan);
        assertEquals(1, t.br.counters().drops("esp-truncated"));
    }

    @Test
    void unprotectedGreToAProtectedTunnelIsDropped() {
        IpsecSites t = new IpsecSites(1, true);
        IpsecSession s = t.protectTunnel(IpsecProfile.transport(EspEncryption.AES_GCM_128_16, EspIntegrity.NONE), 7);
        t.net.runUntil(S);
        // on the wire: the source interface's Tunnel0-head-0 policy refuses cleartext GRE from the peer
        t.br.ipv4().receive(cleartextGre(), t.brWan);
        assertEquals(1, t.br.counters().drops(IpsecEngine.DROP_CLEARTEXT));
        assertEquals(1, s.b().cleartextViolations());
        // past the interface policy (as if it were absent), the tunnel's own check refuses it
        t.br.ipv4().receive(cleartextGre(), t.brWan, false);
        assertEquals(1, t.br.counters().drops("tunnel-unprotected"));
        assertEquals(0, t.brTunnel.inPackets);
    }

    /** A well-formed GRE packet from hq's tunnel source to br's, carrying a ping to br-pc. */
    private static PacketBuffer cleartextGre() {
        PacketBuffer p = PacketBuffer.allocate(64);
        p.append(8);
        Ipv4Codec.push(p, 0, 1, 0, 64, 1, Ipv4Address.parse("10.1.0.10").bits(), Ipv4Address.parse("10.2.0.10").bits());
        GreCodec.push(p, new GreHeader(false, false, false, GreHeader.IPV4, 0, 0));
        Ipv4Codec.push(p, 0, 2, 0, 255, Ipv4Header.PROTO_GRE, Ipv4Address.parse("203.0.113.2").bits(),
                Ipv4Address.parse("198.51.100.2").bits());
        return p;
    }

    @Test
    void rekeyByTimeReplacesBothSpisWithoutLosingAProbe() {
        IpsecSites t = new IpsecSites(1, true);
        IpsecProfile profile = IpsecProfile.transport(EspEncryption.AES_GCM_128_16, EspIntegrity.NONE)
                .withLifetime(10, 0).withOverlap(2);
        IpsecSession s = t.protectTunnel(profile, 7);
        ProbeFlow f = t.ping("hq-pc", "10.2.0.10", 20 * MS, 200, 25 * S);
        t.net.runUntil(8 * S);
        long spiOut = s.a().outboundSa().spi();
        long spiIn = s.a().currentInboundSa().spi();
        assertEquals(0, s.rekeys());
        t.net.scheduler().runUntil(9 * S + 500 * MS);
        // soft lifetime = 90 % of 10 s: replaced at 9 s, the old inbound SA still accepted
        assertEquals(1, s.rekeys());
        assertNotEquals(spiOut, s.a().outboundSa().spi());
        assertNotEquals(spiIn, s.a().currentInboundSa().spi());
        assertEquals(2, s.a().inboundSas().size(), "old inbound SA kept for the overlap");
        assertEquals(s.a().outboundSa().spi(), s.b().currentInboundSa().spi());
        t.net.scheduler().runUntil(11 * S + 100 * MS);
        assertEquals(1, s.a().inboundSas().size(), "old inbound SA removed after the 2 s overlap");
        assertNull(IpsecEngine.of(t.hq).sad().inbound(spiIn));
        t.net.scheduler().runUntil(30 * S);
        assertEquals(3, s.rekeys(), "again at 18 s and 27 s");
        assertEquals(1250, f.count());
        assertEquals(0, IpsecSites.lost(f), "make-before-break: no probe lost across three rekeys");
        assertEquals(8, s.history().size());
        assertEquals(0, t.hq.counters().totalDrops() + t.br.counters().totalDrops());
    }

    @Test
    void rekeyByVolumeReplacesTheSasAtNinetyPercent() {
        IpsecSites t = new IpsecSites(1, true);
        IpsecProfile profile = IpsecProfile.transport(EspEncryption.AES_CBC_128, EspIntegrity.HMAC_SHA256_128)
                .withLifetime(0, 10_000);
        IpsecSession s = t.protectTunnel(profile, 7);
        // 500-byte pings: 504 bytes of GRE payload each way per probe; soft limit 9000 bytes
        ProbeFlow f = t.ping("hq-pc", "10.2.0.10", 50 * MS, 500, 5 * S);
        t.net.runUntil(6 * S);
        assertEquals(100, f.count());
        assertEquals(0, IpsecSites.lost(f));
        // 100 packets of 504 bytes each way = 50 400 bytes; a new pair every 18 packets
        assertEquals(5, s.rekeys());
        assertEquals(5, s.generation());
        assertEquals(12, s.history().size());
        assertTrue(s.a().outboundSa().bytes() < 9000);
        long distinct = s.history().stream().mapToLong(SecurityAssociation::spi).distinct().count();
        assertEquals(12, distinct, "every SA has its own SPI");
        List<EventLog.Entry> rekeyLogs = t.net.log().entries().stream()
                .filter(e -> e.facility().equals("CRYPTO-5-SA_REKEY")).toList();
        assertEquals(10, rekeyLogs.size(), "logged at both ends");
        assertTrue(rekeyLogs.get(0).message().contains("lifetime (volume) expired"), rekeyLogs.get(0).format());
    }

    @Test
    void crashedPeerComesBackWithANewGeneration() {
        IpsecSites t = new IpsecSites(1, true);
        IpsecSession s = t.protectTunnel(IpsecProfile.transport(EspEncryption.AES_GCM_128_16, EspIntegrity.NONE), 7);
        ProbeFlow f = t.ping("hq-pc", "10.2.0.10", 100 * MS, 100, 20 * S);
        t.net.scheduler().schedule(5 * S, t.br::crash);
        t.net.scheduler().schedule(10 * S, t.br::restore);
        t.net.runUntil(7 * S);
        assertNull(s.b().outboundSa(), "the crashed end forgot its SAs");
        assertNotNull(s.a().outboundSa(), "the other end cannot know");
        t.net.scheduler().runUntil(21 * S);
        assertEquals(1, s.generation());
        for (int i = 110; i < f.count(); i++) {
            assertTrue(f.receivedAt(i) > 0, "probe " + i + " after the restart");
        }
    }

    @Test
    void keepalivesWorkThroughTheProtectedTunnelAndTheirReflectionIsProtectedToo() {
        IpsecSites t = new IpsecSites(1, true, TunnelConfig.basic("eth0", "198.51.100.2").withKeepalive(5 * S, 3));
        IpsecSession s = t.protectTunnel(IpsecProfile.transport(EspEncryption.AES_GCM_128_16, EspIntegrity.NONE), 7);
        t.net.runUntil(62 * S);
        assertTrue(t.hqTunnel.isUp());
        // one keepalive every 5 s from a random phase in the first period: 12 or 13 in 62 s
        long sent = t.hqTunnel.keepalivesSent;
        assertTrue(sent == 12 || sent == 13, "keepalives sent: " + sent);
        assertEquals(sent, t.hqTunnel.keepalivesReceived, "every reply came back");
        assertEquals(sent, s.b().encaps(), "br reflected each reply inside ESP");
        assertTrue(t.wan.stream().filter(fr -> fr.ipOffset() >= 0).allMatch(fr -> fr.ipProtocol() == 50));
        assertEquals(0, t.hq.counters().totalDrops() + t.br.counters().totalDrops());
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherKeys() {
        List<byte[]> one = run(42);
        List<byte[]> two = run(42);
        assertEquals(one.size(), two.size());
        for (int i = 0; i < one.size(); i++) {
            assertArrayEquals(one.get(i), two.get(i), "frame " + i);
        }
        List<byte[]> other = run(43);
        assertEquals(one.size(), other.size());
        boolean differs = false;
        for (int i = 0; i < one.size(); i++) {
            differs |= !java.util.Arrays.equals(one.get(i), other.get(i));
        }
        assertTrue(differs);
    }

    @Test
    void showCryptoIpsecSaListsSpisCountersAndTransforms() {
        IpsecSites t = new IpsecSites(1, true);
        IpsecSession s = t.protectTunnel(IpsecProfile.transport(EspEncryption.AES_CBC_128, EspIntegrity.HMAC_SHA256_128), 7);
        t.ping("hq-pc", "10.2.0.10", 100 * MS, 100, S);
        t.net.runUntil(2 * S);
        String show = io.tunnelsim.ipsec.module.IpsecShow.cryptoIpsecSa(t.hq);
        assertTrue(show.contains("interface: tunnel0"), show);
        assertTrue(show.contains("local  ident (addr/mask/prot/port): (203.0.113.2/255.255.255.255/47/0)"), show);
        assertTrue(show.contains("remote ident (addr/mask/prot/port): (198.51.100.2/255.255.255.255/47/0)"), show);
        assertTrue(show.contains("#pkts encaps: 10, #pkts encrypt: 10, #pkts digest: 10"), show);
        assertTrue(show.contains("#pkts decaps: 10"), show);
        assertTrue(show.contains("esp-replay 0"), show);
        assertTrue(show.contains(String.format("current outbound spi: 0x%X(%d)", s.a().outboundSa().spi(),
                s.a().outboundSa().spi())), show);
        assertTrue(show.contains("transform: esp-aes esp-sha256-hmac ,"), show);
        assertTrue(show.contains("in use settings ={Transport, }"), show);
        assertEquals("", io.tunnelsim.ipsec.module.IpsecShow.cryptoIpsecSa(t.isp));
    }

    @Test
    void setupRejectsTunnelsThatAreNotEachOthersEnds() {
        IpsecSites t = new IpsecSites(1, true);
        io.tunnelsim.tunnel.TunnelInterface other = io.tunnelsim.tunnel.TunnelInterface.create(t.br, "tunnel1",
                io.tunnelsim.tunnel.TunnelConfig.basic("eth0", "192.0.2.1"));
        IpsecProfile p = IpsecProfile.transport(EspEncryption.AES_GCM_128_16, EspIntegrity.NONE);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> IpsecSetup.protectTunnel(t.hqTunnel, other, p, 1));
        IpsecSetup.protectTunnel(t.hqTunnel, t.brTunnel, p, 1);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> IpsecSetup.protectTunnel(t.hqTunnel, t.brTunnel, p, 1));
    }

    private static List<byte[]> run(long seed) {
        IpsecSites t = new IpsecSites(1, true);
        t.protectTunnel(IpsecProfile.transport(EspEncryption.AES_CBC_128, EspIntegrity.HMAC_SHA256_128)
                .withLifetime(3, 0), seed);
        t.ping("hq-pc", "10.2.0.10", 100 * MS, 200, 8 * S);
        t.net.runUntil(9 * S);
        return t.wan.stream().map(IpsecSites.Frame::bytes).toList();
    }

    static byte[] firstEspTowardsBr(IpsecSites t) {
        return t.frames("isp-br").stream()
                .filter(fr -> fr.ipProtocol() == 50
                        && Ipv4Codec.destination(fr.bytes(), 14) == Ipv4Address.parse("198.51.100.2").bits())
                .findFirst().orElseThrow().ipPacket();
    }

    /**
     * Opens the ESP packet at {@code p.offset()} with the SA {@code receiver} finds for it — by SPI
     * in the node's SAD, the lookup every received ESP packet goes through — copied (own replay
     * window), so the run's SA and counters stay as they were. Returns the next header.
     */
    static int openAsReceiver(io.tunnelsim.node.Node receiver, PacketBuffer p)
            throws io.tunnelsim.wire.MalformedPacketException {
        Sad sad = IpsecEngine.of(receiver).sad();
        int i = sad.find(Esp.readSpi(p.array(), p.offset()));
        assertTrue(i >= 0, "no inbound SA at " + receiver.name() + " for the packet's SPI");
        return EspProcessor.open(copyOf(sad.inboundAt(i)), p);
    }

    /** A fresh inbound SA with the same SPI, endpoints, algorithms and keys (own replay window). */
    static SecurityAssociation copyOf(SecurityAssociation sa) {
        return SecurityAssociation.builder().spi(sa.spi()).source(sa.source()).destination(sa.destination())
                .mode(sa.mode()).direction(SecurityAssociation.Direction.INBOUND)
                .encryption(sa.encryption(), sa.encryptionKey()).integrity(sa.integrity(), sa.integrityKey())
                .build();
    }
}
