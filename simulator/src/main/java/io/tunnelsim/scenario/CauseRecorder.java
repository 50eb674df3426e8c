package io.tunnelsim.scenario;

import io.tunnelsim.node.FibEntry;
import io.tunnelsim.node.Network;
import io.tunnelsim.node.Node;
import io.tunnelsim.node.ProbeFlow;
import io.tunnelsim.node.event.FrameLost;
import io.tunnelsim.node.event.InterfaceStateChanged;
import io.tunnelsim.node.event.LineProtocolChanged;
import io.tunnelsim.node.event.NetEvent;
import io.tunnelsim.node.event.ProbeDropped;
import io.tunnelsim.report.model.CauseEvidence;
import io.tunnelsim.report.model.Detection;
import io.tunnelsim.report.model.FlowTrace;
import io.tunnelsim.report.model.ProbeLoss;
import io.tunnelsim.report.model.FibChangeLog;
import io.tunnelsim.routing.bfd.BfdSessionChanged;
import io.tunnelsim.routing.bfd.BfdState;
import io.tunnelsim.routing.ospf.AdjacencyChanged;
import io.tunnelsim.routing.rip.RipRouteTimeout;
import io.tunnelsim.routing.track.TrackChanged;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.tunnel.TunnelKeepaliveExpired;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Gathers, while a run goes, the evidence of its outage chains ({@link CauseEvidence}): every
 * node a probe packet reaches, every drop of a probe packet (node, interface, reason) or loss on
 * a link, the state changes that detect a failure or a repair, and (from the runner's
 * {@link FibChangeLog}) the FIB changes in structured form. Everything comes from typed events and the probe trace; no log text is read.
 *
 * <p>Only probe packets are followed: it subscribes to {@code ProbeDropped} and {@code FrameLost},
 * which are built for probe packets only, never to {@code PacketDropped}; the per-packet cost
 * for any other packet is one test of its trace tag.
 */
final class CauseRecorder {
    private final Network net;
    private final long from;
    private final Map<Integer, ProbeFlow> flows = new HashMap<>();
    private final Map<Long, BitSet> visits = new HashMap<>();
    private final List<ProbeLoss> drops = new ArrayList<>();
    private final List<Detection> detections = new ArrayList<>();
    private final FibChangeLog routes;

    /**
     * Starts recording on {@code net}; detections are kept from {@code fromNs} on. The FIB
     * changes come from {@code fib}, which the runner fills from {@code fromNs} on with the paths
     * kept.
     */
    CauseRecorder(Network net, List<ProbeFlow> probeFlows, long fromNs, FibChangeLog fib) {
        if (!fib.keepsPaths()) {
            throw new IllegalArgumentException("the outage chains need the FIB changes' paths");
        }
        this.net = net;
        this.from = fromNs;
        this.routes = fib;
        for (ProbeFlow f : probeFlows) {
            flows.put(f.id(), f);
        }
        net.traceProbes((node, tag) -> visits.computeIfAbsent(tag, t -> new BitSet()).set(node.index()));
        net.events().subscribe(ProbeDropped.class, this::dropped);
        net.events().subscribe(FrameLost.class, this::lost);
        // the detecting events by type: a subscription to every NetEvent would make every
        // on-demand event (PacketDropped, SaInstalled) wanted, and built, all run long
        for (Class<? extends NetEvent> type : List.of(InterfaceStateChanged.class, LineProtocolChanged.class,
                TunnelKeepaliveExpired.class, AdjacencyChanged.class, BfdSessionChanged.class, TrackChanged.class,
                RipRouteTimeout.class)) {
            net.events().subscribe(type, this::detection);
        }
    }

    private void dropped(ProbeDropped d) {
        ProbeFlow f = flows.get(ProbeFlow.traceFlow(d.probe()));
        if (f != null) {
            drops.add(new ProbeLoss(f.name(), ProbeFlow.traceSeq(d.probe()), d.timeNs(), d.node(),
                    d.iface() == null ? "" : d.iface(), d.reason().label(), false));
        }
    }

    private void lost(FrameLost l) {
        ProbeFlow f = flows.get(ProbeFlow.traceFlow(l.probe()));
        if (f != null) {
            drops.add(new ProbeLoss(f.name(), ProbeFlow.traceSeq(l.probe()), l.timeNs(), l.link(), "", l.reason().label(), true));
        }
    }

    private void detection(NetEvent e) {
        if (e.timeNs() < from) {
            return;
        }
        Detection d = toDetection(e);
        if (d != null) {
            detections.add(d);
        }
    }

