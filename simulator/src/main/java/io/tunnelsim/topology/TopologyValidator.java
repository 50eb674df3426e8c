package io.tunnelsim.topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tunnelsim.addr.Ipv4Prefix;

/**
 * Checks that need the whole topology: link endpoints, one link per interface, one subnet per
 * link, unique and non-overlapping addresses, then each registered {@link NetworkModule}'s
 * references (IPsec profiles named by interfaces). Positions come from the spec's
 * {@link SourceLocations}.
 */
final class TopologyValidator {

    private final TopologySpec spec;
    private final SourceLocations loc;
    private final Diagnostics out;
    /** Links with a wiring error; overlap checks around them would only repeat that error. */
    private final Set<String> troubled = new HashSet<>();
    private boolean errorsBeforeAddressCheck;

    TopologyValidator(TopologySpec spec, Diagnostics out) {
        this.spec = spec;
        this.loc = spec.locations();
        this.out = out;
    }

    void validate() {
        Map<Endpoint, Integer> segmentOf = checkLinks();
        checkAddresses(segmentOf);
        for (NetworkModule<?> nm : NetworkModules.all()) {
            nm.checkReferences(spec, out);
        }
    }

    /** Returns the link index of each correctly wired endpoint. */
    private Map<Endpoint, Integer> checkLinks() {
        Map<Endpoint, Integer> linkOf = new HashMap<>();
        Map<String, Integer> names = new HashMap<>();
        List<LinkSpec> links = spec.links();
        for (int i = 0; i < links.size(); i++) {
            LinkSpec l = links.get(i);
            Integer firstName = names.putIfAbsent(l.name(), i);
            if (firstName != null) {
                out.error(loc.of("links/" + i + "/name"), "link name '" + l.name() + "' is already used by link "
                        + (firstName + 1) + " (line " + loc.of("links/" + firstName).line() + ")");
            }
            Set<Endpoint> seen = new HashSet<>();
            Ipv4Prefix subnet = null;
            Endpoint subnetOwner = null;
            int errorsBefore = out.errorCount();
            for (int j = 0; j < l.endpoints().size(); j++) {
                Endpoint e = l.endpoints().get(j);
                final int linkIndex = i;
                java.util.function.Supplier<Location> atLazy = () -> endpointLocation(linkIndex, l, e);
                if (!seen.add(e)) {
                    Location at = atLazy.get();
                    out.error(at, "endpoint " + e + " appears twice in this link");
                    continue;
                }
                NodeSpec n = spec.nodes().get(e.node());
                if (n == null) {
                    out.error(atLazy.get(), "endpoint " + e + " names node '" + e.node() + "', which does not exist"
                            + DidYouMean.hint(e.node(), spec.nodes().keySet()));
                    continue;
                }
                InterfaceSpec ifc = n.interfaces().get(e.iface());
                if (ifc == null) {
                    out.error(atLazy.get(), "endpoint " + e + " names interface '" + e.iface() + "', which node '" + e.node()
                            + "' does not have" + DidYouMean.hint(e.iface(), n.interfaces().keySet()));
                    continue;
                }
                if (ifc.kind() != InterfaceSpec.Kind.ETHERNET) {
                    out.error(atLazy.get(), "endpoint " + e + " is a " + ifc.kind().name().toLowerCase(java.util.Locale.ROOT)
                            + " interface; only physical interfaces can be wired to a link");
                    continue;
                }
                Integer other = linkOf.putIfAbsent(e, i);
                if (other != null) {
                    out.error(atLazy.get(), "interface " + e + " is already on link '" + links.get(other).name() + "' (line "
                            + loc.of("links/" + other).line() + "); an interface sits on one link only");
                    continue;
                }
                if (ifc.address().isPresent()) {
                    Ipv4Prefix p = ifc.address().get();
                    if (subnet == null) {
                        subnet = p;
                        subnetOwner = e;
                    } else if (p.length() != subnet.length() || p.networkBits() != subnet.networkBits()) {
                        out.error(atLazy.get(), "the ends of link '" + l.name() + "' are not in one subnet: " + e + " has " + p
                                + " but " + subnetOwner + " has " + subnet);
                    }
                }
            }
            if (out.errorCount() > errorsBefore) {
                troubled.add("link:" + i);
            }
        }
        return linkOf;
    }

    private Location endpointLocation(int linkIndex, LinkSpec l, Endpoint e) {
        return loc.of("links/" + linkIndex + "/endpoints/" + l.endpoints().indexOf(e));
    }

