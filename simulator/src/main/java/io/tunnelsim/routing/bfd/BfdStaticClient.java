package io.tunnelsim.routing.bfd;

import io.tunnelsim.routing.StaticRoute;
import io.tunnelsim.routing.StaticRouting;

/**
 * Static routes as a BFD client (IOS {@code ip route static bfd}, FRR {@code ip route ... bfd}):
 * the route is installed only while the session to its next hop is Up, and leaves the RIB the
 * moment the session goes Down, so a floating static behind it takes over within the detection
 * time. A Down caused by the peer's AdminDown keeps the route (RFC 5882 §3.2: not a failure).
 * The session lasts as long as the route's configuration, across crashes of the node.
 */
public final class BfdStaticClient {
    private BfdStaticClient() {
    }

    /** Gates {@code route} (already added to {@code statics}) on the session to {@code peer}. */
    public static BfdSession attach(StaticRouting statics, StaticRoute route, BfdPeer peer, int minimumTtl) {
        statics.gate(route);
        BfdService bfd = BfdService.of(statics.node());
        BfdSession s = bfd.register(peer, minimumTtl, (session, old, now, diag, remoteAdminDown) -> {
            if (now == BfdState.UP) {
                statics.setGate(route, true);
            } else if (old == BfdState.UP && !remoteAdminDown) {
                statics.setGate(route, false);
            }
        });
        if (s.isUp()) {
            statics.setGate(route, true);
        }
        return s;
    }
}
