package io.tunnelsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.experiment.Results;
import io.tunnelsim.report.model.ActionResult;
import io.tunnelsim.report.model.Detection;
import io.tunnelsim.report.model.DropCount;
import io.tunnelsim.report.model.OutageCause;
import io.tunnelsim.report.model.ProbeRecord;
import io.tunnelsim.report.model.RouteChange;
import io.tunnelsim.report.model.ScenarioInfo;
import io.tunnelsim.report.model.VariantResult;
import io.tunnelsim.scenario.spec.ScenarioLoader;
import io.tunnelsim.scenario.spec.ScenarioSpec;
import io.tunnelsim.scenario.spec.VariantSpec;
import io.tunnelsim.sim.SimTime;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The causal chains of the shipped examples, against the timers that produce them: the detection
 * must be the mechanism the variant configures, at a time its timers allow; the FIB change must
 * move the flow to the backup tunnel; every lost probe must be accounted for.
 */
class OutageCausesTest {
    static final long S = SimTime.SECOND;
    static final long MS = SimTime.MILLISECOND;
    static ScenarioSpec failover;

    @BeforeAll
    static void load() throws Exception {
        failover = ScenarioLoader.load(ExampleCaptureInteropTest.root().resolve("examples/failover-static-vs-dynamic.yaml"));
    }

    static VariantResult run(ScenarioSpec s, String variant, RunOptions o) throws Exception {
        VariantSpec v = s.variants().stream().filter(x -> x.name().equals(variant)).findFirst().orElseThrow();
        RunResult r = ScenarioRunner.run(s, v, o);
        ScenarioInfo info = Results.scenarioInfo(s, r.actionTimes(), s.seed());
        return Results.variantResult(s, r, info);
    }

    static ActionResult action(VariantResult v, String prefix) {
        return v.actions().stream().filter(a -> a.action().startsWith(prefix)).findFirst().orElseThrow();
    }

    /** The failure's chain, with the checks every chain passes. */
    static OutageCause failureChain(VariantResult v) {
        ActionResult failure = action(v, "silent-failure");
        OutageCause c = failure.cause().orElseThrow(() -> new AssertionError(v.name() + ": no chain"));
        assertEquals(failure.lostProbes(), c.lost());
        assertEquals(failure.lostProbes(), c.drops().stream().mapToInt(DropCount::count).sum(), "drop counts add up");
        assertTrue(c.drops().stream().noneMatch(d -> d.reason().equals(DropCount.NO_DROP_SEEN)),
                v.name() + ": every lost probe has its drop: " + c.dropSummary());
        // the failed link is silent: probes sent into it vanish there
        assertTrue(c.drops().stream().anyMatch(d -> d.onLink() && d.where().equals("isp-a-br")
                && d.reason().equals("silent-failure")), c.dropSummary());
        ProbeRecord first = c.firstDelivered().orElseThrow();
        assertEquals(failure.atNs() + failure.recoveryNs().getAsLong(), first.receivedNs(), "the recovery probe");
        // the flow's path, before and after: both sites and both providers
        assertTrue(c.path().containsAll(java.util.List.of("hq", "br", "isp-a", "isp-b")), c.path().toString());
        return c;
    }

    static long detectedAfter(ActionResult a, OutageCause c, Detection.Kind kind) {
        Detection d = c.detection().orElseThrow();
        assertEquals(kind, d.kind(), d.toString());
        return d.timeNs() - a.atNs();
    }

    /** A FIB change on the path that moves a flow prefix from the primary tunnel to the backup. */
    static void movesToBackup(OutageCause c) {
        boolean moved = false;
        for (RouteChange f : c.fibChanges()) {
            moved |= f.from().startsWith("tunnel0") && f.to().startsWith("tunnel1");
        }
        assertTrue(moved, c.fibChanges().toString());
    }

    static void assertBetween(long v, long low, long high) {
        ReferenceReportTest.assertBetween(v, low, high);
    }

