package io.tunnelsim.scenario;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.capture.CaptureSet;
import io.tunnelsim.node.FibChanged;
import io.tunnelsim.node.Interface;
import io.tunnelsim.node.Network;
import io.tunnelsim.node.Node;
import io.tunnelsim.node.ProbeFlow;
import io.tunnelsim.node.Segment;
import io.tunnelsim.node.UdpSink;
import io.tunnelsim.node.event.LineProtocolChanged;
import io.tunnelsim.node.event.LoggedEvent;
import io.tunnelsim.node.event.NetEvent;
import io.tunnelsim.node.event.NodeStateChanged;
import io.tunnelsim.report.model.CauseEvidence;
import io.tunnelsim.report.model.FibChangeLog;
import io.tunnelsim.report.model.StateChange;
import io.tunnelsim.routing.ospf.AdjacencyChanged;
import io.tunnelsim.routing.track.TrackChanged;
import io.tunnelsim.scenario.spec.ProbeSpec;
import io.tunnelsim.scenario.spec.ScenarioSpec;
import io.tunnelsim.scenario.spec.TimelineAction;
import io.tunnelsim.scenario.spec.VariantSpec;
import io.tunnelsim.topology.NodeSpec;
import io.tunnelsim.topology.TopologySpec;
import io.tunnelsim.tunnel.TunnelRecursionDown;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one variant of a scenario: builds the network, starts probes, schedules the timeline,
 * runs the kernel to the end and collects probes, FIB changes and state changes.
 */
public final class ScenarioRunner {
    private ScenarioRunner() {
    }

    public static RunResult run(ScenarioSpec scenario, VariantSpec variant, RunOptions options) throws IOException {
        long seed = options.seedOverride() != null ? options.seedOverride() : scenario.seed();
        TopologySpec topo = variant.topology();
        BuiltNetwork built = NetworkBuilder.build(topo, variant, seed);
        Network net = built.network();
        long end = options.untilNs() >= 0 ? Math.min(options.untilNs(), scenario.durationNs()) : scenario.durationNs();

        // the outage chains read the paths before and after each change as well
        FibChangeLog fib = new FibChangeLog(options.causes());
        Map<Ipv4Prefix, String> prefixTexts = new HashMap<>();
        long[] fibTotal = new long[1];
        // convergence is measured after timeline actions: changes before the first one are counted, not kept
        long firstAction = scenario.timeline().stream().mapToLong(a -> Math.max(0, a.atNs() + options.shiftNs())).min().orElse(Long.MAX_VALUE);
        net.events().subscribe(FibChanged.class, c -> {
            fibTotal[0]++;
            if (net.isStarted() && c.timeNs() >= firstAction) {
                String prefix = prefixTexts.computeIfAbsent(c.prefix(), Ipv4Prefix::toString);
                FibChangeLog.Kind kind = c.after() == null ? FibChangeLog.Kind.REMOVED
                        : c.before() == null ? FibChangeLog.Kind.ADDED : FibChangeLog.Kind.CHANGED;
                String via = c.after() == null ? null : describe(c.after());
                if (fib.keepsPaths()) {
                    fib.add(c.timeNs(), c.node(), prefix, kind, via, CauseRecorder.paths(c.before()), CauseRecorder.paths(c.after()));
                } else {
                    fib.add(c.timeNs(), c.node(), prefix, kind, via, null, null);
                }
            }
        });
        List<StateChange> states = new ArrayList<>();
        net.events().subscribe(LoggedEvent.class, e -> stateChange(e).ifPresent(states::add));

        List<ProbeFlow> flows = probes(scenario, topo, net, end);
        List<Long> actionTimes = schedule(scenario, built, options.shiftNs(), end);
        CauseRecorder causes = options.causes() ? new CauseRecorder(net, flows, firstAction, fib) : null;

        CaptureSet capture = options.captureDir() == null ? null : CaptureSet.attach(net, options.captureDir());
        io.tunnelsim.live.LiveStats live = null;
        try {
            if (scenario.live().enabled()) {
                live = runLive(scenario, built, end, options);
                return new RunResult(variant.name(), built, flows, fib.fibChanges(), fibTotal[0], states, net.log().entries(), end, actionTimes, live,
                        causes == null ? CauseEvidence.none() : causes.evidence());
            }
            net.start();
            long step = Math.max(1, end / 200);
            long t = 0;
            while (t < end) {
                t = Math.min(end, t + step);
                net.scheduler().runUntil(t);
                if (options.progress() != null) {
                    options.progress().accept(t / (double) end);
                }
            }
        } finally {
            if (capture != null) {
                capture.close();
            }
        }
        return new RunResult(variant.name(), built, flows, fib.fibChanges(), fibTotal[0], states, net.log().entries(), end, actionTimes, null,
                causes == null ? CauseEvidence.none() : causes.evidence());
    }

