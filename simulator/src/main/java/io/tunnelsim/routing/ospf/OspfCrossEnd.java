package io.tunnelsim.routing.ospf;

import java.util.Locale;
import java.util.Optional;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.topology.EndPair;
import io.tunnelsim.topology.Endpoint;
import io.tunnelsim.topology.InterfaceSpec;
import io.tunnelsim.topology.Location;
import io.tunnelsim.topology.NodeSpec;

/**
 * OSPF's checks across the two ends of a link or tunnel pair, both ends running OSPF (not
 * passive): hello or dead interval, area, stub setting of the area, network type or interface MTU
 * differ (RFC 2328 §10.5 rejects hellos with other intervals, another area or another E bit; §10.6 refuses a Database Description
 * with a larger MTU, the adjacency sticks in ExStart; different network types form an adjacency
 * that does not route, a known IOS pitfall).
 */
final class OspfCrossEnd {
    private OspfCrossEnd() {
    }

    static void check(EndPair p) {
        Endpoint a = p.a();
        Endpoint b = p.b();
        String what = p.what();
        Optional<OspfInterfaceSpec> oa = ospf(p, a);
        Optional<OspfInterfaceSpec> ob = ospf(p, b);
        if (oa.isEmpty() || ob.isEmpty()) {
            return;
        }
        OspfInterfaceSpec x = oa.get();
        OspfInterfaceSpec y = ob.get();
        Location la = p.location("nodes/" + a.node() + "/ospf/interfaces/" + a.iface());
        Location lb = p.location("nodes/" + b.node() + "/ospf/interfaces/" + b.iface());
        // fast hellos with different multipliers agree on the wire (hello 0, dead 1)
        boolean bothFast = x.helloMultiplier() > 0 && y.helloMultiplier() > 0;
        if (!bothFast && (x.helloNs() != y.helloNs() || x.deadNs() != y.deadNs())) {
            p.warn(la, lb, "OSPF timers differ across " + what + ": " + a + " hello " + secs(x.helloNs()) + " dead "
                    + secs(x.deadNs()) + ", " + b + " hello " + secs(y.helloNs()) + " dead " + secs(y.deadNs())
                    + "; hellos with other intervals are dropped and no adjacency forms (RFC 2328 §10.5)");
        }
        if (x.area() != y.area()) {
            p.warn(la, lb, "OSPF area differs across " + what + ": " + a + " is in area " + area(x.area()) + ", " + b
                    + " in area " + area(y.area()) + "; hellos from another area are dropped (RFC 2328 §10.5)");
        }
        boolean stubA = p.spec().node(a.node()).protocol(OspfSpec.class).get().area(x.area()).stub();
        boolean stubB = p.spec().node(b.node()).protocol(OspfSpec.class).get().area(y.area()).stub();
        if (x.area() == y.area() && stubA != stubB) {
            Endpoint s = stubA ? a : b;
            Endpoint t = stubA ? b : a;
            p.warn(la, lb, "OSPF area " + area(x.area()) + " is a stub area on " + s.node() + " but not on " + t.node()
                    + " across " + what + "; hellos with the other E bit are dropped and no adjacency forms"
                    + " (RFC 2328 §10.5); write stub: true under ospf areas on both");
        }
        if (x.network() != y.network()) {
            p.warn(la, lb, "OSPF network type differs across " + what + ": " + a + " is " + type(x.network()) + ", " + b
                    + " is " + type(y.network()) + "; the adjacency may form but routes through it are not computed"
                    + " consistently; use the same network type on both ends");
        }
        String auth = io.tunnelsim.wire.Authentication.mismatch(a, x.authentication(), b, y.authentication());
        if (auth != null) {
            p.warn(la, lb, "OSPF authentication differs across " + what + ": " + auth
                    + "; each end drops the other's packets as unauthenticated");
        }
        InterfaceSpec ia = p.interfaceA();
        InterfaceSpec ib = p.interfaceB();
        if (ia.mtu() == ib.mtu()) {
            return;
        }
        if (p.tunnel()) {
            p.warn(p.interfaceLocation(a), p.interfaceLocation(b), "IP MTU differs across tunnel " + a + " \u2194 " + b + ": "
                    + ia.mtu() + " here, " + ib.mtu() + " there; OSPF refuses the larger MTU's database"
                    + " description and the adjacency sticks in EXSTART (RFC 2328 §10.6)");
        } else {
            p.warn(p.interfaceLocation(a), p.interfaceLocation(b), "MTU mismatch on " + what + ": " + a + " has " + ia.mtu()
                    + ", " + b + " has " + ib.mtu() + "; OSPF refuses the larger MTU's database description and the"
                    + " adjacency sticks in EXSTART (RFC 2328 §10.6); set the same mtu on both ends");
        }
    }

    private static Optional<OspfInterfaceSpec> ospf(EndPair p, Endpoint e) {
        NodeSpec n = p.spec().node(e.node());
        if (n == null || n.protocol(OspfSpec.class).isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(n.protocol(OspfSpec.class).get().interfaces().get(e.iface())).filter(o -> !o.passive());
    }

    private static String secs(long ns) {
        return ns % 1_000_000_000L == 0 ? ns / 1_000_000_000L + "s" : ns / 1_000_000L + "ms";
    }

    private static String area(long a) {
        return new Ipv4Address((int) a).toString();
    }

    private static String type(NetworkType t) {
        return t.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
