package io.tunnelsim.report.model;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * The FIB changes of a run, kept compact: one row per change in parallel primitive arrays (the
 * time, and for the router, prefix and descriptions an index into one table of distinct
 * strings). A large run changes millions of FIB entries whose texts repeat (a few thousand
 * routers, prefixes and path descriptions), so a row costs 28 bytes where a {@link FibChange}
 * plus a {@link RouteChange} with their own strings cost a few hundred. The records are made
 * only when read, through the two list views.
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
    private int[] details = new int[256];
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

    /**
     * Appends one change.
     *
     * @param detail the {@link FibChange#detail()} text
     * @param from   the {@link RouteChange#from()} text; ignored when the log keeps no paths
     * @param to     the {@link RouteChange#to()} text; ignored when the log keeps no paths
     */
    public void add(long timeNs, String router, String prefix, String detail, String from, String to) {
        if (size == times.length) {
            int n = size * 2;
            times = Arrays.copyOf(times, n);
            routers = Arrays.copyOf(routers, n);
            prefixes = Arrays.copyOf(prefixes, n);
            details = Arrays.copyOf(details, n);
            if (paths) {
                froms = Arrays.copyOf(froms, n);
                tos = Arrays.copyOf(tos, n);
            }
        }
        times[size] = timeNs;
        routers[size] = intern(router);
        prefixes[size] = intern(prefix);
        details[size] = intern(detail);
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
                return new FibChange(times[i], strings[routers[i]], strings[details[i]]);
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
