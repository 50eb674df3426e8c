package io.tunnelsim.routing.ospf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.node.Network;
import io.tunnelsim.wire.Lsa;
import io.tunnelsim.wire.LsaHeader;
import io.tunnelsim.wire.OspfSummaryLsa;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The LSA interner is a service of one network: its routers share it, other networks do not. */
class LsaInternerTest {
    private static final Ipv4Address R1 = Ipv4Address.parse("10.0.0.1");

    private static OspfProcess process(Network net, String name, String rid) {
        return new OspfProcess(net.addRouter(name), OspfConfig.of(Ipv4Address.parse(rid)));
    }

    private static Lsa summary() {
        return Lsa.originate(0, 2, Ipv4Address.parse("192.0.2.0"), R1, LsaHeader.INITIAL_SEQUENCE_NUMBER,
                new OspfSummaryLsa(false, Ipv4Address.parse("255.255.255.0"), 10));
    }

    /** A second object for the same LSA instance, as a neighbour's flooded copy decodes. */
    private static Lsa copyOf(Lsa lsa) throws Exception {
        byte[] b = lsa.toByteArray();
        return Lsa.decode(b, 0, b.length);
    }

    @Test
    void theRoutersOfOneNetworkShareTheNetworksInterner() {
        Network net = new Network(1);
        OspfProcess a = process(net, "a", "1.1.1.1");
        OspfProcess b = process(net, "b", "2.2.2.2");
        assertSame(a.interner(), b.interner());
        assertSame(a.interner(), net.service(LsaInterner.class, n -> {
            throw new AssertionError("the network already holds its interner");
        }));
    }

    @Test
    void twoNetworksDoNotShareAnInterner() throws Exception {
        Network one = new Network(1);
        Network two = new Network(1);
        LsaInterner i1 = process(one, "a", "1.1.1.1").interner();
        LsaInterner i2 = process(two, "a", "1.1.1.1").interner();
        assertNotSame(i1, i2);

        Lsa first = summary();
        Lsa copy = copyOf(first);
        assertNotSame(first, copy);
        assertSame(first, i1.intern(first));
        assertSame(first, i1.intern(copy), "one network keeps the object it already holds");
        assertSame(copy, i2.intern(copy), "the other network has not seen the LSA: it keeps its own copy");
        assertSame(copy, i2.intern(copyOf(first)));
    }

    @Test
    void theInternerKeepsNoStateOutsideItsInstance() {
        List<String> statics = new ArrayList<>();
        for (Field f : LsaInterner.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && !f.isSynthetic()) {
                statics.add(f.getName());
            }
        }
        assertEquals(List.of(), statics, "static fields would be shared by every network in the JVM");
    }

    @Test
    void aServiceIsMadeOncePerNetwork() {
        Network one = new Network(1);
        Network two = new Network(1);
        int[] made = {0};
        StringBuilder s1 = one.service(StringBuilder.class, n -> {
            made[0]++;
            return new StringBuilder();
        });
        assertSame(s1, one.service(StringBuilder.class, n -> new StringBuilder()));
        assertEquals(1, made[0]);
        assertNotSame(s1, two.service(StringBuilder.class, n -> new StringBuilder()));
    }
}
