package io.tunnelsim.experiment;

import io.tunnelsim.node.Counters;
import io.tunnelsim.node.EventLog;
import io.tunnelsim.node.Node;
import io.tunnelsim.node.ProbeFlow;
import io.tunnelsim.node.Segment;
import io.tunnelsim.report.CauseAnalyzer;
import io.tunnelsim.report.ConvergenceAnalyzer;
import io.tunnelsim.report.model.ActionKind;
import io.tunnelsim.report.model.ActionResult;
import io.tunnelsim.report.model.ProbeRecord;
import io.tunnelsim.report.model.ScenarioInfo;
import io.tunnelsim.report.model.TimelineAction;
import io.tunnelsim.report.model.VariantResult;
import io.tunnelsim.scenario.RunResult;
import io.tunnelsim.scenario.ScenarioRunner;
import io.tunnelsim.scenario.spec.ActionType;
import io.tunnelsim.scenario.spec.ProbeSpec;
import io.tunnelsim.scenario.spec.ScenarioSpec;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/** Turns raw run results into the report model, and writes {@code events.log}. */
public final class Results {
    /** Event-log facilities shown as key events in reports. */
    private static final Set<String> KEY_PREFIXES = Set.of("LINEPROTO", "OSPF-5-ADJCHG", "TUN-5", "TRACK", "SYS-5",
            "SCENARIO", "CRYPTO", "RIP");

    private Results() {
    }

    public static ScenarioInfo scenarioInfo(ScenarioSpec s, List<Long> actionTimes, long seed) {
        List<TimelineAction> actions = new ArrayList<>();
        for (int i = 0; i < s.timeline().size(); i++) {
            var a = s.timeline().get(i);
            actions.add(new TimelineAction(ScenarioRunner.label(a), actionTimes.get(i), kind(a.type())));
        }
        actions.sort(java.util.Comparator.comparingLong(TimelineAction::atNs));
        long interval = s.probes().stream().mapToLong(ProbeSpec::intervalNs).min().orElse(io.tunnelsim.sim.SimTime.SECOND);
        String description = "Topology " + s.topology().name() + "; " + s.probes().size() + " probe flow(s); "
                + s.timeline().size() + " timeline action(s); variants: "
                + String.join(", ", s.variants().stream().map(v -> v.name() + " (" + v.routing().yamlName() + ")").toList());
        return new ScenarioInfo(s.name(), description, seed, s.durationNs(), interval, actions);
    }

    static ActionKind kind(ActionType t) {
        return switch (t) {
            case LINK_DOWN, SILENT_FAILURE, INTERFACE_DOWN, NODE_CRASH, IMPAIR -> ActionKind.FAILURE;
            case LINK_UP, SILENT_RESTORE, INTERFACE_UP, NODE_RESTORE -> ActionKind.RESTORATION;
        };
    }

    public static VariantResult variantResult(ScenarioSpec s, RunResult r, ScenarioInfo info) {
        List<ProbeRecord> probes = new ArrayList<>();
        for (ProbeFlow f : r.probes()) {
            for (int i = 0; i < f.count(); i++) {
                long rx = f.receivedAt(i);
                probes.add(new ProbeRecord(f.name(), i, f.sentAt(i), rx < 0 ? ProbeRecord.NOT_RECEIVED : rx));
            }
        }
        List<ActionResult> actions = ConvergenceAnalyzer.analyze(probes, info.actions(), r.endNs(), r.fibChanges(), r.stateChanges());
        actions = CauseAnalyzer.explain(actions, info.actions(), probes, r.endNs(), r.causes());
        List<String> key = new ArrayList<>();
        for (EventLog.Entry e : r.events()) {
            if (startupNoise(e)) {
                continue;
            }
            for (String p : KEY_PREFIXES) {
                if (e.facility().startsWith(p)) {
                    key.add(e.format());
                    break;
                }
            }
        }
        return new VariantResult(r.variant(), actions, probes, key, counters(r), r.built().network().scheduler().executedEvents(),
                ConvergenceAnalyzer.startup(probes, info.actions(), r.endNs()), r.endNs());
    }

