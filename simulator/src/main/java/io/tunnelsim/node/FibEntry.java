package io.tunnelsim.node;

import io.tunnelsim.addr.Ipv4Prefix;
import java.util.Arrays;

/** An installed FIB entry: the prefix and its equal-cost paths (at least one). */
public final class FibEntry {
    private final Ipv4Prefix prefix;
    private final Route[] paths;

    public FibEntry(Ipv4Prefix prefix, Route[] paths) {
        if (paths.length == 0) {
            throw new IllegalArgumentException("FIB entry without paths");
        }
        this.prefix = prefix;
        this.paths = paths;
    }

    public Ipv4Prefix prefix() {
        return prefix;
    }

    public int pathCount() {
        return paths.length;
    }

    public Route path(int i) {
        return paths[i];
    }

    public Route first() {
        return paths[0];
    }

    /** Picks a path for a flow: stable per (source, destination) pair, as routers hash flows. */
    public Route select(int src, int dst) {
        if (paths.length == 1) {
            return paths[0];
        }
        int h = (src * 0x9E3779B1) ^ (dst * 0x85EBCA6B);
        h ^= h >>> 15;
        return paths[Math.floorMod(h, paths.length)];
    }

    public java.util.List<Route> paths() {
        return java.util.List.of(paths);
    }

    /** Same forwarding behaviour (paths equal in order), ignoring object identity. */
    public boolean sameAs(FibEntry o) {
        return o != null && prefix.equals(o.prefix) && Arrays.equals(paths, o.paths);
    }

    @Override
    public String toString() {
        return Arrays.toString(paths);
    }
}
