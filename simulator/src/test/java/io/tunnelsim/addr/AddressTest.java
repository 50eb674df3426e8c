package io.tunnelsim.addr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressTest {

    @Test
    void ipv4ParsesAndPrints() {
        Ipv4Address a = Ipv4Address.parse("203.0.113.2");
        assertEquals(0xCB007102, a.bits());
        assertEquals("203.0.113.2", a.toString());
        assertTrue(Ipv4Address.parse("224.0.0.5").isMulticast());
        byte[] b = a.toBytes();
        assertEquals(a, Ipv4Address.read(b, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2.3", "1.2.3.4.5", "256.1.1.1", "a.b.c.d", "1..2.3", "1.2.3.4."})
    void ipv4RejectsBadText(String s) {
        assertThrows(IllegalArgumentException.class, () -> Ipv4Address.parse(s));
    }

    @Test
    void prefixContainmentMaskAndBroadcast() {
        Ipv4Prefix p = Ipv4Prefix.parse("10.1.0.1/24");
        assertEquals("10.1.0.0/24", p.network().toString());
        assertTrue(p.contains(Ipv4Address.parse("10.1.0.200")));
        assertFalse(p.contains(Ipv4Address.parse("10.1.1.1")));
        assertEquals("10.1.0.255", p.broadcast().toString());
        assertEquals("255.255.255.0", p.mask().toString());
        assertTrue(p.overlaps(Ipv4Prefix.parse("10.0.0.0/8")));
        assertFalse(p.overlaps(Ipv4Prefix.parse("10.2.0.0/16")));
        assertEquals(0, Ipv4Prefix.parse("0.0.0.0/0").maskBits());
        assertThrows(IllegalArgumentException.class, () -> Ipv4Prefix.parse("10.0.0.0/33"));
    }

    @Test
    void macFormatsAndMapsMulticast() {
        MacAddress m = MacAddress.parse("02:00:00:00:01:02");
        assertEquals("02:00:00:00:01:02", m.toString());
        assertEquals("01:00:5e:00:00:05", MacAddress.ipv4Multicast(Ipv4Address.parse("224.0.0.5")).toString());
        assertEquals("01:00:5e:7f:00:09", MacAddress.ipv4Multicast(Ipv4Address.parse("239.255.0.9")).toString());
        assertTrue(MacAddress.BROADCAST.isMulticast());
        assertFalse(MacAddress.local(3, 1).isMulticast());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2001:db8::1", "::", "::1", "fe80::1:2", "2001:db8:0:1:1:1:1:1", "ff02::1:ff00:1"})
    void ipv6RoundTripsCanonicalText(String s) {
        assertEquals(s, Ipv6Address.parse(s).toString());
    }

    @Test
    void ipv6CanonicalFormCompressesLongestRun() {
        assertEquals("2001:db8::1:0:0:1", Ipv6Address.parse("2001:0db8:0:0:1:0:0:1").toString());
        assertEquals("::ffff:c000:201", Ipv6Address.parse("::ffff:192.0.2.1").toString());
        assertTrue(Ipv6Prefix.parse("2001:db8::/32").contains(Ipv6Address.parse("2001:db8:1::5")));
        assertFalse(Ipv6Prefix.parse("2001:db8::/32").contains(Ipv6Address.parse("2001:db9::5")));
        assertEquals("ff02::1:ff00:5", Ipv6Address.parse("2001:db8::5").solicitedNode().toString());
        assertEquals("33:33:ff:00:00:05", MacAddress.ipv6Multicast(Ipv6Address.parse("ff02::1:ff00:5")).toString());
        assertThrows(IllegalArgumentException.class, () -> Ipv6Address.parse("1::2::3"));
        assertThrows(IllegalArgumentException.class, () -> Ipv6Address.parse("12345::"));
    }
}