    @Test
    void staticKeepalivesAreDetectedByTheirRetries() throws Exception {
        VariantResult v = run(failover, "static-keepalive", RunOptions.DEFAULT);
        OutageCause c = failureChain(v);
        // default keepalives of a static variant: 10 s x 3 (VariantStep); the line protocol goes
        // down at the tick after the third unanswered one: ((retries - 1) P, (retries + 1) P]
        long t = detectedAfter(action(v, "silent-failure"), c, Detection.Kind.KEEPALIVE_RETRIES_EXHAUSTED);
        assertBetween(t, 20 * S + 1, 40 * S);
        assertEquals("tunnel0", c.detection().get().subject());
        movesToBackup(c);
        // giving the path back: the end still down drops what arrives until its next keepalive
        ActionResult restore = action(v, "silent-restore");
        OutageCause back = restore.cause().orElseThrow();
        assertEquals(Detection.Kind.LINE_PROTOCOL_UP, back.detection().orElseThrow().kind());
        assertEquals(restore.lostProbes(), back.drops().stream().mapToInt(DropCount::count).sum());
        assertTrue(back.drops().stream().allMatch(d -> d.reason().equals("tunnel-down") && d.iface().equals("tunnel0")),
                back.dropSummary());
    }

    @Test
    void ospfIsDetectedByTheDeadTimer() throws Exception {
        VariantResult v = run(failover, "ospf", RunOptions.DEFAULT);
        OutageCause c = failureChain(v);
        // hello 10 s, dead 40 s (defaults); the SPF delay (modern throttle) adds at most 50 ms
        long t = detectedAfter(action(v, "silent-failure"), c, Detection.Kind.OSPF_DEAD_TIMER);
        assertBetween(t, 30 * S, 40 * S + 50 * MS);
        movesToBackup(c);
        for (RouteChange f : c.fibChanges()) {
            assertTrue(f.timeNs() >= c.detection().get().timeNs(), "no FIB change before the dead timer: " + f);
        }
        // giving the path back loses nothing: no chain
        assertEquals(Optional.empty(), action(v, "silent-restore").cause());
    }

    @Test
    void bfdIsDetectedWithinItsDetectionTime() throws Exception {
        for (String name : new String[] {"static-bfd", "ospf-bfd"}) {
            VariantResult v = run(failover, name, RunOptions.DEFAULT);
            OutageCause c = failureChain(v);
            // 300 ms x 3: the session goes down 3 intervals after the last packet heard, which
            // arrived at most one interval before the failure
            long t = detectedAfter(action(v, "silent-failure"), c, Detection.Kind.BFD_SESSION_DOWN);
            assertBetween(t, 600 * MS, 900 * MS);
            movesToBackup(c);
        }
    }

    @Test
    void ipSlaIsDetectedByItsTrack() throws Exception {
        VariantResult v = run(failover, "static-ip-sla", RunOptions.DEFAULT);
        OutageCause c = failureChain(v);
        // frequency 5 s, timeout 2 s: the failed operation ends at most 5 s + 2 s after the failure
        long t = detectedAfter(action(v, "silent-failure"), c, Detection.Kind.TRACK_DOWN);
        assertBetween(t, 0, 7 * S);
        movesToBackup(c);
        assertEquals(Optional.empty(), action(v, "silent-restore").cause(), "a flow that lost nothing has no chain");
    }

    @Test
    void carrierLossIsDetectedAtOnceAndTheDropsNameTheRouter() throws Exception {
        ScenarioSpec s = ScenarioLoader.load(ExampleCaptureInteropTest.root().resolve("examples/quickstart.yaml"));
        VariantResult v = run(s, s.variants().get(0).name(), RunOptions.DEFAULT);
        for (ActionResult a : v.actions()) {
            if (!a.action().startsWith("link-down")) {
                assertEquals(Optional.empty(), a.cause(), a.action() + " " + a.flow() + " lost nothing");
                continue;
            }
            OutageCause c = a.cause().orElseThrow();
            assertEquals(0, detectedAfter(a, c, Detection.Kind.CARRIER_LOSS));
            assertEquals(1, c.drops().size(), c.dropSummary());
            DropCount d = c.drops().get(0);
            assertEquals("no-route", d.reason());
            assertFalse(d.onLink());
            assertEquals(a.lostProbes(), d.count());
            assertTrue(c.firstDelivered().isEmpty(), "not recovered before the link came back");
            for (RouteChange f : c.fibChanges()) {
                assertTrue(f.timeNs() < a.windowEndNs(), "the link-up's changes belong to the link-up: " + f);
            }
        }
    }