    /** The detection an event stands for, or null. */
    static Detection toDetection(NetEvent e) {
        long t = e.timeNs();
        String n = e.node();
        if (e instanceof InterfaceStateChanged i && i.cause() == InterfaceStateChanged.Cause.CARRIER) {
            return new Detection(t, n, i.up() ? Detection.Kind.CARRIER_UP : Detection.Kind.CARRIER_LOSS, i.iface(), "");
        }
        if (e instanceof TunnelKeepaliveExpired k) {
            return new Detection(t, n, Detection.Kind.KEEPALIVE_RETRIES_EXHAUSTED, k.iface(),
                    k.unanswered() + " × " + seconds(k.periodNs()) + " keepalives unanswered");
        }
        if (e instanceof LineProtocolChanged l) {
            return new Detection(t, n, l.up() ? Detection.Kind.LINE_PROTOCOL_UP : Detection.Kind.LINE_PROTOCOL_DOWN, l.iface(), "");
        }
        if (e instanceof AdjacencyChanged a) {
            String subject = a.neighbor() + " on " + a.iface();
            if ("FULL".equalsIgnoreCase(a.to())) {
                return new Detection(t, n, Detection.Kind.OSPF_ADJACENCY_FULL, subject, a.reason());
            }
            if ("FULL".equalsIgnoreCase(a.from())) {
                boolean dead = a.reason().toLowerCase(java.util.Locale.ROOT).contains("dead timer");
                return new Detection(t, n, dead ? Detection.Kind.OSPF_DEAD_TIMER : Detection.Kind.OSPF_ADJACENCY_DOWN,
                        subject, a.reason());
            }
            return null;
        }
        if (e instanceof BfdSessionChanged b) {
            String subject = b.peer() + " " + b.where();
            if (b.to() == BfdState.UP) {
                return new Detection(t, n, Detection.Kind.BFD_SESSION_UP, subject, "");
            }
            if (b.from() == BfdState.UP) {
                return new Detection(t, n, Detection.Kind.BFD_SESSION_DOWN, subject, b.diagnostic().display());
            }
            return null;
        }
        if (e instanceof TrackChanged k) {
            return new Detection(t, n, k.up() ? Detection.Kind.TRACK_UP : Detection.Kind.TRACK_DOWN,
                    "track " + k.track() + " (" + k.object() + ")", "");
        }
        if (e instanceof RipRouteTimeout r) {
            return new Detection(t, n, Detection.Kind.RIP_ROUTE_TIMEOUT, r.prefix() + " via " + r.nextHop() + " on " + r.iface(),
                    "not refreshed for " + seconds(r.timeoutNs()), r.prefix().toString());
        }
        return null;
    }

    /** A timer value as people write it: {@code 10 s}, {@code 300 ms}, {@code 1.5 s}. */
    static String seconds(long ns) {
        if (ns % SimTime.SECOND == 0) {
            return ns / SimTime.SECOND + " s";
        }
        if (ns % 1_000_000L == 0 && ns < SimTime.SECOND) {
            return ns / 1_000_000L + " ms";
        }
        return java.math.BigDecimal.valueOf(ns, 9).stripTrailingZeros().toPlainString() + " s";
    }

    /** {@code tunnel0}, {@code eth1 192.0.2.1}, {@code tunnel0 + tunnel1}; {@code none} for no entry. */
    static String paths(FibEntry e) {
        if (e == null || e.pathCount() == 0) {
            return "none";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < e.pathCount(); i++) {
            var r = e.path(i);
            if (i > 0) {
                sb.append(" + ");
            }
            sb.append(r.egress().name());
            if (r.hasNextHop()) {
                sb.append(' ').append(r.nextHopAddress());
            }
        }
        return sb.toString();
    }

    /** The evidence gathered up to now. */
    CauseEvidence evidence() {
        List<Node> nodes = new ArrayList<>(net.nodes());
        List<FlowTrace> traces = new ArrayList<>();
        Map<Integer, TreeMap<Long, List<String>>> byFlow = new HashMap<>();
        for (var v : visits.entrySet()) {
            List<String> names = new ArrayList<>();
            BitSet b = v.getValue();
            for (int i = b.nextSetBit(0); i >= 0; i = b.nextSetBit(i + 1)) {
                names.add(nodes.get(i).name());
            }
            names.sort(null);
            byFlow.computeIfAbsent(ProbeFlow.traceFlow(v.getKey()), k -> new TreeMap<>())
                    .put((long) ProbeFlow.traceSeq(v.getKey()), names);
        }
        for (ProbeFlow f : flows.values()) {
            List<String> addresses = new ArrayList<>();
            String dst = f.destinationText();
            if (dst.indexOf(':') < 0) {
                String src = f.sourceAddressText();
                if (src != null) {
                    addresses.add(src);
                }
                addresses.add(dst);
            }
            traces.add(new FlowTrace(f.name(), f.sourceNode().name(), addresses, byFlow.getOrDefault(f.id(), new TreeMap<>())));
        }
        traces.sort(java.util.Comparator.comparing(FlowTrace::flow));
        return new CauseEvidence(traces, drops, detections, routes.routeChanges());
    }
}
