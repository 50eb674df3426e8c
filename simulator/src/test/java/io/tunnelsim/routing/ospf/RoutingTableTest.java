package io.tunnelsim.routing.ospf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoutingTableTest {

    /** Random tables read as the TreeMap of the same entries reads: look-ups, order, size. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void readsAsATreeMapOfItsEntries(long seed) {
        Random rnd = new Random(seed);
        TreeMap<Ipv4Prefix, Spf.RouteEntry> expected = new TreeMap<>();
        int n = rnd.nextInt(400);
        for (int i = 0; i < n; i++) {
            Ipv4Prefix p = new Ipv4Prefix(new Ipv4Address(rnd.nextInt()), rnd.nextInt(33)).network();
            expected.put(p, new Spf.RouteEntry(p, rnd.nextInt(100), true, Ipv4Address.ANY, false, List.of()));
        }
        RoutingTable t = new RoutingTable(expected.values().toArray(new Spf.RouteEntry[0]));
        assertEquals(expected, t);
        assertEquals(expected.size(), t.count());
        assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(t.keySet()));
        for (Map.Entry<Ipv4Prefix, Spf.RouteEntry> e : expected.entrySet()) {
            assertEquals(e.getValue(), t.get(e.getKey()));
            assertEquals(e.getValue(), t.at(t.indexOf(e.getKey())));
        }
        for (int i = 0; i < 200; i++) {
            Ipv4Prefix p = new Ipv4Prefix(new Ipv4Address(rnd.nextInt()), rnd.nextInt(33)).network();
            assertEquals(expected.get(p), t.get(p));
            if (!expected.containsKey(p)) {
                // the insertion point: the number of entries below p
                assertEquals(-expected.headMap(p).size() - 1, t.indexOf(p));
            }
        }
        assertNull(t.get("10.0.0.0/8"));
        assertThrows(UnsupportedOperationException.class, () -> t.put(Ipv4Prefix.DEFAULT, null));
    }
}
