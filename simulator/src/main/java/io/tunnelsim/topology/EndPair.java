package io.tunnelsim.topology;

/**
 * The two ends of a two-ended link or of a tunnel pair, as a {@link ProtocolModule} sees them
 * when it compares configuration across a link ({@link ProtocolModule#checkPair}).
 *
 * @param spec   the whole topology
 * @param a      the end written first in the file
 * @param b      the other end
 * @param what   how warnings name the pair ({@code link 'wan'}, {@code tunnel hq:tunnel0 ↔ br:tunnel0})
 * @param tunnel whether the pair is a tunnel pair (else a link)
 */
public record EndPair(TopologySpec spec, Endpoint a, Endpoint b, String what, boolean tunnel, Diagnostics out) {

    /** Interface of end {@code a}. */
    public InterfaceSpec interfaceA() {
        return spec.iface(a).orElseThrow();
    }

    /** Interface of end {@code b}. */
    public InterfaceSpec interfaceB() {
        return spec.iface(b).orElseThrow();
    }

    /** Where {@code path} was written (see {@link SourceLocations#of(String)}). */
    public Location location(String path) {
        return spec.locations().of(path);
    }

    /** Where an end's interface was written. */
    public Location interfaceLocation(Endpoint e) {
        return location("nodes/" + e.node() + "/interfaces/" + e.iface());
    }

    /** A warning at {@code at} that names the other end's position. */
    public void warn(Location at, Location other, String message) {
        out.warning(at, message + " (other end: " + other + ")");
    }
}
