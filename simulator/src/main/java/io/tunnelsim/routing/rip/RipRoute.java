package io.tunnelsim.routing.rip;

import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.node.Interface;
import java.util.Arrays;

/**
 * One entry of the RIP routing table (RFC 2453 §3.6): destination, metric, next hop, the
 * interface it was learnt on, route tag, the route change flag and the two timers. The timers
 * are deadlines, checked by the process's one sweep event (refreshing a route only moves its
 * deadline: no scheduler operation, no allocation); the garbage-collection and hold-down
 * deadlines both follow from the time the route became unreachable.
 *
 * <p>Further equal-metric paths (IOS maximum-paths): the first one's next hop, interface and
 * last-heard time are fields of the route itself, any further ones small objects in an array;
 * a router holds one route per destination, and most destinations have at most two paths.
 */
final class RipRoute {
    enum Kind { CONNECTED, ORIGINATED, LEARNT }

    private static final Path[] NO_PATHS = new Path[0];

    final Ipv4Prefix prefix;
    final Kind kind;
    int metric;
    int nextHop;
    Interface itf;
    int tag;
    boolean changed;
    long lastHeard;
    /** When the route last became unreachable (valid while it is). */
    long invalidAt;
    private int alternateCount;
    /** Alternate 0. */
    private int altNextHop;
    private Interface altItf;
    private long altHeard;
    /** Alternates 1, 2, ... */
    private Path[] more = NO_PATHS;

    /** An alternate beyond the first: next hop, interface, when it was last heard. */
    private static final class Path {
        final int nextHop;
        final Interface itf;
        long lastHeard;

        Path(int nextHop, Interface itf, long lastHeard) {
            this.nextHop = nextHop;
            this.itf = itf;
            this.lastHeard = lastHeard;
        }
    }

    RipRoute(Ipv4Prefix prefix, Kind kind, int metric, int nextHop, Interface itf, int tag, long now) {
        this.prefix = prefix;
        this.kind = kind;
        this.metric = metric;
        this.nextHop = nextHop;
        this.itf = itf;
        this.tag = tag;
        this.lastHeard = now;
    }

    boolean reachable() {
        return metric < RipProcess.INFINITY;
    }

    int alternateCount() {
        return alternateCount;
    }

    boolean hasAlternates() {
        return alternateCount > 0;
    }

    int alternateNextHop(int i) {
        return i == 0 ? altNextHop : more[i - 1].nextHop;
    }

    Interface alternateItf(int i) {
        return i == 0 ? altItf : more[i - 1].itf;
    }

    private long alternateHeard(int i) {
        return i == 0 ? altHeard : more[i - 1].lastHeard;
    }

    /** Index of the alternate path through {@code nh} on {@code in}, or -1. */
    int alternate(int nh, Interface in) {
        for (int i = 0; i < alternateCount; i++) {
            if (alternateNextHop(i) == nh && alternateItf(i) == in) {
                return i;
            }
        }
        return -1;
    }

    void heardAlternate(int i, long now) {
        if (i == 0) {
            altHeard = now;
        } else {
            more[i - 1].lastHeard = now;
        }
    }

    void addAlternate(int nh, Interface in, long now) {
        if (alternateCount == 0) {
            altNextHop = nh;
            altItf = in;
            altHeard = now;
        } else {
            int j = alternateCount - 1;
            if (j == more.length) {
                more = Arrays.copyOf(more, Math.max(1, 2 * j));
            }
            more[j] = new Path(nh, in, now);
        }
        alternateCount++;
    }

    void removeAlternate(int i) {
        if (i == 0) {
            if (alternateCount > 1) {
                Path p = more[0];
                altNextHop = p.nextHop;
                altItf = p.itf;
                altHeard = p.lastHeard;
                i = 1; // the first further one moved up: remove it from the array
            } else {
                altItf = null;
                alternateCount = 0;
                return;
            }
        }
        int j = i - 1;
        int n = alternateCount - 1;
        System.arraycopy(more, j + 1, more, j, n - j - 1);
        more[n - 1] = null;
        alternateCount--;
    }

    /** Drops the alternates through {@code out}; true when there were any. */
    boolean removeAlternatesVia(Interface out) {
        boolean removed = false;
        for (int i = alternateCount - 1; i >= 0; i--) {
            if (alternateItf(i) == out) {
                removeAlternate(i);
                removed = true;
            }
        }
        return removed;
    }

    /** Drops the alternates last heard at or before {@code heardBy}; true when there were any. */
    boolean removeAlternatesHeardBy(long heardBy) {
        boolean removed = false;
        for (int i = alternateCount - 1; i >= 0; i--) {
            if (alternateHeard(i) <= heardBy) {
                removeAlternate(i);
                removed = true;
            }
        }
        return removed;
    }

    void clearAlternates() {
        altItf = null;
        Arrays.fill(more, null);
        alternateCount = 0;
    }

    /** The earliest time a path of this route (primary or alternate) was last heard. */
    long oldestHeard() {
        long heard = lastHeard;
        for (int i = 0; i < alternateCount; i++) {
            heard = Math.min(heard, alternateHeard(i));
        }
        return heard;
    }

    /** True when the primary path or an alternate leaves through {@code out}. */
    boolean uses(Interface out) {
        if (itf == out) {
            return true;
        }
        for (int i = 0; i < alternateCount; i++) {
            if (alternateItf(i) == out) {
                return true;
            }
        }
        return false;
    }

    /** Replaces the primary path by the first alternate (same metric). */
    void promote() {
        nextHop = altNextHop;
        itf = altItf;
        lastHeard = altHeard;
        removeAlternate(0);
    }
}
