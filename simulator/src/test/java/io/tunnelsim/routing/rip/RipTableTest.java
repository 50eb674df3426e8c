package io.tunnelsim.routing.rip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The sorted-array table behaves as a sorted map of prefixes, whatever order it is searched in. */
class RipTableTest {

    private static RipRoute route(Ipv4Prefix p) {
        return new RipRoute(p, RipRoute.Kind.LEARNT, 2, 0, null, 0, 0);
    }

    @Test
    void matchesASortedMapUnderRandomOperations() {
        SplittableRandom rnd = new SplittableRandom(7);
        RipTable table = new RipTable();
        TreeMap<Ipv4Prefix, RipRoute> model = new TreeMap<>();
        List<Ipv4Prefix> universe = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            int len = rnd.nextInt(33);
            int bits = rnd.nextInt() & Ipv4Prefix.maskBits(len);
            universe.add(new Ipv4Prefix(new Ipv4Address(bits), len));
        }
        universe.add(Ipv4Prefix.DEFAULT);
        universe.add(Ipv4Prefix.parse("255.255.255.255/32"));
        for (int step = 0; step < 20_000; step++) {
            Ipv4Prefix p = universe.get(rnd.nextInt(universe.size()));
            switch (rnd.nextInt(4)) {
                case 0 -> {
                    RipRoute r = route(p);
                    table.put(r);
                    model.put(p, r);
                }
                case 1 -> {
                    table.remove(p);
                    model.remove(p);
                }
                default -> assertSame(model.get(p), table.get(p), "lookup of " + p + " at step " + step);
            }
            assertEquals(model.size(), table.size());
        }
        // ascending walks, as responses are processed, and descending ones
        List<RipRoute> inOrder = new ArrayList<>(model.values());
        for (int i = 0; i < table.size(); i++) {
            assertSame(inOrder.get(i), table.at(i));
            assertSame(inOrder.get(i), table.get(inOrder.get(i).prefix));
        }
        for (int i = inOrder.size() - 1; i >= 0; i--) {
            assertSame(inOrder.get(i), table.get(inOrder.get(i).prefix));
        }
        for (Ipv4Prefix p : universe) {
            assertSame(model.get(p), table.get(p));
        }
    }

    @Test
    void hostBitsDoNotMatterAndAnEmptyTableFindsNothing() {
        RipTable table = new RipTable();
        assertNull(table.get(Ipv4Prefix.parse("10.0.0.0/30")));
        RipRoute r = route(Ipv4Prefix.parse("10.0.0.0/30"));
        table.put(r);
        assertSame(r, table.get(Ipv4Prefix.parse("10.0.0.1/30")));
        assertNull(table.get(Ipv4Prefix.parse("10.0.0.0/29")));
        table.remove(Ipv4Prefix.parse("10.0.0.0/30"));
        assertNull(table.get(Ipv4Prefix.parse("10.0.0.0/30")));
        assertEquals(0, table.size());
    }
}
