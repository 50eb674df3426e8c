package io.tunnelsim.routing.bfd;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.routing.ospf.OspfNeighbor;
import io.tunnelsim.routing.ospf.OspfProcess;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * OSPF as a BFD client ({@code ip ospf bfd} on an interface, IOS and FRR): a neighbour on a BFD
 * interface gets a single-hop session to its address once it reaches 2-Way (FRR registers it
 * then; IOS too); when that session goes from Up to Down the neighbour is killed at once, logged
 * {@code Neighbor Down: BFD node down}, so SPF runs without waiting for the dead interval. The
 * session is released when the neighbour goes Down for any reason, and asked for again when
 * hellos bring it back. A Down caused by the peer's AdminDown is not a failure (RFC 5882 §3.2)
 * and leaves the neighbour alone.
 *
 * <p>Simplifications: OSPF does not wait for the BFD session before forming the adjacency.
 */
public final class BfdOspfClient {
    private final OspfProcess process;
    private final BfdService bfd;
    private final Set<String> interfaces = new HashSet<>();
    private final Map<OspfNeighbor, BfdPeer> attached = new HashMap<>();

    private BfdOspfClient(OspfProcess process) {
        this.process = process;
        this.bfd = BfdService.of(process.node());
        process.addNeighborListener(this::neighborChanged);
    }

    /** Turns BFD on for the OSPF neighbours on {@code interfaceName}. */
    public static void enable(OspfProcess process, String interfaceName) {
        BfdService bfd = BfdService.of(process.node());
        if (bfd.ospfClient == null || bfd.ospfClient.process != process) {
            bfd.ospfClient = new BfdOspfClient(process);
        }
        bfd.ospfClient.interfaces.add(interfaceName);
    }

    /** The interfaces whose OSPF neighbours get sessions. */
    Set<String> interfaces() {
        return interfaces;
    }

    /** The node crashed: its neighbours and their sessions are gone. */
    void forget() {
        attached.clear();
        listeners.clear();
    }

    private void neighborChanged(OspfNeighbor n, OspfNeighbor.State old, OspfNeighbor.State now) {
        String itf = n.ospfInterface().itf().name();
        if (!interfaces.contains(itf)) {
            return;
        }
        boolean wanted = now.compareTo(OspfNeighbor.State.TWO_WAY) >= 0;
        BfdPeer peer = attached.get(n);
        if (wanted && peer == null) {
            peer = BfdPeer.singleHop(new Ipv4Address(n.address()), itf);
            attached.put(n, peer);
            bfd.attach(peer, sessionListener(n));
        } else if (now == OspfNeighbor.State.DOWN && peer != null) {
            attached.remove(n);
            bfd.release(peer, listeners.remove(n));
        }
    }

    private final Map<OspfNeighbor, BfdSession.Listener> listeners = new HashMap<>();

    private BfdSession.Listener sessionListener(OspfNeighbor n) {
        BfdSession.Listener l = (s, old, now, diag, remoteAdminDown) -> {
            if (old == BfdState.UP && now == BfdState.DOWN && !remoteAdminDown) {
                process.killNeighbor(n, "Neighbor Down: BFD node down");
            }
        };
        listeners.put(n, l);
        return l;
    }
}
