package io.tunnelsim.ipsec;

/**
 * A port selector, RFC 4301 §4.4.1.1: an inclusive range, or {@link #ANY}. Packets without ports
 * (GRE, ICMP, fragments) are "OPAQUE", passed as {@link #NO_PORT}, and match only {@link #ANY}.
 */
public record PortRange(int low, int high) {

    public static final PortRange ANY = new PortRange(0, 65535);
    /** Port value for packets whose protocol has no ports. */
    public static final int NO_PORT = -1;

    public PortRange {
        if (low < 0 || high > 65535 || low > high) {
            throw new IllegalArgumentException("port range " + low + "-" + high + " is not within 0-65535");
        }
    }

    public static PortRange of(int port) {
        return new PortRange(port, port);
    }

    public boolean isAny() {
        return low == 0 && high == 65535;
    }

    public boolean matches(int port) {
        if (port == NO_PORT) {
            return isAny();
        }
        return port >= low && port <= high;
    }

    @Override
    public String toString() {
        return isAny() ? "any" : low == high ? Integer.toString(low) : low + "-" + high;
    }
}
