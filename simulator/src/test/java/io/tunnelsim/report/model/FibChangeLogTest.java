package io.tunnelsim.report.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FibChangeLogTest {

    /** Random rows against two plain lists of records, through several growths of the arrays. */
    @Test
    void readsBackWhatAnArrayListOfRecordsHolds() {
        Random rnd = new Random(17);
        FibChangeLog log = new FibChangeLog(true);
        List<FibChange> fib = new ArrayList<>();
        List<RouteChange> routes = new ArrayList<>();
        Set<String> distinct = new HashSet<>();
        long t = 0;
        for (int i = 0; i < 5000; i++) {
            t += rnd.nextInt(3) * 1_000_000L; // equal times too
            String router = "r" + rnd.nextInt(40);
            String prefix = "10." + rnd.nextInt(30) + ".0.0/24";
            String from = rnd.nextInt(4) == 0 ? "none" : "tunnel" + rnd.nextInt(5);
            String to = rnd.nextInt(4) == 0 ? "none" : "eth" + rnd.nextInt(3) + " 192.0.2." + rnd.nextInt(9);
            String detail = prefix + " changed to " + to;
            log.add(t, router, prefix, detail, from, to);
            distinct.addAll(List.of(router, prefix, detail, from, to));
            fib.add(new FibChange(t, router, detail));
            routes.add(new RouteChange(t, router, prefix, from, to));
            if (i % 997 == 0) {
                assertEquals(fib, log.fibChanges());
                assertEquals(routes, log.routeChanges());
            }
        }
        assertEquals(5000, log.size());
        assertEquals(fib, log.fibChanges());
        assertEquals(routes, log.routeChanges());
        assertEquals(routes.get(1234).timeNs(), log.timeNs(1234));
        assertEquals(routes.get(1234).node(), log.router(1234));
        assertEquals(routes.get(1234).prefix(), log.prefix(1234));
        // each distinct text is kept once
        assertEquals(distinct.size(), log.distinctStrings());
    }

    @Test
    void equalTextsAreOneString() {
        FibChangeLog log = new FibChangeLog(true);
        log.add(1, new String("hq"), "10.0.0.0/8", "10.0.0.0/8 removed", "tunnel0", "none");
        log.add(2, new String("hq"), "10.0.0.0/8", "10.0.0.0/8 removed", "tunnel0", "none");
        assertSame(log.router(0), log.router(1));
        assertSame(log.fibChanges().get(0).detail(), log.fibChanges().get(1).detail());
        assertSame(log.routeChanges().get(0).from(), log.routeChanges().get(1).from());
    }

    @Test
    void aViewKeepsTheRowsItWasTakenWith() {
        FibChangeLog log = new FibChangeLog(true);
        log.add(1, "a", "10.0.0.0/8", "d", "none", "eth0");
        List<FibChange> before = log.fibChanges();
        List<RouteChange> routesBefore = log.routeChanges();
        for (int i = 0; i < 1000; i++) {
            log.add(2 + i, "b", "10.1.0.0/16", "e", "eth0", "none");
        }
        assertEquals(List.of(new FibChange(1, "a", "d")), before);
        assertEquals(List.of(new RouteChange(1, "a", "10.0.0.0/8", "none", "eth0")), routesBefore);
        assertEquals(1001, log.fibChanges().size());
        assertThrows(IndexOutOfBoundsException.class, () -> before.get(1));
        assertThrows(UnsupportedOperationException.class, () -> before.add(new FibChange(5, "c", "")));
    }

    @Test
    void withoutPathsTheRouteViewIsEmpty() {
        FibChangeLog log = new FibChangeLog(false);
        assertFalse(log.keepsPaths());
        log.add(1, "a", "10.0.0.0/8", "10.0.0.0/8 removed", null, null);
        assertEquals(List.of(new FibChange(1, "a", "10.0.0.0/8 removed")), log.fibChanges());
        assertEquals(List.of(), log.routeChanges());
    }

    @Test
    void evidenceKeepsAViewWithoutCopyingIt() {
        FibChangeLog log = new FibChangeLog(true);
        log.add(1, "a", "10.0.0.0/8", "d", "none", "eth0");
        List<RouteChange> view = log.routeChanges();
        CauseEvidence e = new CauseEvidence(List.of(), List.of(), List.of(), view);
        assertSame(view, e.routes());
        assertEquals(List.of(new RouteChange(1, "a", "10.0.0.0/8", "none", "eth0")), e.routes());
    }
}
