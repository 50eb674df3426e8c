package io.tunnelsim.routing.ospf;

import io.tunnelsim.sim.SimTime;
import io.tunnelsim.wire.Lsa;
import io.tunnelsim.wire.LsaHeader;
import io.tunnelsim.wire.LsaKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;

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

    private final HashMap<LsaKey, Entry> entries = new HashMap<>();

    Entry get(LsaKey key) {
        return entries.get(key);
    }

    /** Installs {@code lsa} whose LS age is {@code age} now; returns the entry (old one updated in place). */
    Entry install(Lsa lsa, int age, long now, boolean self) {
        LsaKey key = lsa.key();
        Entry e = entries.get(key);
        if (e == null) {
            e = new Entry(key);
            entries.put(key, e);
        }
        e.lsa = lsa;
        e.ageAtInstall = Math.min(age, LsaHeader.MAX_AGE);
        e.installTime = now;
        e.self = self;
        e.flushing = false;
        return e;
    }

    void remove(LsaKey key) {
        entries.remove(key);
    }

    int size() {
        return entries.size();
    }

    Collection<Entry> entries() {
        return entries.values();
    }

    /** Entries sorted by key, for deterministic output and database descriptions. */
    List<Entry> sorted() {
        List<Entry> l = new ArrayList<>(entries.values());
        l.sort((a, b) -> a.key.compareTo(b.key));
        return l;
    }

    void clear() {
        entries.clear();
    }
}