    /** Live mode: TAP devices on the named segments, the scheduler paced by the wall clock (docs/live.md). */
    private static io.tunnelsim.live.LiveStats runLive(ScenarioSpec scenario, BuiltNetwork built, long end, RunOptions options) {
        io.tunnelsim.live.LiveDriver driver;
        try {
            driver = io.tunnelsim.live.LiveDriver.attach(built.network(), built.segmentsByLink(), scenario.live());
        } catch (IOException e) {
            throw new io.tunnelsim.live.LiveException(e.getMessage(), e);
        }
        try (driver) {
            built.network().start();
            driver.drive(end, options.progress());
            return driver.stats();
        }
    }

    private static String describe(io.tunnelsim.node.FibEntry e) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < e.pathCount(); i++) {
            var r = e.path(i);
            if (i > 0) {
                sb.append(" + ");
            }
            sb.append(r.egress().displayName());
            if (r.hasNextHop()) {
                sb.append(' ').append(r.nextHopAddress());
            }
            sb.append(" [").append(r.source().code()).append(' ').append(r.distance()).append('/').append(r.metric()).append(']');
        }
        return sb.toString();
    }

    /** The state changes convergence analysis reads, from the typed events (never from log text). */
    static java.util.Optional<StateChange> stateChange(NetEvent e) {
        if (e instanceof LineProtocolChanged l) {
            return java.util.Optional.of(new StateChange(l.timeNs(), l.node(), l.iface(), l.up() ? "up" : "down"));
        }
        if (e instanceof AdjacencyChanged a) {
            return java.util.Optional.of(new StateChange(a.timeNs(), a.node(), "OSPF " + a.neighbor() + " on " + a.iface(), a.to()));
        }
        if (e instanceof TrackChanged t) {
            return java.util.Optional.of(new StateChange(t.timeNs(), t.node(), "track " + t.track(), t.up() ? "Up" : "Down"));
        }
        if (e instanceof NodeStateChanged n) {
            return java.util.Optional.of(new StateChange(n.timeNs(), n.node(), "node", n.crashed() ? "crashed" : "restarted"));
        }
        if (e instanceof TunnelRecursionDown r) {
            return java.util.Optional.of(new StateChange(r.timeNs(), r.node(), r.iface(), "recursive-routing"));
        }
        return java.util.Optional.empty();
    }

    private static List<ProbeFlow> probes(ScenarioSpec scenario, TopologySpec topo, Network net, long end) {
        List<ProbeFlow> flows = new ArrayList<>();
        Map<String, UdpSink> sinks = new HashMap<>();
        int id = 1;
        for (ProbeSpec p : scenario.probes()) {
            if (p.isIpv6()) {
                Node src6 = net.node(p.from());
                ProbeFlow f6 = ProbeFlow.icmpv6(p.name(), id++, src6, p.toAddress6().get(), p.intervalNs(), p.size(),
                        Math.max(p.startNs(), scenario.warmupNs()), end);
                src6.addService(f6);
                flows.add(f6);
                continue;
            }
            Ipv4Address dst = p.targetAddress(topo).orElseThrow(() -> new IllegalStateException("probe " + p.name() + " has no target address"));
            Node src = net.node(p.from());
            long start = Math.max(p.startNs(), scenario.warmupNs());
            ProbeFlow f = new ProbeFlow(p.name(), id++, src, dst,
                    p.type() == ProbeSpec.Type.UDP ? ProbeFlow.Type.UDP : ProbeFlow.Type.ICMP,
                    p.intervalNs(), p.size(), start, end, p.port());
            f.setDontFragment(p.df(), p.pmtud());
            if (p.sweep().isOn()) {
                f.setSizeSweep(p.sweep().min(), p.sweep().max(), p.sweep().step());
            }
            if (p.type() == ProbeSpec.Type.UDP) {
                String owner = ownerOf(topo, dst);
                if (owner != null) {
                    sinks.computeIfAbsent(owner + ":" + p.port(), k -> new UdpSink(net.node(owner), p.port())).add(f);
                }
            }
            src.addService(f);
            flows.add(f);
        }
        return flows;
    }

    static String ownerOf(TopologySpec topo, Ipv4Address a) {
        for (NodeSpec n : topo.nodes().values()) {
            for (var i : n.interfaces().values()) {
                if (i.address().isPresent() && i.address().get().address().equals(a)) {
                    return n.name();
                }
            }
        }
        return null;
    }

    private static List<Long> schedule(ScenarioSpec scenario, BuiltNetwork built, long shift, long end) {
        Network net = built.network();
        List<Long> times = new ArrayList<>();
        for (TimelineAction a : scenario.timeline()) {
            long at = Math.max(0, Math.min(a.atNs() + shift, scenario.durationNs()));
            times.add(at);
            if (at > end) {
                continue;
            }
            Runnable r = action(a, built);
            net.scheduler().schedule(at, () -> {
                net.log().log("scenario", "SCENARIO-5-ACTION", label(a));
                r.run();
            });
        }
        return times;
    }

    private static Runnable action(TimelineAction a, BuiltNetwork built) {
        Network net = built.network();
        return switch (a.type()) {
            case LINK_DOWN -> () -> segment(a, built).setCarrier(false);
            case LINK_UP -> () -> segment(a, built).setCarrier(true);
            case SILENT_FAILURE -> () -> segment(a, built).setSilentFailure(true);
            case SILENT_RESTORE -> () -> segment(a, built).setSilentFailure(false);
            case IMPAIR -> () -> segment(a, built).impair(
                    a.impairment().flatMap(i -> i.loss().isPresent() ? java.util.Optional.of(i.loss().getAsDouble()) : java.util.Optional.empty()).orElse(-1.0),
                    a.impairment().map(i -> i.delayNs().orElse(-1)).orElse(-1L));
            case INTERFACE_DOWN -> () -> iface(a, net).setAdminUp(false);
            case INTERFACE_UP -> () -> iface(a, net).setAdminUp(true);
            case NODE_CRASH -> () -> net.node(a.node()).crash();
            case NODE_RESTORE -> () -> net.node(a.node()).restore();
        };
    }

    private static Segment segment(TimelineAction a, BuiltNetwork built) {
        String link = a.link(built.topology()).orElseThrow().name();
        return built.segmentsByLink().get(link);
    }

    private static Interface iface(TimelineAction a, Network net) {
        var e = a.endpoint().orElseThrow();
        return net.node(e.node()).interfaceNamed(e.iface());
    }

    /** A short label of a timeline action: {@code silent-failure isp-b-branch}. */
    public static String label(TimelineAction a) {
        String base = a.type().yamlName() + " " + a.target();
        if (a.impairment().isPresent()) {
            var i = a.impairment().get();
            if (i.loss().isPresent()) {
                base += " loss " + i.loss().getAsDouble();
            }
            if (i.delayNs().isPresent()) {
                base += " delay " + io.tunnelsim.sim.SimTime.formatShort(i.delayNs().getAsLong());
            }
        }
        return base;
    }
}
