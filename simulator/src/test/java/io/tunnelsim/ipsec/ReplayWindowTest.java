package io.tunnelsim.ipsec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReplayWindowTest {

    private static boolean accept(ReplayWindow w, long seq) {
        if (!w.check(seq)) {
            return false;
        }
        w.update(seq);
        return true;
    }

    @Test
    void duplicateTooOldOutOfOrderAndSliding() {
        ReplayWindow w = new ReplayWindow();
        assertFalse(w.check(0), "sequence number 0 is never sent");
        assertTrue(accept(w, 1));
        assertFalse(accept(w, 1), "duplicate");
        assertTrue(accept(w, 64));
        assertTrue(accept(w, 2), "out of order, inside the window");
        assertTrue(accept(w, 63));
        assertTrue(accept(w, 65), "slides the window to 2..65");
        assertFalse(w.check(1), "left of the window");
        assertFalse(w.check(2), "already seen");
        assertTrue(w.check(3));
        assertTrue(accept(w, 200));
        assertFalse(w.check(136), "200 - 64: just outside");
        assertTrue(w.check(137), "200 - 63: leftmost slot");
        assertFalse(w.check(65), "long gone");
    }

    @Test
    void checkDoesNotChangeState() {
        ReplayWindow w = new ReplayWindow(32);
        assertTrue(w.check(10));
        assertTrue(w.check(10));
        assertEquals(0, w.top());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 32, 64, 100, 128, 1024})
    void matchesAReferenceModelOnRandomTraffic(int size) {
        ReplayWindow w = new ReplayWindow(size);
        BitSet seen = new BitSet();
        long top = 0;
        SplittableRandom rnd = new SplittableRandom(size);
        for (int i = 0; i < 20_000; i++) {
            long seq = Math.max(1, top + rnd.nextInt(-2 * size, 3 * size / 2 + 2));
            boolean expected = seq > top || (top - seq < size && !seen.get((int) seq));
            assertEquals(expected, w.check(seq), "seq " + seq + " top " + top);
            if (expected) {
                w.update(seq);
                seen.set((int) seq);
                top = Math.max(top, seq);
            }
        }
    }

    @Test
    void rejectsBadSizes() {
        assertThrows(IllegalArgumentException.class, () -> new ReplayWindow(0));
        assertThrows(IllegalArgumentException.class, () -> new ReplayWindow(ReplayWindow.MAX_SIZE + 1));
    }

    /** RFC 4303 Appendix A2.2, both cases, with W = 64. */
    @ParameterizedTest(name = "top {0}, received {1} -> {2}")
    @CsvSource({
        // Case A: window inside one subspace (Tl >= W - 1)
        "0x0000000500000100, 0x00000100, 0x0000000500000100",
        "0x0000000500000100, 0x000000c1, 0x00000005000000c1",
        "0x0000000500000100, 0x000000c0, 0x00000006000000c0",
        "0x0000000500000100, 0x00000005, 0x0000000600000005",
        "0x00000005fffffff0, 0x00000003, 0x0000000600000003",
        // Case B: window spans two subspaces (Tl < W - 1)
        "0x0000000600000010, 0xfffffff0, 0x00000005fffffff0",
        "0x0000000600000010, 0x00000008, 0x0000000600000008",
        "0x0000000600000010, 0x00000800, 0x0000000600000800",
        // Before any packet: the low half is taken as is
        "0x0000000000000000, 0xfffffffe, 0x00000000fffffffe",
    })
    void infersTheHighHalf(String top, String low, String expected) {
        ReplayWindow w = new ReplayWindow(64);
        long t = Long.parseUnsignedLong(top.substring(2), 16);
        if (t != 0) {
            w.update(t);
        }
        assertEquals(Long.parseUnsignedLong(expected.substring(2), 16),
                w.inferSequence(Long.parseLong(low.substring(2), 16)));
    }

    @Test
    void unsignedAtTheTopOfTheSpace() {
        ReplayWindow w = new ReplayWindow(64);
        w.update(-2L);
        assertTrue(w.check(-1L), "2^64-1 lies right of 2^64-2");
        assertFalse(w.check(-2L));
        assertTrue(w.check(-3L));
        w.update(-1L);
        assertEquals(-1L, w.top());
    }
}