    /**
     * Interfaces and line protocols coming up at t = 0, when the network is built: one pair per
     * interface, and no answer to "what happened". They stay in events.log.
     */
    static boolean startupNoise(EventLog.Entry e) {
        return e.time() == 0 && (e.facility().startsWith("LINEPROTO") || e.facility().startsWith("LINK-"))
                && e.message().endsWith("changed state to up");
    }

    /** Network-wide counters: packet totals, drops by reason, link drops, FIB changes. */
    static SortedMap<String, Long> counters(RunResult r) {
        TreeMap<String, Long> c = new TreeMap<>();
        long received = 0;
        long forwarded = 0;
        long delivered = 0;
        long originated = 0;
        long sent = 0;
        long unbalanced = 0;
        for (Node n : r.built().network().nodes()) {
            Counters k = n.counters();
            received += k.received;
            forwarded += k.forwarded;
            delivered += k.delivered;
            originated += k.originated;
            sent += k.sent;
            if (k.imbalance() != 0) {
                unbalanced++;
            }
            k.dropsByReason().forEach((reason, v) -> c.merge("drop." + reason, v, Long::sum));
        }
        long lost = 0;
        long silent = 0;
        long queue = 0;
        long frames = 0;
        for (Segment s : r.built().network().segments()) {
            lost += s.framesLost;
            silent += s.framesSilentlyDropped;
            queue += s.framesQueueDropped;
            frames += s.framesSent;
        }
        c.put("packets.received", received);
        c.put("packets.forwarded", forwarded);
        c.put("packets.delivered", delivered);
        c.put("packets.originated", originated);
        c.put("packets.sent", sent);
        // nodes whose counters do not balance (docs/model.md, "Counters"): 0
        c.put("packets.unbalanced-nodes", unbalanced);
        c.put("link.frames", frames);
        c.put("link.lost-random", lost);
        c.put("link.lost-silent-failure", silent);
        c.put("link.queue-drops", queue);
        c.put("fib.changes", r.fibChangesTotal());
        probeSizes(r, c);
        for (Node n : r.built().network().nodes()) {
            for (var e : n.fib().entries()) {
                c.merge("routes.end." + e.first().source().name().toLowerCase(java.util.Locale.ROOT), 1L, Long::sum);
            }
        }
        return c;
    }

    /**
     * Per flow, when it applies: the ICMP fragmentation-needed messages its sender received
     * ({@code probe.<flow>.frag-needed}), and for a size sweep the largest size that came through
     * and the smallest that did not ({@code sweep.<flow>.largest-delivered}, {@code .smallest-lost};
     * 0 when none).
     */
    public static void probeSizes(RunResult r, SortedMap<String, Long> c) {
        for (ProbeFlow f : r.probes()) {
            if (f.fragmentationNeededReceived() > 0) {
                c.put("probe." + f.name() + ".frag-needed", (long) f.fragmentationNeededReceived());
            }
            if (!f.isSweep()) {
                continue;
            }
            long largest = 0;
            long smallestLost = 0;
            for (int i = 0; i < f.count(); i++) {
                int size = f.sizeOf(i);
                if (f.receivedAt(i) >= 0) {
                    largest = Math.max(largest, size);
                } else if (smallestLost == 0 || size < smallestLost) {
                    smallestLost = size;
                }
            }
            c.put("sweep." + f.name() + ".largest-delivered", largest);
            c.put("sweep." + f.name() + ".smallest-lost", smallestLost);
        }
    }

    /** Writes the event log: one line per state change, simulated time first. */
    public static void writeEventLog(Path file, List<EventLog.Entry> events) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (EventLog.Entry e : events) {
                w.write(e.format());
                w.write('\n');
            }
        }
    }
}
