package io.tunnelsim.node;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The FIB against a plain reference (a sorted map, longest match by scanning every length): seeded
 * random puts, replacements and removals of nested prefixes of every length, then exact gets,
 * longest-prefix lookups of random and boundary addresses, size and ordered listing.
 */
class FibTest {

    private static FibEntry entry(Ipv4Prefix p, int tag) {
        return new FibEntry(p, new Route[] {new Route(p, tag, null, 1, tag, RouteSource.STATIC)});
    }

    private static FibEntry reference(TreeMap<Ipv4Prefix, FibEntry> ref, int dst) {
        for (int len = 32; len >= 0; len--) {
            FibEntry e = ref.get(new Ipv4Prefix(new Ipv4Address(dst), len).network());
            if (e != null) {
                return e;
            }
        }
        return null;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void matchesAReferenceUnderRandomChurn(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Fib fib = new Fib();
        TreeMap<Ipv4Prefix, FibEntry> ref = new TreeMap<>();
        // a few address clusters so that prefixes nest and collide in their high bits
        int[] bases = {0x0A000000, 0xC0A80000, 0xAC100000, 0xFFFFFF00, 0x00000000};
        List<Integer> probes = new ArrayList<>();
        for (int op = 0; op < 20_000; op++) {
            int base = bases[rnd.nextInt(bases.length)];
            int addr = base ^ (rnd.nextInt() >>> rnd.nextInt(1, 33));
            int len = rnd.nextInt(4) == 0 ? rnd.nextInt(33) : new int[] {0, 8, 16, 24, 30, 32}[rnd.nextInt(6)];
            Ipv4Prefix p = new Ipv4Prefix(new Ipv4Address(addr), len).network();
            probes.add(addr);
            if (rnd.nextInt(3) == 0) {
                assertSame(ref.remove(p), fib.remove(p), "remove " + p);
            } else {
                FibEntry e = entry(p, op);
                assertSame(ref.put(p, e), fib.put(e), "put " + p);
            }
            if (op % 500 == 0) {
                check(fib, ref, probes, rnd);
            }
        }
        check(fib, ref, probes, rnd);
        for (Ipv4Prefix p : new ArrayList<>(ref.keySet())) {
            assertSame(ref.remove(p), fib.remove(p));
        }
        assertEquals(0, fib.size());
        assertNull(fib.lookup(0x0A000001));
    }

    private static void check(Fib fib, TreeMap<Ipv4Prefix, FibEntry> ref, List<Integer> probes, SplittableRandom rnd) {
        assertEquals(ref.size(), fib.size());
        assertEquals(new ArrayList<>(ref.values()), fib.entries());
        for (Ipv4Prefix p : ref.keySet()) {
            assertSame(ref.get(p), fib.get(p));
        }
        for (int k = 0; k < 300; k++) {
            int dst = rnd.nextBoolean() ? probes.get(rnd.nextInt(probes.size())) : rnd.nextInt();
            assertSame(reference(ref, dst), fib.lookup(dst), "lookup " + new Ipv4Address(dst));
        }
    }

    @Test
    void defaultRouteAndHostRouteAtTheEdgesOfTheAddressSpace() {
        Fib fib = new Fib();
        FibEntry def = entry(Ipv4Prefix.DEFAULT, 1);
        FibEntry top = entry(Ipv4Prefix.parse("255.255.255.255/32"), 2);
        FibEntry half = entry(Ipv4Prefix.parse("128.0.0.0/1"), 3);
        assertNull(fib.lookup(0));
        fib.put(def);
        fib.put(top);
        fib.put(half);
        assertSame(def, fib.lookup(0));
        assertSame(def, fib.lookup(0x7FFFFFFF));
        assertSame(half, fib.lookup(0x80000000));
        assertSame(top, fib.lookup(-1));
        assertSame(half, fib.lookup(-2));
        assertSame(half, fib.remove(Ipv4Prefix.parse("128.0.0.0/1")));
        assertSame(def, fib.lookup(-2));
        assertEquals(List.of(def, top), fib.entries());
    }
}
