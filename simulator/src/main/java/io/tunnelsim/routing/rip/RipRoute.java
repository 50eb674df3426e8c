package io.tunnelsim.routing.rip;

import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.node.Interface;
import java.util.Arrays;

/**
 * One entry of the RIP routing table (RFC 2453 §3.6): destination, metric, next hop, the
 * interface it was learnt on, route tag, the route change flag and the two timers. The timers
 * are deadlines, checked by the process's one sweep event (refreshing a route only moves its
 * deadline: no scheduler operation, no allocation).
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
    long garbageAt;
    long holdDownUntil;
    /** Further equal-metric paths from other neighbours (IOS maximum-paths), each with its own timeout. */
    private Path[] alternates = NO_PATHS;
    private int alternateCount;

    /** One further path: next hop, interface, when it was last heard. */
    static final class Path {
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

    Path alternateAt(int i) {
        return alternates[i];
    }

    Path alternate(int nh, Interface in) {
        for (int i = 0; i < alternateCount; i++) {
            Path p = alternates[i];
            if (p.nextHop == nh && p.itf == in) {
                return p;
            }
        }
        return null;
    }

    void addAlternate(Path p) {
        if (alternateCount == alternates.length) {
            alternates = Arrays.copyOf(alternates, Math.max(1, alternateCount * 2));
        }
        alternates[alternateCount++] = p;
    }

    private void removeAlternateAt(int i) {
        System.arraycopy(alternates, i + 1, alternates, i, alternateCount - i - 1);
        alternates[--alternateCount] = null;
    }

    void removeAlternate(Path p) {
        for (int i = 0; i < alternateCount; i++) {
            if (alternates[i] == p) {
                removeAlternateAt(i);
                return;
            }
        }
    }

    /** Drops the alternates through {@code out}; true when there were any. */
    boolean removeAlternatesVia(Interface out) {
        boolean removed = false;
        for (int i = alternateCount - 1; i >= 0; i--) {
            if (alternates[i].itf == out) {
                removeAlternateAt(i);
                removed = true;
            }
        }
        return removed;
    }

    /** Drops the alternates last heard at or before {@code heardBy}; true when there were any. */
    boolean removeAlternatesHeardBy(long heardBy) {
        boolean removed = false;
        for (int i = alternateCount - 1; i >= 0; i--) {
            if (alternates[i].lastHeard <= heardBy) {
                removeAlternateAt(i);
                removed = true;
            }
        }
        return removed;
    }

    void clearAlternates() {
        Arrays.fill(alternates, 0, alternateCount, null);
        alternateCount = 0;
    }

    /** The earliest time a path of this route (primary or alternate) was last heard. */
    long oldestHeard() {
        long heard = lastHeard;
        for (int i = 0; i < alternateCount; i++) {
            heard = Math.min(heard, alternates[i].lastHeard);
        }
        return heard;
    }

    /** True when the primary path or an alternate leaves through {@code out}. */
    boolean uses(Interface out) {
        if (itf == out) {
            return true;
        }
        for (int i = 0; i < alternateCount; i++) {
            if (alternates[i].itf == out) {
                return true;
            }
        }
        return false;
    }

    /** Replaces the primary path by the first alternate (same metric). */
    void promote() {
        Path p = alternates[0];
        removeAlternateAt(0);
        nextHop = p.nextHop;
        itf = p.itf;
        lastHeard = p.lastHeard;
    }
}
