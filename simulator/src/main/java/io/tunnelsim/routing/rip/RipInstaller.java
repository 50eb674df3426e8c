package io.tunnelsim.routing.rip;

import io.tunnelsim.json.JsonWriter;
import io.tunnelsim.node.Node;

/**
 * Wires a RIP process into a built node as configured in the node's {@code rip:} section
 * (variant overrides already applied to the section), and builds the runtime configuration the
 * RIP a {@code routing: rip} choice generates on the overlay starts from; and answers RIP's part
 * of {@code show} neighbours, as text and as JSON rows.
 */
public final class RipInstaller {
    private RipInstaller() {
    }

    /** The process of a configured {@code rip:} section, with its interfaces enabled. */
    public static void configured(RipSpec rs, Node n) {
        RipProcess rip = RipProcess.create(n, config(rs.timers(), rs.splitHorizon(), rs.defaultOriginate())
                .withRequestOnLoss(rs.requestOnLoss()).withMaxPaths(rs.maximumPaths()));
        for (RipSpec.RipInterfaceSpec i : rs.interfaces().values()) {
            rip.enable(i.name(), i.passive(), i.offset(), i.authentication());
        }
    }

    /**
     * The runtime configuration of {@code timers}, split horizon and default origination; an
     * automatic jitter (negative) is 5 s (RFC 2453 §3.8), at most a sixth of the update timer.
     */
    public static RipConfig config(RipSpec.Timers timers, RipSpec.SplitHorizon sh, boolean originate) {
        long update = timers.updateNs();
        long jitter = timers.jitterNs();
        RipConfig c = RipConfig.defaults().withTimers(update, timers.timeoutNs(), timers.garbageNs())
                .withJitter(jitter >= 0 ? jitter : Math.min(RipConfig.DEFAULT_JITTER, update / 6))
                .withHoldDown(timers.holddownNs())
                .withSplitHorizon(switch (sh) {
                    case OFF -> SplitHorizon.OFF;
                    case SIMPLE -> SplitHorizon.SIMPLE;
                    case POISON -> SplitHorizon.POISON_REVERSE;
                });
        return originate ? c.withOriginateDefault(true) : c;
    }

    /** The RIP part of {@code show} neighbours ({@code show ip protocols}), or null when the node runs no RIP. */
    public static String showNeighbors(Node n) {
        RipProcess p = n.service(RipProcess.class);
        return p == null ? null : p.showProtocols();
    }

    /** RIP's {@code neighbors} rows, one per neighbour heard, as the process lists them; nothing without RIP. */
    public static void neighborRows(Node n, JsonWriter w) {
        RipProcess rip = n.service(RipProcess.class);
        if (rip == null) {
            return;
        }
        rip.neighbors().forEach((addr, lastHeard) -> {
            w.beginObject().member("protocol", "rip").member("address", addr.toString()).name("last_heard")
                    .seconds(lastHeard).endObject();
        });
    }
}
