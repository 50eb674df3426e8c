package io.tunnelsim.ipsec.module;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.ipsec.IpsecProfile;
import io.tunnelsim.topology.Diagnostic;
import io.tunnelsim.topology.Diagnostics;
import io.tunnelsim.topology.InterfaceSpec;
import io.tunnelsim.topology.NodeSpec;
import io.tunnelsim.topology.TopologySpec;
import io.tunnelsim.topology.TunnelSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cross-end IPsec checks on a loaded topology: the two ends of a GRE tunnel are configured on
 * two routers, and the simulator runs each end's own configuration, as the routers would. Two
 * misconfigurations then leave a tunnel that carries nothing, and this check warns about each,
 * naming both ends' positions (two ends pair when each one's destination is the other's source
 * and their keys are equal):
 * <ul>
 *   <li>{@code protection:} on one end only — the protected end drops the far end's cleartext GRE
 *       as a policy violation and never gets an SA;</li>
 *   <li>two profiles that cannot agree ({@link IpsecProfile#mismatch}: different transform or
 *       mode, manual keys that do not mirror) — IKE finds no acceptable proposal, no SA.</li>
 * </ul>
 * Warnings, never errors: routers accept either configuration and the simulation shows what
 * it does.
 */
final class IpsecConsistencyCheck {
    private record End(NodeSpec node, InterfaceSpec itf, TunnelSpec tunnel, Ipv4Address source) {
        String name() {
            return node.name() + ":" + itf.name();
        }

        String path() {
            return "nodes/" + node.name() + "/interfaces/" + itf.name();
        }
    }

    private final TopologySpec spec;

    IpsecConsistencyCheck(TopologySpec spec) {
        this.spec = spec;
    }

    /** Runs both checks; warnings in file order. */
    List<Diagnostic> check() {
        Diagnostics d = new Diagnostics();
        List<End> ends = new ArrayList<>();
        for (NodeSpec n : spec.nodes().values()) {
            for (InterfaceSpec i : n.interfaces().values()) {
                if (i.tunnel().isEmpty() || i.tunnel().get().destination() == null) {
                    continue;
                }
                Ipv4Address src = sourceAddress(n, i.tunnel().get());
                if (src != null) {
                    ends.add(new End(n, i, i.tunnel().get(), src));
                }
            }
        }
        // the ends sourced from each address, in file order: a hub's thousands of tunnels each find
        // their far end with one look-up instead of a walk over every other end
        Map<Ipv4Address, List<Integer>> bySource = new HashMap<>();
        for (int y = 0; y < ends.size(); y++) {
            bySource.computeIfAbsent(ends.get(y).source, k -> new ArrayList<>(1)).add(y);
        }
        for (int x = 0; x < ends.size(); x++) {
            End a = ends.get(x);
            for (int y : bySource.getOrDefault(a.tunnel.destination(), List.of())) {
                End b = ends.get(y);
                if (y > x && b.tunnel.destination().equals(a.source)
                        && a.tunnel.key().equals(b.tunnel.key()) && !a.node.name().equals(b.node.name())) {
                    checkPair(a, b, d);
                }
            }
        }
        return d.sorted();
    }

    private void checkPair(End a, End b, Diagnostics d) {
        Optional<String> pa = IpsecModule.of(a.itf).protection();
        Optional<String> pb = IpsecModule.of(b.itf).protection();
        if (pa.isEmpty() && pb.isEmpty()) {
            return;
        }
        if (pa.isEmpty() || pb.isEmpty()) {
            End prot = pa.isPresent() ? a : b;
            End plain = pa.isPresent() ? b : a;
            d.warning(spec.locations().of(prot.path() + "/protection"), "tunnel " + prot.name() + " ("
                    + spec.locations().of(prot.path() + "/protection") + ") is protected by '" + IpsecModule.of(prot.itf).protection().get()
                    + "' but its far end " + plain.name() + " (" + spec.locations().of(plain.path())
                    + ") has no protection: no SA forms, the protected end drops the far end's cleartext GRE"
                    + " (ipsec-cleartext-policy-violation) and the tunnel carries nothing");
            return;
        }
        IpsecProfileSpec sa = IpsecModule.profiles(spec).get(pa.get());
        IpsecProfileSpec sb = IpsecModule.profiles(spec).get(pb.get());
        if (sa == null || sb == null || pa.get().equals(pb.get())) {
            return;
        }
        String why;
        try {
            why = IpsecProfile.mismatch(sa.toProfile(IpsecProfileSpec.Mode.TRANSPORT),
                    sb.toProfile(IpsecProfileSpec.Mode.TRANSPORT));
        } catch (IllegalArgumentException e) {
            return; // an invalid profile is reported as an error where it is defined
        }
        if (why != null) {
            d.warning(spec.locations().of(a.path() + "/protection"), "the two ends of tunnel " + a.name() + " ("
                    + spec.locations().of(a.path() + "/protection") + ", profile '" + pa.get() + "') and " + b.name() + " ("
                    + spec.locations().of(b.path() + "/protection") + ", profile '" + pb.get()
                    + "') cannot agree on an SA: " + why + "; the tunnel carries nothing");
        }
    }

    private static Ipv4Address sourceAddress(NodeSpec n, TunnelSpec t) {
        if (t.sourceAddress().isPresent()) {
            return t.sourceAddress().get();
        }
        InterfaceSpec s = n.interfaces().get(t.sourceInterface());
        return s == null || s.address().isEmpty() ? null : s.address().get().address();
    }
}
