package io.tunnelsim.ipsec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Security Association Database of one node, RFC 4301 §4.4.2. Inbound SAs are found by SPI (the
 * unicast lookup of §4.1); outbound SAs are found through the SPD entry they serve.
 *
 * <p>The inbound side is the node's only SPI index: SPIs sorted in a primitive array beside their
 * SAs and the {@link IpsecPeer} each belongs to, found by binary search. {@link #find} is what
 * every received ESP packet goes through ({@link IpsecEngine} and
 * {@link EspProcessor#open(Sad, io.tunnelsim.wire.PacketBuffer)} alike); it neither boxes nor
 * allocates.
 *
 * <p>Iteration is in SPI order (inbound) and installation order (outbound), so exports such as
 * Wireshark's SA table repeat exactly.
 */
public final class Sad {
    private long[] spis = new long[4];
    private SecurityAssociation[] inbound = new SecurityAssociation[4];
    private IpsecPeer[] owners = new IpsecPeer[4];
    private int inboundCount;
    private final List<SecurityAssociation> outbound = new ArrayList<>();
    private final Map<SpdEntry, SecurityAssociation> bindings = new IdentityHashMap<>();

    /**
     * Installs an inbound SA that belongs to no end, for {@link EspProcessor#open(Sad,
     * io.tunnelsim.wire.PacketBuffer)}; its SPI must be unique among this node's inbound SAs. A
     * node's {@link IpsecEngine} receives only with SAs its ends installed.
     */
    public void addInbound(SecurityAssociation sa) {
        addInbound(sa, null);
    }

    /** Installs an inbound SA of {@code owner}; its SPI must be unique among this node's inbound SAs. */
    void addInbound(SecurityAssociation sa, IpsecPeer owner) {
        if (sa.direction() != SecurityAssociation.Direction.INBOUND) {
            throw new IllegalArgumentException(sa + " is not inbound");
        }
        int i = find(sa.spi());
        if (i >= 0) {
            throw new IllegalArgumentException("inbound SPI 0x" + Long.toHexString(sa.spi()) + " already used by "
                    + inbound[i]);
        }
        i = -(i + 1);
        if (inboundCount == spis.length) {
            spis = Arrays.copyOf(spis, inboundCount * 2);
            inbound = Arrays.copyOf(inbound, inboundCount * 2);
            owners = Arrays.copyOf(owners, inboundCount * 2);
        }
        int tail = inboundCount - i;
        System.arraycopy(spis, i, spis, i + 1, tail);
        System.arraycopy(inbound, i, inbound, i + 1, tail);
        System.arraycopy(owners, i, owners, i + 1, tail);
        spis[i] = sa.spi();
        inbound[i] = sa;
        owners[i] = owner;
        inboundCount++;
    }

    /**
     * The position of the inbound SA with {@code spi} for {@link #inboundAt} and {@link #ownerAt},
     * or a negative number when there is none.
     */
    public int find(long spi) {
        return Arrays.binarySearch(spis, 0, inboundCount, spi);
    }

    /** The inbound SA at position {@code i} (from {@link #find}). */
    public SecurityAssociation inboundAt(int i) {
        return inbound[i];
    }

    /** The end the inbound SA at position {@code i} belongs to, or null for an SA added without one. */
    IpsecPeer ownerAt(int i) {
        return owners[i];
    }

    /** The inbound SA with {@code spi}, or null. */
    public SecurityAssociation inbound(long spi) {
        int i = find(spi);
        return i < 0 ? null : inbound[i];
    }

    /** Removes the inbound SA with {@code spi}; returns it, or null when there was none. */
    public SecurityAssociation removeInbound(long spi) {
        int i = find(spi);
        if (i < 0) {
            return null;
        }
        SecurityAssociation sa = inbound[i];
        int tail = inboundCount - i - 1;
        System.arraycopy(spis, i + 1, spis, i, tail);
        System.arraycopy(inbound, i + 1, inbound, i, tail);
        System.arraycopy(owners, i + 1, owners, i, tail);
        inboundCount--;
        inbound[inboundCount] = null;
        owners[inboundCount] = null;
        return sa;
    }

    /** Removes {@code sa} itself; a no-op when it is gone (or another SA now has its SPI). */
    void removeInbound(SecurityAssociation sa) {
        if (inbound(sa.spi()) == sa) {
            removeInbound(sa.spi());
        }
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

    /** The inbound SAs in SPI order, as they are now. */
    public List<SecurityAssociation> inboundSas() {
        return List.of(Arrays.copyOf(inbound, inboundCount));
    }

    public List<SecurityAssociation> outboundSas() {
        return Collections.unmodifiableList(outbound);
    }
}
