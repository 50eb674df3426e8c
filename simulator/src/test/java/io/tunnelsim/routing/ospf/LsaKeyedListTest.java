package io.tunnelsim.routing.ospf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tunnelsim.wire.LsaKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The retransmission and request lists behave as an insertion-ordered LinkedHashMap. */
class LsaKeyedListTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void behavesAsALinkedHashMapUnderRandomOperations(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        LsaKeyedList<Integer> list = new LsaKeyedList<>();
        LinkedHashMap<LsaKey, Integer> model = new LinkedHashMap<>();
        // few distinct keys so that puts replace and removes hit; keys that differ in one field only
        int universe = 1 + r.nextInt(300);
        for (int op = 0; op < 20_000; op++) {
            int n = r.nextInt(universe);
            LsaKey k = new LsaKey(1 + n % 3, 0x0A00_0000 + (n / 3 << 16), 0xAC10_0000 + n % 7);
            int what = r.nextInt(10);
            if (what < 5) {
                assertEquals(model.put(k, op), list.put(k, op));
            } else if (what < 8) {
                assertEquals(model.remove(k), list.remove(k));
            } else if (what < 9) {
                assertEquals(model.get(k), list.get(k));
                assertEquals(model.containsKey(k), list.containsKey(k));
            } else if (r.nextInt(200) == 0) {
                model.clear();
                list.clear();
            }
            assertEquals(model.size(), list.size());
            assertEquals(model.isEmpty(), list.isEmpty());
            if (op % 97 == 0) {
                assertEquals(new ArrayList<>(model.entrySet()), entries(list));
            }
        }
        assertEquals(new ArrayList<>(model.entrySet()), entries(list));
    }

    private static List<Map.Entry<LsaKey, Integer>> entries(LsaKeyedList<Integer> list) {
        List<Map.Entry<LsaKey, Integer>> out = new ArrayList<>();
        for (int i = 0; i < list.end(); i++) {
            if (list.keyAt(i) != null) {
                out.add(Map.entry(list.keyAt(i), list.valueAt(i)));
            }
        }
        return out;
    }
}
