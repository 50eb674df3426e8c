package io.tunnelsim.routing.bfd;

import io.tunnelsim.node.Node;
import io.tunnelsim.routing.track.Track;
import io.tunnelsim.topology.StaticBfdSpec;

/**
 * A track object following a BFD session: up while the session is Up, down when it goes Down
 * (after the track's delays), logged {@code %TRACK-6-STATE: 5 bfd 10.0.0.2 Up -> Down}; static
 * routes with {@code track: 5} follow it. A Down caused by the peer's AdminDown leaves the
 * object as it is (RFC 5882 §3.2).
 */
public final class BfdTrack {
    private BfdTrack() {
    }

    public static Track create(Node node, int id, StaticBfdSpec spec, long upDelay, long downDelay) {
        BfdPeer peer = spec.multihop() ? BfdPeer.multihop(spec.peer(), spec.source().get())
                : BfdPeer.singleHop(spec.peer(), spec.interfaceName().get());
        Track t = new Track(node, id, "bfd " + spec.peer(), upDelay, downDelay);
        node.addService(t);
        BfdService.of(node).register(peer, spec.minimumTtl(), (s, old, now, diag, remoteAdminDown) -> {
            if (now == BfdState.UP) {
                t.setReachability(true);
            } else if (old == BfdState.UP && !remoteAdminDown) {
                t.setReachability(false);
            }
        });
        return t;
    }
}
