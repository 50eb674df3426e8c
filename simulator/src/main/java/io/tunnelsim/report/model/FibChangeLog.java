package io.tunnelsim.report.model;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * The FIB changes of a run, kept compact: one row per change in parallel primitive arrays (the
 * time, what happened, and for the router, prefix and path descriptions an index into one table
 * of distinct strings). A large run changes millions of FIB entries whose parts repeat (a few
 * thousand routers and prefixes, a few path sets per router), so a row costs 29 bytes where a
 * {@link FibChange} plus a {@link RouteChange} with their own strings cost a few hundred. The
 * whole description ({@link FibChange#detail()}) joins a prefix and a path set, so it is nearly
 * unique per row: it is never stored, only made when a row is read through the views.
 *
 * <p>Rows are only appended; a view shows the rows present when it was taken, so it never
 * changes afterwards. Not thread-safe: one run appends, readers come after it.
 */
public final class FibChangeLog {
    private final boolean paths;
    private final Map<String, Integer> ids = new HashMap<>();
    private String[] strings = new String[64];
    private int stringCount;

    private long[] times = new long[256];
    private int[] routers = new int[256];
    private int[] prefixes = new int[256];
    private int[] vias = new int[256];
    private byte[] kinds = new byte[256];
    private int[] froms;
    private int[] tos;
    private int size;

    /**
     * @param paths keep each change's paths before and after (for {@link #routeChanges()}); without
     *              them a row holds the time, router, prefix and detail only
     */
    public FibChangeLog(boolean paths) {
        this.paths = paths;
        if (paths) {
            froms = new int[256];
            tos = new int[256];
        }
    }

    /** Whether the log keeps the paths before and after each change. */
    public boolean keepsPaths() {
        return paths;
    }

    /** What a change did to its prefix's FIB entry. */
    public enum Kind {
        ADDED(" added via "), CHANGED(" changed to "), REMOVED(" removed");

        private final String words;

        Kind(String words) {
            this.words = words;
        }
    }

    private static final Kind[] KINDS = Kind.values();

    /**
     * Appends one change. Its {@link FibChange#detail()} reads {@code prefix}, the kind's words and
     * {@code via}, e.g. {@code 10.2.0.0/16 changed to Tunnel1 172.16.0.1 [O 110/20]}.
     *
     * @param via  the paths after the change as the detail shows them; ignored for {@link Kind#REMOVED}
     * @param from the {@link RouteChange#from()} text; ignored when the log keeps no paths
     * @param to   the {@link RouteChange#to()} text; ignored when the log keeps no paths
     */
    public void add(long timeNs, String router, String prefix, Kind kind, String via, String from, String to) {
        if (size == times.length) {
            int n = size * 2;
            times = Arrays.copyOf(times, n);
            routers = Arrays.copyOf(routers, n);
            prefixes = Arrays.copyOf(prefixes, n);
            vias = Arrays.copyOf(vias, n);
            kinds = Arrays.copyOf(kinds, n);
            if (paths) {
                froms = Arrays.copyOf(froms, n);
                tos = Arrays.copyOf(tos, n);
            }
        }
        times[size] = timeNs;
        routers[size] = intern(router);
        prefixes[size] = intern(prefix);
        kinds[size] = (byte) kind.ordinal();
        vias[size] = kind == Kind.REMOVED ? -1 : intern(via);
        if (paths) {
            froms[size] = intern(from);
            tos[size] = intern(to);
        }
        size++;
    }

    private int intern(String s) {
        Integer id = ids.get(s);
        if (id != null) {
            return id;
        }
        if (stringCount == strings.length) {
            strings = Arrays.copyOf(strings, stringCount * 2);
        }
        strings[stringCount] = s;
        ids.put(s, stringCount);
        return stringCount++;
    }

    public int size() {
        return size;
    }

    /** The number of distinct strings the rows refer to. */
    public int distinctStrings() {
        return stringCount;
    }

    public long timeNs(int i) {
        check(i, size);
        return times[i];
    }

    public String router(int i) {
        check(i, size);
        return strings[routers[i]];
    }

    public String prefix(int i) {
        check(i, size);
        return strings[prefixes[i]];
    }

    /** The rows up to now as {@link FibChange}s, made as they are read. */
    public List<FibChange> fibChanges() {
        int n = size;
        return new View<>(n) {
            @Override
            public FibChange get(int i) {
                check(i, n);
                return new FibChange(times[i], strings[routers[i]], detail(i));
            }
        };
    }

    /** The rows up to now as {@link RouteChange}s, made as they are read; empty when the log keeps no paths. */
    public List<RouteChange> routeChanges() {
        int n = paths ? size : 0;
        return new View<>(n) {
            @Override
            public RouteChange get(int i) {
                check(i, n);
                return new RouteChange(times[i], strings[routers[i]], strings[prefixes[i]], strings[froms[i]],
                        strings[tos[i]]);
            }
        };
    }

    private String detail(int i) {
        Kind kind = KINDS[kinds[i]];
        String prefix = strings[prefixes[i]];
        return kind == Kind.REMOVED ? prefix + kind.words : prefix + kind.words + strings[vias[i]];
    }

    private static void check(int i, int n) {
        if (i < 0 || i >= n) {
            throw new IndexOutOfBoundsException("row " + i + " of " + n);
        }
    }

    /**
     * A read-only list over a fixed number of the log's rows. The rows it covers never change, so
     * a holder may keep it as it keeps an immutable list.
     */
    public abstract static class View<T> extends AbstractList<T> implements RandomAccess {
        private final int size;

        View(int size) {
            this.size = size;
        }

        @Override
        public final int size() {
            return size;
        }
    }
}
