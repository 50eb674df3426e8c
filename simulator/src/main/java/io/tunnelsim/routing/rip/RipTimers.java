package io.tunnelsim.routing.rip;

import static io.tunnelsim.routing.rip.RipProcess.INFINITY;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.node.Node;
import io.tunnelsim.node.Route;
import io.tunnelsim.node.RouteSource;
import io.tunnelsim.sim.Event;
import io.tunnelsim.sim.Scheduler;
import java.util.SplittableRandom;

/**
 * The timers of a {@link RipProcess}: the periodic update (± jitter), the triggered update
 * (RFC 2453 §3.10.1), the per-route timeout and garbage collection (§3.8), and the RIB
 * installation of route changes. The route timers are deadlines: one scheduler event runs at the
 * earliest of them and acts on every route whose deadline has come (see {@link #sweep}), so
 * refreshing a route costs no queue operation and no allocation.
 */
final class RipTimers {
    private static final Route[] NO_ROUTES = new Route[0];

    private final RipProcess process;
    private final Node node;
    private final RipConfig config;
    private final Scheduler scheduler;
    private final SplittableRandom random;
    private final RipTable table;
    Event periodicEvent;
    private Event triggeredEvent;
    private Event requestEvent;
    /** The one timer event of all routes: runs at the earliest route deadline (see {@link #sweep}). */
    private Event sweepEvent;
    private final Runnable sweepAction = this::sweep;

    long periodicUpdates;
    long triggeredUpdates;

    RipTimers(RipProcess process, Node node, RipConfig config, Scheduler scheduler, SplittableRandom random, RipTable table) {
        this.process = process;
        this.node = node;
        this.config = config;
        this.scheduler = scheduler;
        this.random = random;
        this.table = table;
    }

    /** Cancels every pending timer (the process stops). */
    void cancelAll() {
        periodicEvent = cancel(periodicEvent);
        triggeredEvent = cancel(triggeredEvent);
        requestEvent = cancel(requestEvent);
        sweepEvent = cancel(sweepEvent);
    }

    private static Event cancel(Event e) {
        if (e != null) {
            e.cancel();
        }
        return null;
    }

    void schedulePeriodic() {
        long jitter = config.updateJitter();
        long d = config.updateInterval() + (jitter > 0 ? random.nextLong(-jitter, jitter + 1) : 0);
        periodicEvent = scheduler.scheduleIn(d, this::periodic);
    }

    private void periodic() {
        periodicEvent = null;
        if (!process.running) {
            return;
        }
        process.enter();
        try {
            periodicUpdates++;
            triggeredEvent = cancel(triggeredEvent);
            process.output.sendUpdates(false);
        } finally {
            process.exit();
        }
        schedulePeriodic();
    }

    /** Schedules a triggered update unless one is pending (RFC 2453 §3.10.1). */
    void trigger() {
        if (!process.running || triggeredEvent != null) {
            return;
        }
        long min = config.triggeredMin();
        long max = config.triggeredMax();
        long d = min + (max > min ? random.nextLong(max - min + 1) : 0);
        triggeredEvent = scheduler.scheduleIn(d, this::triggered);
    }

    private void triggered() {
        triggeredEvent = null;
        if (!process.running) {
            return;
        }
        process.enter();
        try {
            triggeredUpdates++;
            process.output.sendUpdates(true);
        } finally {
            process.exit();
        }
    }

    private long deadline(RipRoute r) {
        if (!r.reachable()) {
            return r.invalidAt + config.garbage();
        }
        if (r.kind != RipRoute.Kind.LEARNT) {
            return Long.MAX_VALUE;
        }
        return r.oldestHeard() + config.timeout();
    }

    /** Makes sure the sweep runs no later than the route's deadline. */
    void arm(RipRoute r) {
        long d = deadline(r);
        if (d == Long.MAX_VALUE) {
            return;
        }
        if (sweepEvent != null && !sweepEvent.isCancelled() && sweepEvent.time() <= d) {
            return;
        }
        cancel(sweepEvent);
        sweepEvent = scheduler.schedule(d, sweepAction);
    }

