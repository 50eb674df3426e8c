package io.tunnelsim.ipsec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.ipsec.crypto.EspEncryption;
import io.tunnelsim.ipsec.crypto.EspIntegrity;
import io.tunnelsim.node.ProbeFlow;
import io.tunnelsim.wire.Ipv4Codec;
import io.tunnelsim.wire.Ipv4Header;
import io.tunnelsim.wire.PacketBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Crypto-map style IPsec on the WAN interfaces: LAN-to-LAN in tunnel mode, nothing else. */
class CryptoMapTest {
    static final long S = IpsecSites.S;
    static final long MS = IpsecSites.MS;
    static final int OSPF = Ipv4Header.PROTO_OSPF;

    static IpsecProfile gcm() {
        return IpsecProfile.tunnel(EspEncryption.AES_GCM_128_16, EspIntegrity.NONE);
    }

    @ParameterizedTest
    @EnumSource(value = EspEncryption.class, names = {"AES_GCM_128_16", "AES_GCM_256_16", "AES_CBC_128"})
    void lanToLanPingsTravelInsideEspAcrossAProviderThatDoesNotKnowTheLans(EspEncryption enc) {
        IpsecSites t = new IpsecSites(1, false);
        IpsecSession s = t.cryptoMap(IpsecProfile.tunnel(enc, enc.combinedMode() ? EspIntegrity.NONE
                : EspIntegrity.HMAC_SHA256_128), 9);
        ProbeFlow f = t.ping("hq-pc", "10.2.0.10", 100 * MS, 400, 2 * S);
        t.net.runUntil(3 * S);
        assertEquals(20, f.count());
        assertEquals(0, IpsecSites.lost(f));
        assertEquals(f.count(), s.a().encaps());
        assertEquals(f.count(), s.b().decaps());
        for (IpsecSites.Frame fr : t.wan) {
            if (fr.ipOffset() >= 0) {
                assertEquals(Esp.IP_PROTOCOL, fr.ipProtocol());
                byte[] ip = fr.ipPacket();
                assertEquals(CryptoMap.OUTER_TTL - (fr.segment().equals("isp-br") == (Ipv4Codec.source(ip, 0)
                        == Ipv4Address.parse("203.0.113.2").bits()) ? 1 : 0), Ipv4Codec.ttl(ip, 0));
            }
        }
        assertEquals(0, t.isp.counters().totalDrops());
    }

    @Test
    void outerHeaderRunsBetweenTheInterfacesAndCarriesTheWholeInnerPacket() throws Exception {
        IpsecSites t = new IpsecSites(1, false);
        IpsecSession s = t.cryptoMap(gcm(), 9);
        t.ping("hq-pc", "10.2.0.10", 100 * MS, 100, 150 * MS);
        t.net.runUntil(S);
        byte[] ip = t.frames("hq-isp").stream().filter(fr -> fr.ipProtocol() == 50).findFirst().orElseThrow().ipPacket();
        Ipv4Header outer = Ipv4Codec.decode(ip, 0, ip.length);
        assertEquals(Ipv4Address.parse("203.0.113.2"), outer.source());
        assertEquals(Ipv4Address.parse("198.51.100.2"), outer.destination());
        assertEquals(CryptoMap.OUTER_TTL, outer.ttl());
        assertEquals(false, outer.dontFragment());
        assertEquals(20 + 8 + 8 + 100 + 2 + 2 + 16, ip.length, "GCM: 100-byte inner packet, 2 bytes of padding");
        PacketBuffer p = PacketBuffer.copyOf(ip, 20, ip.length - 20);
        assertEquals(Esp.NEXT_HEADER_IPV4, GreOverIpsecTest.openAsReceiver(t.br, p));
        Ipv4Header inner = Ipv4Codec.decode(p.array(), p.offset(), p.length());
        assertEquals(Ipv4Address.parse("10.1.0.10"), inner.source());
        assertEquals(Ipv4Address.parse("10.2.0.10"), inner.destination());
        assertEquals(63, inner.ttl(), "forwarded once by hq before encryption");
    }