    @Test
    void ipv6ProbesAreFollowedToo() throws Exception {
        ScenarioSpec s = ScenarioLoader.load(ExampleCaptureInteropTest.root().resolve("examples/gre-basic.yaml"));
        VariantResult v = run(s, s.variants().get(0).name(), RunOptions.DEFAULT);
        ActionResult v4 = v.actions().stream().filter(a -> a.action().startsWith("silent-failure") && a.flow().equals("hq-to-br"))
                .findFirst().orElseThrow();
        ActionResult v6 = v.actions().stream().filter(a -> a.action().startsWith("silent-failure") && a.flow().equals("hq-to-br-v6"))
                .findFirst().orElseThrow();
        for (ActionResult a : new ActionResult[] {v4, v6}) {
            OutageCause c = a.cause().orElseThrow();
            assertEquals(a.lostProbes(), c.drops().stream().mapToInt(DropCount::count).sum());
            assertTrue(c.drops().stream().noneMatch(d -> d.reason().equals(DropCount.NO_DROP_SEEN)), a.flow() + ": " + c.dropSummary());
            // the single tunnel has keepalives 10 s x 3 (topology), and no backup
            assertBetween(detectedAfter(a, c, Detection.Kind.KEEPALIVE_RETRIES_EXHAUSTED), 20 * S + 1, 40 * S);
            assertTrue(c.firstDelivered().isEmpty());
        }
        assertEquals(v4.cause().get().detection(), v6.cause().get().detection(), "the same tunnel carries both");
    }

    @Test
    @SuppressWarnings("unchecked")
    void summaryJsonAndTheReportCarryTheChain() throws Exception {
        VariantResult v = run(failover, "static-keepalive", RunOptions.DEFAULT);
        ScenarioInfo info = Results.scenarioInfo(failover, java.util.List.of(100 * S, 400 * S), failover.seed());
        String json = io.tunnelsim.report.SummaryJson.run(info, v);
        var doc = (java.util.Map<String, Object>) io.tunnelsim.report.MiniJson.parse(json);
        var variant = ((java.util.List<java.util.Map<String, Object>>) doc.get("variants")).get(0);
        var actions = (java.util.List<java.util.Map<String, Object>>) variant.get("actions");
        var flow = ((java.util.List<java.util.Map<String, Object>>) actions.get(0).get("flows")).get(0);
        var causes = (java.util.Map<String, Object>) flow.get("causes");
        var detection = (java.util.Map<String, Object>) causes.get("detection");
        assertEquals("keepalive-retries-exhausted", detection.get("kind"));
        long lost = ((Number) flow.get("lost")).longValue();
        assertEquals(lost, ((Number) causes.get("lost")).longValue());
        long sum = 0;
        for (var d : (java.util.List<java.util.Map<String, Object>>) causes.get("drops")) {
            sum += ((Number) d.get("count")).longValue();
        }
        assertEquals(lost, sum);
        assertEquals(lost + " lost: " + action(v, "silent-failure").cause().get().dropSummary(), causes.get("summary"));

        String html = io.tunnelsim.report.HtmlReport.comparison(new io.tunnelsim.report.model.ComparisonReport(info,
                java.util.List.of(v)), java.util.List.of());
        assertTrue(html.contains("<h2>Why each outage happened</h2>"));
        assertTrue(html.contains("detected: keepalive retries exhausted on tunnel0 at "), "the worst flow's chain");
        assertTrue(html.contains("lost " + lost + ": "));
    }

    @Test
    void withoutCausesARunGathersNothing() throws Exception {
        VariantResult v = run(failover, "static-ip-sla", RunOptions.DEFAULT.withoutCauses());
        VariantResult followed = run(failover, "static-ip-sla", RunOptions.DEFAULT);
        // following the probes observes the run and changes nothing in it
        assertEquals(followed.eventsExecuted(), v.eventsExecuted());
        assertEquals(followed.probes(), v.probes());
        assertEquals(followed.counters(), v.counters());
        assertTrue(v.actions().stream().allMatch(a -> a.cause().isPresent() == (a.lostProbes() > 0)));
        OutageCause c = action(v, "silent-failure").cause().orElseThrow();
        assertTrue(c.detection().isEmpty());
        assertEquals(java.util.List.of(new DropCount(DropCount.NO_DROP_SEEN, "", "", false, c.lost())), c.drops());
    }
}