    private record Addressed(Endpoint endpoint, Ipv4Prefix prefix, String segment) {
    }

    private void checkAddresses(Map<Endpoint, Integer> linkOf) {
        errorsBeforeAddressCheck = out.hasErrors();
        List<Addressed> all = new ArrayList<>();
        for (NodeSpec n : spec.nodes().values()) {
            for (InterfaceSpec i : n.interfaces().values()) {
                if (i.address().isEmpty()) {
                    continue;
                }
                Endpoint e = new Endpoint(n.name(), i.name());
                Ipv4Prefix p = i.address().get();
                String segment;
                Integer link = linkOf.get(e);
                if (link != null) {
                    segment = "link:" + link;
                } else if (i.kind() == InterfaceSpec.Kind.TUNNEL) {
                    // the two ends of a point-to-point GRE tunnel share a subnet
                    segment = "tunnel:" + p.network();
                } else {
                    segment = "port:" + e;
                }
                all.add(new Addressed(e, p, segment));
            }
        }
        Map<String, Integer> tunnelSubnetSize = new HashMap<>();
        PrefixIndex overlapping = new PrefixIndex();
        for (int a = 0; a < all.size(); a++) {
            Addressed x = all.get(a);
            if (x.segment().startsWith("tunnel:")) {
                int count = tunnelSubnetSize.merge(x.segment(), 1, Integer::sum);
                if (count == 3) {
                    out.warning(addressLocation(x.endpoint()), "three or more tunnels share subnet " + x.prefix().network()
                            + "; point-to-point GRE pairs two tunnel interfaces per subnet");
                }
            }
            for (int b : overlapping.candidates(x.prefix(), a)) {
                Addressed y = all.get(b);
                if (x.prefix().address().equals(y.prefix().address())) {
                    out.error(addressLocation(x.endpoint()), "address " + x.prefix().address() + " of " + x.endpoint()
                            + " is also on " + y.endpoint() + " (line " + addressLocation(y.endpoint()).line() + ")");
                    break;
                }
                if (!x.segment().equals(y.segment()) && x.prefix().overlaps(y.prefix()) && !followsWiringError(x, y)) {
                    out.error(addressLocation(x.endpoint()), "subnet " + x.prefix().network() + " of " + x.endpoint()
                            + " overlaps " + y.prefix().network() + " of " + y.endpoint() + " (line "
                            + addressLocation(y.endpoint()).line() + "), which is on a different link; give each link its own subnet");
                    break;
                }
            }
        }
    }

    /**
     * Earlier addresses whose prefix overlaps a given one, found through every prefix's
     * supernets instead of by comparing all pairs (a hub with thousands of tunnels would make
     * the pairwise check quadratic). Candidates come back in input order.
     */
    private static final class PrefixIndex {
        /** Entries by their own prefix (network, length). */
        private final Map<Long, List<Integer>> exact = new HashMap<>();
        /** Entries by each of their supernets, their own prefix included. */
        private final Map<Long, List<Integer>> within = new HashMap<>();

        private static long key(int bits, int length) {
            return ((long) length << 32) | (Integer.toUnsignedLong(bits & Ipv4Prefix.maskBits(length)));
        }

        /** Indexes of earlier entries overlapping {@code p}, ascending; then records {@code p} as entry {@code index}. */
        List<Integer> candidates(Ipv4Prefix p, int index) {
            int bits = p.address().bits();
            java.util.TreeSet<Integer> found = new java.util.TreeSet<>();
            for (int len = 0; len <= p.length(); len++) {
                found.addAll(exact.getOrDefault(key(bits, len), List.of()));
            }
            found.addAll(within.getOrDefault(key(bits, p.length()), List.of()));
            exact.computeIfAbsent(key(bits, p.length()), k -> new ArrayList<>(2)).add(index);
            for (int len = 0; len <= p.length(); len++) {
                within.computeIfAbsent(key(bits, len), k -> new ArrayList<>(2)).add(index);
            }
            return new ArrayList<>(found);
        }
    }

    private boolean followsWiringError(Addressed x, Addressed y) {
        if (troubled.contains(x.segment()) || troubled.contains(y.segment())) {
            return true;
        }
        // a port left off a link by a malformed endpoint would overlap its intended peers
        return errorsBeforeAddressCheck && (x.segment().startsWith("port:") || y.segment().startsWith("port:"));
    }

    private Location addressLocation(Endpoint e) {
        return loc.of("nodes/" + e.node() + "/interfaces/" + e.iface() + "/address");
    }
}
