package io.tunnelsim.addr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class PrefixPoolTest {

    @Test
    void oneInstancePerPrefixThroughGrowth() {
        PrefixPool pool = new PrefixPool();
        int base = Ipv4Address.parse("10.0.0.0").bits();
        Ipv4Prefix[] first = new Ipv4Prefix[5000];
        for (int i = 0; i < first.length; i++) {
            first[i] = pool.get(base + 4 * i, 30);
            assertEquals(new Ipv4Prefix(new Ipv4Address(base + 4 * i), 30), first[i]);
        }
        assertEquals(first.length, pool.size());
        for (int i = 0; i < first.length; i++) {
            assertSame(first[i], pool.get(base + 4 * i, 30), "prefix " + i + " after the table grew");
        }
        assertEquals(first.length, pool.size());
    }

    @Test
    void hostBitsClearedAndLengthsDistinct() {
        PrefixPool pool = new PrefixPool();
        Ipv4Prefix p = pool.get(Ipv4Address.parse("192.168.1.77").bits(), 24);
        assertEquals(Ipv4Prefix.parse("192.168.1.0/24"), p);
        assertSame(p, pool.get(Ipv4Address.parse("192.168.1.0").bits(), 24));
        Ipv4Prefix longer = pool.get(Ipv4Address.parse("192.168.1.0").bits(), 25);
        assertNotSame(p, longer);
        assertEquals(25, longer.length());
        assertEquals(Ipv4Prefix.DEFAULT, pool.get(Ipv4Address.parse("1.2.3.4").bits(), 0));
        assertEquals(Ipv4Prefix.parse("255.255.255.255/32"), pool.get(-1, 32));
    }
}