    @Test
    void routingProtocolMulticastLeavesInTheClearAndNeverReachesThePeer() {
        IpsecSites t = new IpsecSites(1, false);
        IpsecSession s = t.cryptoMap(gcm(), 9);
        t.net.runUntil(S);
        t.br.ipv4().joinGroup(Ipv4Address.parse("224.0.0.5"));
        List<String> got = new ArrayList<>();
        t.br.ipv4().registerIpHandler(OSPF, (in, p, hl) -> got.add(in.name()));
        int before = t.wan.size();
        for (int i = 0; i < 3; i++) {
            PacketBuffer hello = PacketBuffer.allocate(44);
            hello.append(44);
            t.hq.ipv4().sendOn(t.hqWan, hello, 0, Ipv4Address.parse("224.0.0.5").bits(), OSPF, 1);
        }
        t.net.scheduler().runUntil(2 * S);
        assertEquals(List.of(), got, "an OSPF neighbour across a crypto map never hears the hello");
        assertEquals(0, s.a().encaps(), "no SA selects multicast");
        List<IpsecSites.Frame> sent = t.wan.subList(before, t.wan.size());
        assertEquals(3, sent.size());
        for (IpsecSites.Frame fr : sent) {
            assertEquals("hq-isp", fr.segment(), "the provider does not forward link-local multicast");
            assertEquals(OSPF, fr.ipProtocol(), "sent in the clear");
        }
        assertEquals(3, t.isp.counters().drops("multicast-not-joined"));
    }

    @Test
    void theSameHelloThroughAProtectedGreTunnelArrives() {
        IpsecSites t = new IpsecSites(1, true);
        IpsecSession s = t.protectTunnel(IpsecProfile.transport(EspEncryption.AES_GCM_128_16, EspIntegrity.NONE), 9);
        t.net.runUntil(S);
        t.br.ipv4().joinGroup(Ipv4Address.parse("224.0.0.5"));
        List<String> got = new ArrayList<>();
        t.br.ipv4().registerIpHandler(OSPF, (in, p, hl) -> got.add(in.name()));
        PacketBuffer hello = PacketBuffer.allocate(44);
        hello.append(44);
        t.hq.ipv4().sendOn(t.hqTunnel, hello, 0, Ipv4Address.parse("224.0.0.5").bits(), OSPF, 1);
        t.net.scheduler().runUntil(2 * S);
        assertEquals(List.of("tunnel0"), got);
        assertEquals(1, s.a().encaps());
    }

    @Test
    void trafficOutsideTheSelectorsIsBypassed() {
        IpsecSites t = new IpsecSites(1, false);
        IpsecSession s = t.cryptoMap(gcm(), 9);
        ProbeFlow f = t.ping("hq", "198.51.100.2", 100 * MS, 100, S);
        t.net.runUntil(2 * S);
        assertEquals(0, IpsecSites.lost(f));
        assertEquals(0, s.a().encaps());
        assertTrue(t.wan.stream().filter(fr -> fr.ipOffset() >= 0).allMatch(fr -> fr.ipProtocol() == Ipv4Header.PROTO_ICMP));
        assertEquals(2L * f.count(), ((CryptoMap) t.hqWan.hook()).bypassed() + ((CryptoMap) t.brWan.hook()).bypassed());
    }

