package io.tunnelsim.routing.ospf;

import io.tunnelsim.node.Network;
import io.tunnelsim.wire.Lsa;
import io.tunnelsim.wire.LsaHeader;
import io.tunnelsim.wire.LsaKey;
import java.util.HashMap;

/**
 * Shares decoded LSAs between the databases of one simulated network. Every router checks
 * the bytes it receives in full (length, checksum, structure; see {@code Lsa.decode}); when
 * they are the same LSA instance another router already holds (same key, sequence number,
 * checksum and contents, the age aside), the database keeps the already held object instead
 * of a second copy, and the received copy's body is never built. With 1000 routers and 1000
 * LSAs this is the difference between one and a thousand decoded copies of each.
 * {@link Lsa} is immutable, and databases never read the shared object's age
 * ({@link Lsdb} keeps ages per entry), so sharing is invisible to the protocol.
 * One instance per network, held by the network ({@link Network#service}); nothing is shared
 * between networks.
 */
final class LsaInterner {
    private final HashMap<LsaKey, Lsa> latest = new HashMap<>();

    private LsaInterner() {
    }

    /** The interner of {@code network}'s routers. */
    static LsaInterner of(Network network) {
        return network.service(LsaInterner.class, n -> new LsaInterner());
    }

    /** The shared object for the instance {@code lsa} carries. */
    Lsa intern(Lsa lsa) {
        LsaHeader h = lsa.header();
        LsaKey key = h.key();
        Lsa c = latest.get(key);
        if (c != null) {
            LsaHeader ch = c.header();
            if (ch.sequenceNumber() == h.sequenceNumber() && ch.checksum() == h.checksum()
                    && ch.length() == h.length() && !c.contentsDiffer(lsa)) {
                return c;
            }
        }
        latest.put(key, lsa);
        return lsa;
    }
}
