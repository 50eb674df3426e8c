package io.tunnelsim.routing.rip;

import io.tunnelsim.topology.EndPair;
import io.tunnelsim.topology.Endpoint;
import io.tunnelsim.topology.NodeSpec;
import io.tunnelsim.wire.Authentication;

/**
 * RIP's check across the two ends of a link or tunnel pair, both ends running RIP: the
 * authentication differs (mode, key ID or key), so every packet is refused (RFC 2453 §5.2,
 * RFC 2082).
 */
final class RipCrossEnd {
    private RipCrossEnd() {
    }

    static void check(EndPair p) {
        Endpoint a = p.a();
        Endpoint b = p.b();
        RipSpec.RipInterfaceSpec x = rip(p, a);
        RipSpec.RipInterfaceSpec y = rip(p, b);
        if (x == null || y == null) {
            return;
        }
        String auth = Authentication.mismatch(a, x.authentication(), b, y.authentication());
        if (auth != null) {
            p.warn(p.location("nodes/" + a.node() + "/rip/interfaces/" + a.iface()),
                    p.location("nodes/" + b.node() + "/rip/interfaces/" + b.iface()), "RIP authentication differs across "
                            + p.what() + ": " + auth + "; each end drops the other's packets as unauthenticated");
        }
    }

    private static RipSpec.RipInterfaceSpec rip(EndPair p, Endpoint e) {
        NodeSpec n = p.spec().node(e.node());
        return n == null ? null : n.protocol(RipSpec.class).map(r -> r.interfaces().get(e.iface())).orElse(null);
    }
}