    @Test
    void cleartextThatPolicySaysMustBeProtectedIsDropped() {
        IpsecSites t = new IpsecSites(1, false);
        IpsecSession s = t.cryptoMap(gcm(), 9);
        t.net.runUntil(S);
        PacketBuffer p = PacketBuffer.allocate(8);
        p.append(8);
        Ipv4Codec.push(p, 0, 1, 0, 60, Ipv4Header.PROTO_ICMP, Ipv4Address.parse("10.2.0.10").bits(),
                Ipv4Address.parse("10.1.0.10").bits());
        long forwarded = t.hq.counters().forwarded;
        t.hq.ipv4().receive(p, t.hqWan);
        assertEquals(1, t.hq.counters().drops(IpsecEngine.DROP_CLEARTEXT));
        assertEquals(1, s.a().cleartextViolations());
        assertEquals(forwarded, t.hq.counters().forwarded);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void decryptedPacketForTheRouterGoesToItsProtocolThroughTheNodesRegistry(boolean tellsProtected) {
        IpsecSites t = new IpsecSites(1, false);
        IpsecSession s = t.cryptoMap(gcm(), 9);
        t.net.runUntil(S);
        List<String> got = new ArrayList<>();
        int proto = 253;
        if (tellsProtected) {
            t.br.ipv4().registerIpHandler(proto, new io.tunnelsim.node.ProtectedIpHandler() {
                @Override
                public void receive(io.tunnelsim.node.Interface in, PacketBuffer p, int hl) {
                    got.add("clear " + in.name());
                }

                @Override
                public void receiveProtected(io.tunnelsim.node.Interface in, PacketBuffer p, int hl) {
                    got.add("protected " + in.name() + " " + (p.length() - hl));
                }
            });
        } else {
            t.br.ipv4().registerIpHandler(proto, (in, p, hl) -> got.add("clear " + in.name() + " " + (p.length() - hl)));
        }
        PacketBuffer payload = PacketBuffer.allocate(64);
        payload.append(12);
        // hq-pc to br's own LAN address: inside the LAN-to-LAN selectors, so it crosses in ESP
        t.net.node("hq-pc").ipv4().send(payload, 0, Ipv4Address.parse("10.2.0.1").bits(), proto, 64, false);
        t.net.runUntil(2 * S);
        assertEquals(1, s.b().decaps());
        assertEquals(List.of(tellsProtected ? "protected eth0 12" : "clear eth0 12"), got);
    }

    @Test
    void decryptedPacketOutsideTheInboundSelectorIsDropped() throws Exception {
        IpsecSites t = new IpsecSites(1, false);
        IpsecSession s = t.cryptoMap(gcm(), 9);
        t.net.runUntil(S);
        // br's end seals a packet from a LAN it does not protect (10.9.9.9) with the real SA
        PacketBuffer p = PacketBuffer.allocate(64);
        p.append(8);
        Ipv4Codec.push(p, 0, 1, 0, 60, Ipv4Header.PROTO_ICMP, Ipv4Address.parse("10.9.9.9").bits(),
                Ipv4Address.parse("10.1.0.10").bits());
        EspProcessor.seal(s.b().outboundSa(), p, Esp.NEXT_HEADER_IPV4);
        Ipv4Codec.push(p, 0, 2, 0, 64, Esp.IP_PROTOCOL, Ipv4Address.parse("198.51.100.2").bits(),
                Ipv4Address.parse("203.0.113.2").bits());
        t.hq.ipv4().receive(p, t.hqWan);
        assertEquals(1, s.a().decaps(), "authentic and decrypted");
        assertEquals(1, s.a().selectorMismatches());
        assertEquals(1, t.hq.counters().drops(IpsecEngine.DROP_SELECTOR_MISMATCH));
    }

    @Test
    void rekeyOnACryptoMapKeepsTheLanToLanPingsGoing() {
        IpsecSites t = new IpsecSites(1, false);
        IpsecSession s = t.cryptoMap(gcm().withLifetime(5, 0).withOverlap(1), 9);
        ProbeFlow f = t.ping("hq-pc", "10.2.0.10", 10 * MS, 100, 12 * S);
        t.net.runUntil(13 * S);
        assertEquals(2, s.rekeys(), "at 4.5 s and 9 s");
        assertEquals(0, IpsecSites.lost(f));
        assertEquals(6, IpsecSetup.espSaLines(t.net).size());
    }

    @Test
    void setupChecksItsArguments() {
        IpsecSites t = new IpsecSites(1, false);
        assertThrows(IllegalArgumentException.class, () -> t.cryptoMap(
                IpsecProfile.transport(EspEncryption.AES_GCM_128_16, EspIntegrity.NONE), 1));
        assertThrows(IllegalArgumentException.class, () -> IpsecSetup.cryptoMap(t.hqWan, IpsecSites.HQ_LAN, t.brWan,
                Ipv4Prefix.parse("10.0.0.0/8"), gcm(), 1));
    }
}
