package io.tunnelsim.routing.ospf;

import io.tunnelsim.sim.SimTime;
import io.tunnelsim.wire.Lsa;
import io.tunnelsim.wire.LsaHeader;
import io.tunnelsim.wire.LsaKey;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The link-state database of one area (RFC 2328 §12): the current instance of every LSA,
 * keyed by (LS type, Link State ID, Advertising Router).
 *
 * <p>LS age advances on read: an entry keeps the age the LSA had when installed and the
 * install time, and its age at time {@code t} is {@code min(MaxAge, age + (t - installed))}
 * in whole seconds, so no per-second aging event is needed. The stored {@link Lsa} may be an
 * object shared with other routers' databases (see {@link LsaInterner}); its own age field is
 * therefore never read, only the entry's.
 */
final class Lsdb {

    /** One database entry. */
    static final class Entry {
        final LsaKey key;
        Lsa lsa;
        int ageAtInstall;
        long installTime;
        /** The LSA was originated by this router (for §13.4 and refresh). */
        boolean self;
        /** A MaxAge copy has been flooded; the entry is removed once no neighbour still needs it. */
        boolean flushing;

        Entry(LsaKey key) {
            this.key = key;
        }

        int age(long now) {
            long a = ageAtInstall + (now - installTime) / SimTime.SECOND;
            return (int) Math.min(LsaHeader.MAX_AGE, a);
        }

        boolean isMaxAge(long now) {
            return age(now) >= LsaHeader.MAX_AGE;
        }

        int sequenceNumber() {
            return lsa.header().sequenceNumber();
        }

        /** RFC 2328 §13.1 of {@code h} against this entry's instance at its current age (as {@link LsaHeader#compareInstance}). */
        int compareReceived(LsaHeader h, long now) {
            LsaHeader mine = lsa.header();
            return h.compareInstance(mine.sequenceNumber(), mine.checksum(), age(now));
        }

        /** The header with the current age, as database description and acknowledgment packets carry it. */
        LsaHeader header(long now) {
            LsaHeader h = lsa.header();
            int age = age(now);
            return age == h.age() ? h : new LsaHeader(age, h.options(), h.type(), h.linkStateId(),
                    h.advertisingRouter(), h.sequenceNumber(), h.checksum(), h.length());
        }

        /** The LSA bytes with the current age plus {@code extra} seconds (InfTransDelay on flooding). */
        Lsa lsaForTransmission(long now, int extra) {
            int age = Math.min(LsaHeader.MAX_AGE, age(now) + extra);
            return lsa.withAge(age);
        }
    }

    private static final int INITIAL_CAPACITY = 16;

    /*
     * Open addressing with linear probing, keyed by the three key fields held in primitive
     * arrays (Link State ID and Advertising Router packed in a long, the LS type beside it,
     * 0 marking a free slot): a lookup reads the arrays and the one entry it finds, where a
     * HashMap walks node, key and the key's address objects. Every received LSA copy and
     * every retransmission needs one. Removal shifts entries back (no tombstones).
     */
    private long[] ids = new long[INITIAL_CAPACITY];
    private byte[] types = new byte[INITIAL_CAPACITY];
    private Entry[] values = new Entry[INITIAL_CAPACITY];
    private int size;
    /**
     * No entry can need the aging sweep before this time: the earliest moment some entry's age
     * reaches LSRefreshTime (which comes before MaxAge). Lowered by every install, recomputed
     * by {@link #sweepDone}; it ignores whether an entry is self-originated, so it errs early.
     */
    private long attentionAt = Long.MAX_VALUE;

    private static long attention(Entry e) {
        return e.installTime + Math.max(0, LsaHeader.LS_REFRESH_TIME - e.ageAtInstall) * SimTime.SECOND;
    }

    /**
     * False when the aging sweep at {@code now} would find nothing to do: no entry has
     * reached LSRefreshTime, so none is due for refresh, at MaxAge or being flushed.
     */
    boolean needsSweep(long now) {
        return now >= attentionAt;
    }

    /** After a sweep: the earliest time any entry can need the next one. */
    void sweepDone() {
        long t = Long.MAX_VALUE;
        for (Entry e : values) {
            if (e != null) {
                t = Math.min(t, attention(e));
            }
        }
        attentionAt = t;
    }

    private static long packed(int linkStateId, int advertisingRouter) {
        return (long) linkStateId << 32 | (advertisingRouter & 0xFFFF_FFFFL);
    }

