package io.tunnelsim.addr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shared prefix table against java.util.HashMap under seeded random churn: every get, put and
 * remove answers as the map does, and a walk over the slots finds exactly the map's entries (so
 * backward-shift deletion never loses an entry behind a hole).
 */
class PrefixTableTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void behavesAsAMapUnderRandomChurn(long seed) {
        Random rnd = new Random(seed);
        PrefixTable<Integer> table = new PrefixTable<>(4);
        Map<Long, Integer> ref = new HashMap<>();
        for (int step = 0; step < 20_000; step++) {
            // few distinct networks, so keys collide and recur
            int length = rnd.nextInt(33);
            int net = (rnd.nextInt(64) << 24) & Ipv4Prefix.maskBits(length);
            long key = PrefixTable.key(net, length);
            if (rnd.nextInt(3) == 0) {
                assertEquals(ref.remove(key), table.remove(key));
            } else if (rnd.nextBoolean()) {
                assertEquals(ref.put(key, step), table.put(key, step));
            } else {
                assertEquals(ref.get(key), table.get(key));
            }
            assertEquals(ref.size(), table.size());
        }
        Map<Long, Integer> walked = new HashMap<>();
        for (int i = 0; i < table.capacity(); i++) {
            if (table.keyAt(i) != PrefixTable.EMPTY) {
                walked.put(table.keyAt(i), table.valueAt(i));
            }
        }
        assertEquals(ref, walked);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3, 12})
    void capacityMustBeAPowerOfTwo(int capacity) {
        assertThrows(IllegalArgumentException.class, () -> new PrefixTable<Integer>(capacity));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 8, 24, 32})
    void keysSortAsPrefixesDo(int length) {
        // keys order by network first: 10.0.0.0/L sorts before 11.0.0.0/8 whatever L
        assertEquals(-1, Long.signum(PrefixTable.key(0x0A000000 & Ipv4Prefix.maskBits(length), length)
                - PrefixTable.key(0x0B000000, 8)));
    }
}
