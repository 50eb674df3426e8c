package io.tunnelsim.report;

import io.tunnelsim.report.model.ActionResult;
import io.tunnelsim.report.model.Detection;
import io.tunnelsim.report.model.OutageCause;
import io.tunnelsim.report.model.ProbeRecord;
import io.tunnelsim.report.model.RouteChange;
import java.util.ArrayList;
import java.util.List;

/**
 * An outage's causal chain ({@link OutageCause}) as short lines people read, times after the
 * action in {@link Human} units:
 * <pre>
 * detected: keepalive retries exhausted on tunnel0 at hq, 32.10 s (3 × 10s keepalives unanswered)
 * fib: hq 10.2.0.0/24 tunnel0 -&gt; tunnel1 at 32.10 s
 * first delivered: probe 663 sent at 32.20 s, received at 32.21 s
 * lost 171: 168 no-route at hq, 3 silent-failure in isp-a
 * </pre>
 */
public final class CauseText {

    private CauseText() {
    }

    /** The chain's lines for one result; empty when it has none. */
    public static List<String> lines(ActionResult r) {
        if (r.cause().isEmpty()) {
            return List.of();
        }
        OutageCause c = r.cause().get();
        long t0 = r.atNs();
        List<String> out = new ArrayList<>();
        out.add("detected: " + detection(c, t0));
        for (RouteChange f : c.fibChanges()) {
            out.add("fib: " + fib(f, t0));
        }
        out.add("first delivered: " + firstDelivered(c, t0));
        out.add("lost " + c.lost() + ": " + c.dropSummary() + (c.inFlight() > 0 ? "; " + c.inFlight() + " in flight at the end" : ""));
        return out;
    }

    /** {@code keepalive retries exhausted on tunnel0 at hq, 32.10 s (…)}, or a sentence saying nothing was seen. */
    public static String detection(OutageCause c, long t0) {
        if (c.detection().isEmpty()) {
            return "nothing on the path changed state before recovery";
        }
        Detection d = c.detection().get();
        return d.describe() + " at " + d.node() + ", " + Human.duration(d.timeNs() - t0)
                + (d.detail().isEmpty() ? "" : " (" + d.detail() + ")");
    }

    /** {@code hq 10.2.0.0/24 tunnel0 -> tunnel1 at 32.10 s}. */
    public static String fib(RouteChange f, long t0) {
        return f.node() + " " + f.prefix() + " " + f.from() + " -> " + f.to() + " at " + Human.duration(f.timeNs() - t0);
    }

    /** {@code probe 663 sent at 32.20 s, received at 32.21 s}, or that none was delivered. */
    public static String firstDelivered(OutageCause c, long t0) {
        if (c.firstDelivered().isEmpty()) {
            return "none before the window closed";
        }
        ProbeRecord p = c.firstDelivered().get();
        return "probe " + p.seq() + " sent at " + Human.duration(p.sentNs() - t0) + ", received at "
                + Human.duration(p.receivedNs() - t0);
    }
}
