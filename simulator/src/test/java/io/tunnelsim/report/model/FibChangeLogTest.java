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
            FibChangeLog.Kind kind = FibChangeLog.Kind.values()[rnd.nextInt(3)];
            String via = to + " [O 110/" + rnd.nextInt(4) + "]";
            String detail = prefix + switch (kind) {
                case ADDED -> " added via " + via;
                case CHANGED -> " changed to " + via;
                case REMOVED -> " removed";
            };
            log.add(t, router, prefix, kind, via, from, to);
            distinct.addAll(List.of(router, prefix, from, to));
            if (kind != FibChangeLog.Kind.REMOVED) {
                distinct.add(via);
            }
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
        // each distinct part is kept once; the joined descriptions are not kept at all
        assertEquals(distinct.size(), log.distinctStrings());
    }

    @Test
    void equalTextsAreOneString() {
        FibChangeLog log = new FibChangeLog(true);
        log.add(1, new String("hq"), "10.0.0.0/8", FibChangeLog.Kind.REMOVED, null, "tunnel0", "none");
        log.add(2, new String("hq"), "10.0.0.0/8", FibChangeLog.Kind.REMOVED, null, "tunnel0", "none");
        assertSame(log.router(0), log.router(1));
        assertEquals("10.0.0.0/8 removed", log.fibChanges().get(1).detail());
        assertSame(log.routeChanges().get(0).from(), log.routeChanges().get(1).from());
    }

    @Test
    void aViewKeepsTheRowsItWasTakenWith() {
        FibChangeLog log = new FibChangeLog(true);
        log.add(1, "a", "10.0.0.0/8", FibChangeLog.Kind.ADDED, "eth0 [C 0/0]", "none", "eth0");
        List<FibChange> before = log.fibChanges();
        List<RouteChange> routesBefore = log.routeChanges();
        for (int i = 0; i < 1000; i++) {
            log.add(2 + i, "b", "10.1.0.0/16", FibChangeLog.Kind.REMOVED, null, "eth0", "none");
        }
        assertEquals(List.of(new FibChange(1, "a", "10.0.0.0/8 added via eth0 [C 0/0]")), before);
        assertEquals(List.of(new RouteChange(1, "a", "10.0.0.0/8", "none", "eth0")), routesBefore);
        assertEquals(1001, log.fibChanges().size());
        assertThrows(IndexOutOfBoundsException.class, () -> before.get(1));
        assertThrows(UnsupportedOperationException.class, () -> before.add(new FibChange(5, "c", "")));
    }

    @Test
    void withoutPathsTheRouteViewIsEmpty() {
        FibChangeLog log = new FibChangeLog(false);
        assertFalse(log.keepsPaths());
        log.add(1, "a", "10.0.0.0/8", FibChangeLog.Kind.REMOVED, "ignored", null, null);
        assertEquals(List.of(new FibChange(1, "a", "10.0.0.0/8 removed")), log.fibChanges());
        assertEquals(List.of(), log.routeChanges());
    }

    @Test
    void evidenceKeepsAViewWithoutCopyingIt() {
        FibChangeLog log = new FibChangeLog(true);
        log.add(1, "a", "10.0.0.0/8", FibChangeLog.Kind.ADDED, "eth0 [C 0/0]", "none", "eth0");
        List<RouteChange> view = log.routeChanges();
        CauseEvidence e = new CauseEvidence(List.of(), List.of(), List.of(), view);
        assertSame(view, e.routes());
        assertEquals(List.of(new RouteChange(1, "a", "10.0.0.0/8", "none", "eth0")), e.routes());
    }
}