    private static int hash(int type, long packed) {
        long h = (packed ^ (long) type << 56) * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h >>> 32) ^ (int) h;
    }

    private int find(int type, long packed) {
        int m = ids.length - 1;
        for (int i = hash(type, packed) & m; ; i = (i + 1) & m) {
            int t = types[i];
            if (t == 0) {
                return -1;
            }
            if (ids[i] == packed && (t & 0xff) == type) {
                return i;
            }
        }
    }

    Entry get(LsaKey key) {
        return get(key.type(), key.linkStateIdBits(), key.advertisingRouterBits());
    }

    Entry get(int type, int linkStateId, int advertisingRouter) {
        if (type == 0) {
            return null; // type 0 marks free slots; no LSA has it
        }
        int i = find(type, packed(linkStateId, advertisingRouter));
        return i < 0 ? null : values[i];
    }

    /** Installs {@code lsa} whose LS age is {@code age} now; returns the entry (old one updated in place). */
    Entry install(Lsa lsa, int age, long now, boolean self) {
        LsaHeader h = lsa.header();
        int type = h.type();
        if (type == 0) {
            throw new IllegalArgumentException("LS type 0");
        }
        long packed = packed(h.linkStateId().bits(), h.advertisingRouter().bits());
        int i = find(type, packed);
        Entry e;
        if (i >= 0) {
            e = values[i];
        } else {
            e = new Entry(lsa.key());
            if (2 * (size + 1) > ids.length) {
                grow();
            }
            insert(type, packed, e);
            size++;
        }
        e.lsa = lsa;
        e.ageAtInstall = Math.min(age, LsaHeader.MAX_AGE);
        e.installTime = now;
        e.self = self;
        e.flushing = false;
        attentionAt = Math.min(attentionAt, attention(e));
        return e;
    }

    private void insert(int type, long packed, Entry e) {
        int m = ids.length - 1;
        int j = hash(type, packed) & m;
        while (types[j] != 0) {
            j = (j + 1) & m;
        }
        ids[j] = packed;
        types[j] = (byte) type;
        values[j] = e;
    }

    private void grow() {
        long[] oldIds = ids;
        byte[] oldTypes = types;
        Entry[] oldValues = values;
        ids = new long[oldIds.length * 2];
        types = new byte[oldIds.length * 2];
        values = new Entry[oldIds.length * 2];
        for (int i = 0; i < oldIds.length; i++) {
            if (oldTypes[i] != 0) {
                insert(oldTypes[i] & 0xff, oldIds[i], oldValues[i]);
            }
        }
    }

    void remove(LsaKey key) {
        if (key.type() == 0) {
            return;
        }
        int i = find(key.type(), packed(key.linkStateIdBits(), key.advertisingRouterBits()));
        if (i < 0) {
            return;
        }
        size--;
        int m = ids.length - 1;
        int hole = i;
        for (int j = (i + 1) & m; types[j] != 0; j = (j + 1) & m) {
            int home = hash(types[j] & 0xff, ids[j]) & m;
            // j moves into the hole unless its home lies cyclically in (hole, j]
            boolean stays = hole <= j ? (hole < home && home <= j) : (hole < home || home <= j);
            if (!stays) {
                ids[hole] = ids[j];
                types[hole] = types[j];
                values[hole] = values[j];
                hole = j;
            }
        }
        types[hole] = 0;
        ids[hole] = 0;
        values[hole] = null;
    }

    int size() {
        return size;
    }

    /**
     * Every entry, in table order (which depends on the keys present, not on hashing of
     * objects). Callers that act on the order sort first; the database must not change while
     * the view is iterated.
     */
    Iterable<Entry> entries() {
        return () -> new Iterator<Entry>() {
            private final Entry[] v = values;
            private int next = advance(0);

            private int advance(int from) {
                int i = from;
                while (i < v.length && v[i] == null) {
                    i++;
                }
                return i;
            }

            @Override
            public boolean hasNext() {
                return next < v.length;
            }

            @Override
            public Entry next() {
                if (next >= v.length) {
                    throw new NoSuchElementException();
                }
                Entry e = v[next];
                next = advance(next + 1);
                return e;
            }
        };
    }

    /** Entries sorted by key, for deterministic output and database descriptions. */
    List<Entry> sorted() {
        List<Entry> l = new ArrayList<>(size);
        for (Entry e : values) {
            if (e != null) {
                l.add(e);
            }
        }
        l.sort((a, b) -> a.key.compareTo(b.key));
        return l;
    }

    void clear() {
        ids = new long[INITIAL_CAPACITY];
        types = new byte[INITIAL_CAPACITY];
        values = new Entry[INITIAL_CAPACITY];
        size = 0;
        attentionAt = Long.MAX_VALUE;
    }
}
