package io.tunnelsim.ipsec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.ipsec.SecurityAssociation.Direction;
import io.tunnelsim.ipsec.crypto.EspEncryption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpdSadTest {
    private static final int UDP = 17;
    private static final int GRE = 47;
    private static final int OSPF = 89;

    private static Spd spd() {
        Spd spd = new Spd();
        spd.add(new SpdEntry("ike", Ipv4Prefix.DEFAULT, Ipv4Prefix.DEFAULT, UDP,
                PortRange.of(500), PortRange.of(500), SpdAction.BYPASS));
        spd.add(SpdEntry.of("gre-to-branch", Ipv4Prefix.parse("203.0.113.2/32"),
                Ipv4Prefix.parse("198.51.100.2/32"), GRE, SpdAction.PROTECT));
        spd.add(new SpdEntry("no-high-ports", Ipv4Prefix.parse("10.1.0.0/16"), Ipv4Prefix.parse("10.2.0.0/16"),
                SpdEntry.ANY_PROTOCOL, PortRange.ANY, new PortRange(1024, 65535), SpdAction.DISCARD));
        spd.add(SpdEntry.of("lan-to-lan", Ipv4Prefix.parse("10.1.0.0/16"), Ipv4Prefix.parse("10.2.0.0/16"),
                SpdEntry.ANY_PROTOCOL, SpdAction.PROTECT));
        spd.add(SpdEntry.of("rest", Ipv4Prefix.DEFAULT, Ipv4Prefix.DEFAULT, SpdEntry.ANY_PROTOCOL, SpdAction.BYPASS));
        return spd;
    }

    @ParameterizedTest(name = "{0} -> {1} proto {2} ports {3}/{4}: {5}")
    @CsvSource({
        "10.1.1.1, 10.2.2.2, 17, 500, 500, ike",
        "203.0.113.2, 198.51.100.2, 47, -1, -1, gre-to-branch",
        "198.51.100.2, 203.0.113.2, 47, -1, -1, rest",
        "10.1.1.1, 10.2.2.2, 6, 40000, 8080, no-high-ports",
        "10.1.1.1, 10.2.2.2, 6, 40000, 22, lan-to-lan",
        // no ports (ICMP): the DISCARD entry's port range cannot match an opaque packet
        "10.1.1.1, 10.2.2.2, 1, -1, -1, lan-to-lan",
        "10.1.1.1, 10.3.0.1, 89, -1, -1, rest",
    })
    void firstMatchWins(String src, String dst, int proto, int sport, int dport, String expected) {
        SpdEntry e = spd().lookup(Ipv4Address.parse(src), Ipv4Address.parse(dst), proto, sport, dport);
        assertEquals(expected, e.name());
    }

    @Test
    void noMatchMeansDiscard() {
        Spd spd = new Spd().add(SpdEntry.of("only", Ipv4Prefix.parse("10.0.0.0/8"), Ipv4Prefix.DEFAULT, OSPF,
                SpdAction.BYPASS));
        assertNull(spd.lookup(Ipv4Address.parse("192.0.2.1"), Ipv4Address.parse("10.0.0.1"), OSPF, -1, -1));
        assertEquals(SpdAction.DISCARD, spd.decide(Ipv4Address.parse("192.0.2.1"), Ipv4Address.parse("10.0.0.1"),
                OSPF, -1, -1));
        assertEquals(SpdAction.BYPASS, spd.decide(Ipv4Address.parse("10.9.9.9"), Ipv4Address.parse("224.0.0.5"),
                OSPF, -1, -1));
    }

    @Test
    void entriesValidate() {
        assertThrows(IllegalArgumentException.class, () -> SpdEntry.of("x", Ipv4Prefix.DEFAULT, Ipv4Prefix.DEFAULT, 256,
                SpdAction.BYPASS));
        assertThrows(IllegalArgumentException.class, () -> new PortRange(10, 5));
        Spd spd = spd();
        assertThrows(IllegalArgumentException.class, () -> spd.add(SpdEntry.of("rest", Ipv4Prefix.DEFAULT,
                Ipv4Prefix.DEFAULT, 1, SpdAction.BYPASS)));
        assertEquals(5, spd.entries().size());
    }

    private static SecurityAssociation.Builder sa(long spi) {
        return SecurityAssociation.builder().spi(spi)
                .source(Ipv4Address.parse("203.0.113.2")).destination(Ipv4Address.parse("198.51.100.2"))
                .encryption(EspEncryption.AES_GCM_128_16, new byte[20]);
    }

    @Test
    void sadFindsInboundBySpiAndOutboundByPolicy() {
        Sad sad = new Sad();
        SecurityAssociation in1 = sa(0x2000).direction(Direction.INBOUND).build();
        SecurityAssociation in2 = sa(0x1000).direction(Direction.INBOUND).build();
        sad.addInbound(in1);
        sad.addInbound(in2);
        assertSame(in1, sad.inbound(0x2000));
        assertNull(sad.inbound(0x3000));
        assertEquals(List.of(in2, in1), List.copyOf(sad.inboundSas()), "SPI order");
        assertThrows(IllegalArgumentException.class, () -> sad.addInbound(sa(0x1000).direction(Direction.INBOUND).build()));

        SpdEntry protect = spd().entries().get(1);
        SecurityAssociation out1 = sa(0x4000).direction(Direction.OUTBOUND).build();
        SecurityAssociation out2 = sa(0x4001).direction(Direction.OUTBOUND).build();
        sad.bindOutbound(protect, out1);
        assertSame(out1, sad.outboundFor(protect));
        sad.bindOutbound(protect, out2);
        assertSame(out2, sad.outboundFor(protect), "rekey replaces the binding");
        assertEquals(List.of(out2), sad.outboundSas());
        assertThrows(IllegalArgumentException.class, () -> sad.bindOutbound(spd().entries().get(0), out1));
        assertSame(in2, sad.removeInbound(0x1000));
    }

    @Test
    void sadIndexGrowsPastItsFirstCapacityInSpiOrder() {
        Sad sad = new Sad();
        long[] spis = {0x9000, 0x100, 0xFFFFFFFFL, 0x5000, 0x300, 0x7000, 0x200, 0x8000, 0x6000};
        for (long spi : spis) {
            sad.addInbound(sa(spi).direction(Direction.INBOUND).build());
        }
        long[] sorted = spis.clone();
        java.util.Arrays.sort(sorted);
        assertEquals(java.util.Arrays.stream(sorted).boxed().toList(),
                sad.inboundSas().stream().map(SecurityAssociation::spi).toList());
        for (long spi : spis) {
            int i = sad.find(spi);
            assertEquals(spi, sad.inboundAt(i).spi());
            assertSame(sad.inbound(spi), sad.inboundAt(i));
        }
        assertTrue(sad.find(0x400) < 0);
        SecurityAssociation removed = sad.removeInbound(0x5000);
        assertEquals(0x5000, removed.spi());
        assertTrue(sad.find(0x5000) < 0);
        assertEquals(0x6000, sad.inbound(0x6000).spi(), "entries after the removed one shift down intact");
        assertEquals(spis.length - 1, sad.inboundSas().size());
        assertNull(sad.removeInbound(0x5000));
    }

    @Test
    void saValidatesSpi() {
        assertThrows(IllegalArgumentException.class, () -> sa(255).direction(Direction.INBOUND).build());
        assertThrows(IllegalArgumentException.class, () -> sa(1L << 32).direction(Direction.INBOUND).build());
    }

    @Test
    void timeLifetime() {
        SecurityAssociation sa = sa(0x5000).direction(Direction.OUTBOUND).createdAt(1_000)
                .lifetime(SaLifetime.ofSeconds(2700, 3600)).build();
        assertEquals(1_000 + 2700_000_000_000L, sa.softExpiryTime());
        assertEquals(SecurityAssociation.LifetimeState.ALIVE, sa.checkLifetime(sa.softExpiryTime() - 1));
        assertEquals(SecurityAssociation.LifetimeState.SOFT_EXPIRED, sa.checkLifetime(sa.softExpiryTime()));
        assertEquals(SecurityAssociation.LifetimeState.HARD_EXPIRED, sa.checkLifetime(sa.hardExpiryTime()));
        assertEquals(SecurityAssociation.LifetimeState.HARD_EXPIRED, sa.checkLifetime(0), "hard expiry is final");
        assertThrows(IllegalArgumentException.class, () -> SaLifetime.ofSeconds(10, 5));
    }
}
