package io.tunnelsim.routing.ospf;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import io.tunnelsim.sim.SimTime;

/**
 * A scenario variant's OSPF timer overrides ({@code ospf: {hello, dead, spf, hello-multiplier}}),
 * read by {@link OspfVariant}. They replace the timers of every configured {@code ospf:} section
 * ({@link #applyTo(OspfSpec)}) and of the OSPF a {@code routing: ospf} choice generates
 * ({@link OspfOverlay}). A dead interval not overridden follows an overridden hello as four
 * hellos (RFC 2328 C.3 RouterDeadInterval default), in whole seconds as on the wire; a dead
 * override on a fast-hello interface brings the hello back to 10 s, as IOS does.
 *
 * @param helloMultiplier 3-20 turns IOS fast hellos on (0 = not overridden)
 */
public record OspfOverrides(OptionalLong helloNs, OptionalLong deadNs, Optional<SpfThrottle> spf, int helloMultiplier) {

    public OspfOverrides(OptionalLong helloNs, OptionalLong deadNs, Optional<SpfThrottle> spf) {
        this(helloNs, deadNs, spf, 0);
    }

    /** The section with these timers on every interface and the SPF throttle if overridden. */
    public OspfSpec applyTo(OspfSpec s) {
        Map<String, OspfInterfaceSpec> ifs = new LinkedHashMap<>();
        for (OspfInterfaceSpec i : s.interfaces().values()) {
            ifs.put(i.name(), applyTo(i));
        }
        return new OspfSpec(s.routerId(), spf.orElse(s.spf()), s.referenceBandwidthBps(), ifs, s.rfcLoopbackCost(), s.areas());
    }

    private OspfInterfaceSpec applyTo(OspfInterfaceSpec i) {
        if (helloMultiplier > 0) {
            return new OspfInterfaceSpec(i.name(), i.area(), i.cost(), SimTime.SECOND / helloMultiplier, SimTime.SECOND,
                    i.retransmitNs(), i.transmitDelayNs(), i.network(), i.priority(), i.passive(), helloMultiplier, i.bfd(),
                    i.authentication());
        }
        if (helloNs.isEmpty() && deadNs.isEmpty()) {
            return i;
        }
        long hello = helloNs.orElse(i.helloMultiplier() > 0 ? SimTime.seconds(10) : i.helloNs());
        long dead = deadNs.isPresent() ? deadNs.getAsLong()
                : helloNs.isPresent() ? 4L * OspfInstaller.seconds(hello) * SimTime.SECOND : i.deadNs();
        return new OspfInterfaceSpec(i.name(), i.area(), i.cost(), hello, dead, i.retransmitNs(), i.transmitDelayNs(),
                i.network(), i.priority(), i.passive(), 0, i.bfd(), i.authentication());
    }

    /** The runtime configuration of a generated interface with these timers. */
    OspfInterfaceConfig applyTo(OspfInterfaceConfig c) {
        if (helloMultiplier > 0) {
            return c.withFastHello(helloMultiplier);
        }
        if (helloNs.isEmpty() && deadNs.isEmpty()) {
            return c;
        }
        int hello = helloNs.isPresent() ? OspfInstaller.seconds(helloNs.getAsLong())
                : (c.helloMultiplier() > 0 ? OspfInterfaceConfig.DEFAULT_HELLO : c.helloInterval());
        int dead = deadNs.isPresent() ? OspfInstaller.seconds(deadNs.getAsLong())
                : (helloNs.isPresent() ? 4 * hello : c.deadInterval());
        return c.withTimers(hello, dead);
    }
}