    /**
     * The sweep event fired, at the earliest deadline it was armed for: every route whose deadline
     * has come is acted on (in prefix order), then the sweep is armed for the earliest deadline
     * left. Routes refreshed meanwhile have moved their deadlines on and are left alone.
     */
    private void sweep() {
        sweepEvent = null;
        if (!process.running) {
            return;
        }
        long now = scheduler.now();
        RipRoute[] due = null;
        for (int i = 0; i < table.size(); i++) {
            if (deadline(table.at(i)) <= now) {
                due = table.snapshot();
                break;
            }
        }
        if (due != null) {
            for (RipRoute r : due) {
                if (process.running && table.get(r.prefix) == r && deadline(r) <= now) {
                    expire(r, now);
                }
            }
        }
        if (!process.running) {
            return;
        }
        long next = Long.MAX_VALUE;
        for (int i = 0; i < table.size(); i++) {
            next = Math.min(next, deadline(table.at(i)));
        }
        if (next != Long.MAX_VALUE && (sweepEvent == null || sweepEvent.isCancelled() || sweepEvent.time() > next)) {
            cancel(sweepEvent);
            sweepEvent = scheduler.schedule(Math.max(next, now), sweepAction);
        }
    }

    /** The deadline of {@code r} has come: a path times out, or the route is flushed. */
    private void expire(RipRoute r, long now) {
        process.enter();
        try {
            if (r.reachable()) {
                boolean dropped = r.removeAlternatesHeardBy(now - config.timeout());
                boolean primaryExpired = r.lastHeard + config.timeout() <= now;
                if (!primaryExpired || r.hasAlternates()) {
                    if (primaryExpired) {
                        r.promote(); // the primary path timed out, an equal-metric one is still heard
                    }
                    if (dropped || primaryExpired) {
                        install(r);
                    }
                    return;
                }
                node.publish(new RipRouteTimeout(scheduler.now(), node.name(), r.prefix, new Ipv4Address(r.nextHop),
                        r.itf.name(), r.itf.displayName(), config.timeout()));
                invalidate(r);
                requestAlternatives();
            } else {
                table.remove(r.prefix);
            }
        } finally {
            process.exit();
        }
    }

    /** Starts the deletion process (RFC 2453 §3.8): metric 16, garbage timer, out of the RIB. */
    void invalidate(RipRoute r) {
        long now = scheduler.now();
        r.metric = INFINITY;
        r.clearAlternates();
        r.changed = true;
        r.invalidAt = now;
        install(r);
        arm(r);
        trigger();
    }

    void install(RipRoute r) {
        if (r.kind != RipRoute.Kind.LEARNT) {
            return;
        }
        if (!r.reachable()) {
            node.rib().update(RouteSource.RIP, r.prefix, NO_ROUTES);
            return;
        }
        Route[] paths = new Route[1 + r.alternateCount()];
        paths[0] = new Route(r.prefix, r.nextHop, r.itf, config.distance(), r.metric, RouteSource.RIP);
        for (int i = 0; i < r.alternateCount(); i++) {
            paths[i + 1] = new Route(r.prefix, r.alternateNextHop(i), r.alternateItf(i), config.distance(), r.metric,
                    RouteSource.RIP);
        }
        node.rib().update(RouteSource.RIP, r.prefix, paths);
    }

    void requestAlternatives() {
        if (!config.requestOnLoss() || requestEvent != null || !process.running) {
            return;
        }
        requestEvent = scheduler.scheduleIn(0, () -> {
            requestEvent = null;
            if (process.running) {
                for (RipProcess.IfState st : process.interfaces.values()) {
                    process.output.sendRequest(st);
                }
            }
        });
    }
}
