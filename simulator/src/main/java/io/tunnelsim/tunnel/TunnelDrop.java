package io.tunnelsim.tunnel;

import io.tunnelsim.wire.DropReason;

/**
 * Drop reasons of GRE tunnels: decapsulation checks and the tunnel send path. Each constant's {@link #label()} is the stable
 * name the node counts the drop under ({@code show counters}, {@code summary.json}).
 */
public enum TunnelDrop implements DropReason {
    GRE_KEEPALIVE_UNDER_PROTECTION("gre-keepalive-under-protection"),
    GRE_KEY_MISMATCH("gre-key-mismatch"),
    GRE_NO_TUNNEL("gre-no-tunnel"),
    GRE_OUT_OF_ORDER("gre-out-of-order"),
    GRE_UNSUPPORTED_PROTOCOL("gre-unsupported-protocol"),
    TUNNEL_DOWN("tunnel-down"),
    TUNNEL_NO_ROUTE("tunnel-no-route"),
    TUNNEL_PMTU_IGNORED("tunnel-pmtu-ignored"),
    TUNNEL_RECURSION("tunnel-recursion"),
    TUNNEL_UNPROTECTED("tunnel-unprotected");

    private final String label;

    TunnelDrop(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
