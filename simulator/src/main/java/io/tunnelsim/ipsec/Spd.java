package io.tunnelsim.ipsec;

import io.tunnelsim.addr.Ipv4Address;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Security Policy Database of one node (or one interface), RFC 4301 §4.4.1: an ordered list of
 * entries searched first-match. No match means discard (§4.4.1: traffic not explicitly allowed
 * is dropped); callers see that as a {@code null} lookup result.
 *
 * <p>Simplifications: one combined list for outbound decisions (the SPD-O/SPD-S split and the
 * decorrelation of §4.4.1.2 are not modelled); overlapping entries are resolved by order alone.
 */
public final class Spd {
    private final List<SpdEntry> entries = new ArrayList<>();

    /** Appends an entry (lowest priority so far); names must be unique. */
    public Spd add(SpdEntry entry) {
        for (SpdEntry e : entries) {
            if (e.name().equals(entry.name())) {
                throw new IllegalArgumentException("SPD already has an entry named " + entry.name());
            }
        }
        entries.add(entry);
        return this;
    }

    public List<SpdEntry> entries() {
        return Collections.unmodifiableList(entries);
    }

    /** The first entry matching the packet, or null (discard). */
    public SpdEntry lookup(int sourceBits, int destinationBits, int protocol, int sourcePort, int destinationPort) {
        for (int i = 0, n = entries.size(); i < n; i++) {
            SpdEntry e = entries.get(i);
            if (e.matches(sourceBits, destinationBits, protocol, sourcePort, destinationPort)) {
                return e;
            }
        }
        return null;
    }

    public SpdEntry lookup(Ipv4Address source, Ipv4Address destination, int protocol, int sourcePort, int destinationPort) {
        return lookup(source.bits(), destination.bits(), protocol, sourcePort, destinationPort);
    }

    /** The action for a packet: the first matching entry's, or DISCARD when nothing matches. */
    public SpdAction decide(Ipv4Address source, Ipv4Address destination, int protocol, int sourcePort, int destinationPort) {
        SpdEntry e = lookup(source, destination, protocol, sourcePort, destinationPort);
        return e == null ? SpdAction.DISCARD : e.action();
    }
}
