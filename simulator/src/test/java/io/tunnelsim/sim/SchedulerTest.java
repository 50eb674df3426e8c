package io.tunnelsim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SchedulerTest {

    @Test
    void eventsRunInTimeOrderAndTiesInSchedulingOrder() {
        Scheduler s = new Scheduler();
        List<String> order = new ArrayList<>();
        s.schedule(20, () -> order.add("b"));
        s.schedule(10, () -> order.add("a"));
        s.schedule(20, () -> order.add("c"));
        s.schedule(20, () -> order.add("d"));
        s.run();
        assertEquals(List.of("a", "b", "c", "d"), order);
        assertEquals(4, s.executedEvents());
        assertEquals(20, s.now());
    }

    @Test
    void schedulingIntoThePastIsAnError() {
        Scheduler s = new Scheduler();
        s.schedule(100, () -> { });
        s.run();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.schedule(99, () -> { }));
        assertTrue(e.getMessage().contains("before the current time"));
        assertThrows(IllegalArgumentException.class, () -> s.scheduleIn(-1, () -> { }));
    }

    @Test
    void cancelledEventsDoNotRunAndAreNotCounted() {
        Scheduler s = new Scheduler();
        int[] ran = new int[1];
        Event e = s.schedule(5, () -> ran[0]++);
        s.schedule(6, () -> ran[0] += 10);
        e.cancel();
        assertTrue(e.isCancelled());
        s.run();
        assertEquals(10, ran[0]);
        assertEquals(1, s.executedEvents());
    }

    @Test
    void runUntilStopsAtTheBoundaryAndAdvancesTheClock() {
        Scheduler s = new Scheduler();
        List<Long> times = new ArrayList<>();
        for (long t = 10; t <= 50; t += 10) {
            long tt = t;
            s.schedule(t, () -> times.add(tt));
        }
        assertTrue(s.runUntil(30));
        assertEquals(List.of(10L, 20L, 30L), times);
        assertEquals(30, s.now());
        s.runUntil(45);
        assertEquals(45, s.now());
        assertEquals(1, s.pending());
    }

    @Test
    void stopEndsTheRunAfterTheCurrentEvent() {
        Scheduler s = new Scheduler();
        List<Integer> seen = new ArrayList<>();
        s.schedule(1, () -> seen.add(1));
        s.schedule(2, () -> { seen.add(2); s.stop(); });
        s.schedule(3, () -> seen.add(3));
        assertFalse(s.runUntil(100));
        assertEquals(List.of(1, 2), seen);
        assertEquals(2, s.now());
        s.runUntil(100);
        assertEquals(List.of(1, 2, 3), seen);
    }

    @Test
    void timerStartRestartCancel() {
        Scheduler s = new Scheduler();
        int[] fired = new int[1];
        Timer t = s.timer(() -> fired[0]++);
        assertFalse(t.isRunning());
        t.start(100);
        assertTrue(t.isRunning());
        assertEquals(100, t.expiry());
        s.runUntil(50);
        t.restart(100);
        assertEquals(150, t.expiry());
        s.runUntil(149);
        assertEquals(0, fired[0]);
        s.runUntil(150);
        assertEquals(1, fired[0]);
        assertFalse(t.isRunning());
        t.start(10);
        t.cancel();
        s.runUntil(1000);
        assertEquals(1, fired[0]);
        assertEquals(-1, t.expiry());
    }

    /** The heap must pop in exactly the order of a sort by (time, sequence), for any input. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 1234567})
    void heapOrderMatchesSortedOrderOnSeededRandomInput(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Scheduler s = new Scheduler();
        int n = 5000;
        long[][] expected = new long[n][];
        List<long[]> popped = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long t = r.nextInt(500);
            long[] key = {t, i};
            expected[i] = key;
            s.schedule(t, () -> popped.add(key));
        }
        java.util.Arrays.sort(expected, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        s.run();
        assertEquals(n, popped.size());
        for (int i = 0; i < n; i++) {
            assertEquals(expected[i][1], popped.get(i)[1], "position " + i);
        }
    }

    @Test
    void namedRandomStreamsRepeatAndDiffer() {
        RandomStreams a = new RandomStreams(7);
        RandomStreams b = new RandomStreams(7);
        assertEquals(a.stream("link/x").nextLong(), b.stream("link/x").nextLong());
        assertFalse(a.stream("link/x").nextLong() == a.stream("link/y").nextLong());
        assertFalse(new RandomStreams(8).stream("link/x").nextLong() == a.stream("link/x").nextLong());
        assertEquals(a.derive("trial-1"), b.derive("trial-1"));
        assertFalse(a.derive("trial-1") == a.derive("trial-2"));
    }

    @Test
    void durationsParseWithUnitsAndFormat() {
        assertEquals(10 * SimTime.SECOND, SimTime.parseDuration("10s"));
        assertEquals(250 * SimTime.MILLISECOND, SimTime.parseDuration("250ms"));
        assertEquals(1_500 * SimTime.MILLISECOND, SimTime.parseDuration("1.5s"));
        assertEquals(90 * SimTime.SECOND, SimTime.parseDuration("1m30s"));
        assertEquals(SimTime.HOUR, SimTime.parseDuration("1h"));
        assertEquals(100 * SimTime.MICROSECOND, SimTime.parseDuration("100us"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SimTime.parseDuration("10"));
        assertTrue(e.getMessage().contains("no unit"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SimTime.parseDuration("10 parsecs"));
        assertThrows(IllegalArgumentException.class, () -> SimTime.parseDuration("s"));
        assertEquals("12.500000000", SimTime.format(12_500_000_000L));
        assertEquals("40s", SimTime.formatShort(40 * SimTime.SECOND));
        assertEquals("250ms", SimTime.formatShort(250 * SimTime.MILLISECOND));
        assertEquals("1.5s", SimTime.formatShort(1500 * SimTime.MILLISECOND));
    }
}
