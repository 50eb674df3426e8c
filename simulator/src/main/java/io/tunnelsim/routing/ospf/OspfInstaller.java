package io.tunnelsim.routing.ospf;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.node.Node;
import io.tunnelsim.sim.SimTime;
import java.util.Map;

/**
 * Wires an OSPF process into a built node as configured in the node's {@code ospf:} section
 * (variant overrides already applied to the section).
 */
public final class OspfInstaller {
    private OspfInstaller() {
    }

    public static void configured(OspfSpec spec, Node n) {
        OspfConfig cfg = OspfConfig.of(spec.routerId()).withSpfThrottle(spec.spf())
                .withReferenceBandwidth(spec.referenceBandwidthBps()).withRfcLoopbackCost(spec.rfcLoopbackCost());
        for (Map.Entry<Long, AreaSettings> a : spec.areas().entrySet()) {
            cfg = cfg.withArea(new Ipv4Address(a.getKey().intValue()), a.getValue());
        }
        for (OspfInterfaceSpec i : spec.interfaces().values()) {
            OspfInterfaceConfig c = OspfInterfaceConfig.inArea(new Ipv4Address((int) i.area()))
                    .withCost(i.cost())
                    .withTimers(i.helloMultiplier() > 0 ? OspfInterfaceConfig.DEFAULT_HELLO : seconds(i.helloNs()),
                            i.helloMultiplier() > 0 ? OspfInterfaceConfig.DEFAULT_DEAD : seconds(i.deadNs()))
                    .withRetransmit(seconds(i.retransmitNs()), seconds(i.transmitDelayNs()))
                    .withPriority(i.priority())
                    .withPassive(i.passive())
                    .withAuthentication(i.authentication());
            if (i.helloMultiplier() > 0) {
                c = c.withFastHello(i.helloMultiplier());
            }
            if (i.network() != null) {
                c = c.withNetworkType(i.network());
            }
            cfg = cfg.withInterface(i.name(), c);
        }
        n.addService(new OspfProcess(n, cfg));
    }

    /** OSPF intervals are whole seconds on the wire (RFC 2328 A.3.2); at least 1. */
    public static int seconds(long ns) {
        return (int) Math.max(1, ns / SimTime.SECOND);
    }
}
