package io.tunnelsim.ipsec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Security Association Database of one node, RFC 4301 §4.4.2. Inbound SAs are found by SPI (the
 * unicast lookup of §4.1); outbound SAs are found through the SPD entry they serve.
 *
 * <p>Iteration is in SPI order (inbound) and installation order (outbound), so exports such as
 * Wireshark's SA table repeat exactly.
 */
public final class Sad {
    private final Map<Long, SecurityAssociation> inbound = new TreeMap<>();
    private final List<SecurityAssociation> outbound = new ArrayList<>();
    private final Map<SpdEntry, SecurityAssociation> bindings = new IdentityHashMap<>();

    /** Installs an inbound SA; its SPI must be unique among this node's inbound SAs. */
    public void addInbound(SecurityAssociation sa) {
        if (sa.direction() != SecurityAssociation.Direction.INBOUND) {
            throw new IllegalArgumentException(sa + " is not inbound");
        }
        SecurityAssociation previous = inbound.putIfAbsent(sa.spi(), sa);
        if (previous != null) {
            throw new IllegalArgumentException("inbound SPI 0x" + Long.toHexString(sa.spi()) + " already used by " + previous);
        }
    }

    /** The inbound SA with {@code spi}, or null. */
    public SecurityAssociation inbound(long spi) {
        return inbound.get(spi);
    }

    public SecurityAssociation removeInbound(long spi) {
        return inbound.remove(spi);
    }

    /** Installs an outbound SA and makes it the one used for traffic matching {@code entry}. */
    public void bindOutbound(SpdEntry entry, SecurityAssociation sa) {
        if (sa.direction() != SecurityAssociation.Direction.OUTBOUND) {
            throw new IllegalArgumentException(sa + " is not outbound");
        }
        if (entry.action() != SpdAction.PROTECT) {
            throw new IllegalArgumentException("SPD entry " + entry.name() + " is " + entry.action() + ", not PROTECT");
        }
        SecurityAssociation previous = bindings.put(entry, sa);
        if (previous != null) {
            outbound.remove(previous);
        }
        outbound.add(sa);
    }

    /** Removes the outbound SA serving {@code entry} (the SA pair was torn down); returns it or null. */
    public SecurityAssociation unbindOutbound(SpdEntry entry) {
        SecurityAssociation previous = bindings.remove(entry);
        if (previous != null) {
            outbound.remove(previous);
        }
        return previous;
    }

    /** The outbound SA serving {@code entry}, or null when none is established yet. */
    public SecurityAssociation outboundFor(SpdEntry entry) {
        return bindings.get(entry);
    }

    public Collection<SecurityAssociation> inboundSas() {
        return Collections.unmodifiableCollection(inbound.values());
    }

    public List<SecurityAssociation> outboundSas() {
        return Collections.unmodifiableList(outbound);
    }
}
