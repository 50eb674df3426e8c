package io.tunnelsim.ipsec.module;

import java.util.ArrayList;
import java.util.List;

import io.tunnelsim.topology.Diagnostics;
import io.tunnelsim.topology.DidYouMean;
import io.tunnelsim.topology.InterfaceSpec;
import io.tunnelsim.topology.Location;
import io.tunnelsim.topology.NodeSpec;
import io.tunnelsim.topology.SourceLocations;
import io.tunnelsim.topology.TopologySpec;

/**
 * The references from interfaces to IPsec profiles: each {@code protection:} and
 * {@code crypto-map:} names a profile of the topology's {@code ipsec:} section, and a profile used
 * as a crypto map has its peer, its local and remote subnets and {@code mode: tunnel}. Errors,
 * at the interface key's position.
 */
final class IpsecReferenceCheck {
    private IpsecReferenceCheck() {
    }

    static void check(TopologySpec spec, Diagnostics out) {
        SourceLocations loc = spec.locations();
        IpsecProfiles profiles = IpsecModule.profiles(spec);
        for (NodeSpec n : spec.nodes().values()) {
            for (InterfaceSpec i : n.interfaces().values()) {
                IpsecInterface use = IpsecModule.of(i);
                String base = "nodes/" + n.name() + "/interfaces/" + i.name();
                if (use.protection().isPresent()) {
                    String p = use.protection().get();
                    if (profiles.get(p) == null) {
                        out.error(loc.of(base + "/protection"), "ipsec profile '" + p + "' is not defined under 'ipsec'"
                                + DidYouMean.hint(p, profiles.byName().keySet()));
                    }
                }
                if (use.cryptoMap().isPresent()) {
                    String p = use.cryptoMap().get();
                    IpsecProfileSpec prof = profiles.get(p);
                    Location at = loc.of(base + "/crypto-map");
                    if (prof == null) {
                        out.error(at, "ipsec profile '" + p + "' is not defined under 'ipsec'"
                                + DidYouMean.hint(p, profiles.byName().keySet()));
                        continue;
                    }
                    List<String> missing = new ArrayList<>();
                    if (prof.peer().isEmpty()) {
                        missing.add("peer");
                    }
                    if (prof.local().isEmpty()) {
                        missing.add("local");
                    }
                    if (prof.remote().isEmpty()) {
                        missing.add("remote");
                    }
                    if (!missing.isEmpty()) {
                        out.error(at, "ipsec profile '" + p + "' is used as a crypto map and needs "
                                + String.join(", ", missing) + " (peer address and the local/remote protected subnets)");
                    }
                    if (prof.mode() != IpsecProfileSpec.Mode.TUNNEL) {
                        out.error(at, "ipsec profile '" + p + "' is used as a crypto map and needs mode: tunnel");
                    }
                }
            }
        }
    }
}
