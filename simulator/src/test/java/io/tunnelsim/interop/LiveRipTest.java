package io.tunnelsim.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.live.LiveDriver;
import io.tunnelsim.node.Network;
import io.tunnelsim.node.Node;
import io.tunnelsim.routing.rip.RipProcess;
import io.tunnelsim.scenario.BuiltNetwork;
import io.tunnelsim.scenario.NetworkBuilder;
import io.tunnelsim.live.LiveSpec;
import io.tunnelsim.scenario.spec.ScenarioLoader;
import io.tunnelsim.scenario.spec.ScenarioSpec;
import io.tunnelsim.sim.SimTime;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * A real FRR ripd and a simulated RIPv2 router on a LAN, both authenticating with keyed MD5
 * (RFC 2082, key 1): each learns the other's prefix; then each side goes silent in turn and
 * the other times the route out within RIP's bounds (RFC 2453 §3.8).
 *
 * <p>Timers on both: update 5 s, timeout 10 s, garbage 5 s. The simulated router's updates
 * come every 5 s ± 0.83 s (jitter update/6), FRR's every 5 s ± 25 % (FRR's jitter). A route
 * times out {@code timeout} after the last update heard, so between timeout − (longest update
 * gap) and timeout after the sender fell silent: for FRR's route in r1 [3.75 s, 10 s], for
 * r1's route in FRR [4.17 s, 10 s]; the checks poll every 250 ms, hence the slack of 1 s.
 */
class LiveRipTest {
    static final String FRR_RIPD = String.join("\n",
            "hostname frr4",
            "key chain k",
            " key 1",
            "  key-string s3cret",
            "interface eth0",
            " ip rip authentication mode md5",
            " ip rip authentication key-chain k",
            "router rip",
            " network eth0",
            " redistribute connected",
            " timers basic 5 10 5",
            "");
    static final Ipv4Prefix FRR_LOOPBACK = Ipv4Prefix.parse("192.0.2.1/32");

    @Test
    void routesExchangedWithFrrAndWithdrawnByTimeoutOnBothSides() throws Exception {
        FrrLab.assumeAvailable();
        try (FrrLab lab = new FrrLab("tr")) {
            lab.bridge("trB");
            lab.tap("trT", "trB");
            lab.namespace("trF1");
            lab.veth("trF1", "eth0", "10.8.0.2/24", "trB", "trV1");
            lab.inNs("trF1", "ip addr add 192.0.2.1/32 dev lo");
            Path frr = lab.frr("trF1", Map.of("ripd", FRR_RIPD));

            ScenarioSpec s = ScenarioLoader.load(Path.of("src/test/resources/interop/rip-md5.yaml"));
            BuiltNetwork built = NetworkBuilder.build(s.topology(), s.variants().get(0), s.seed());
            Network net = built.network();
            Node r1 = net.node("r1");
            RipProcess rip = r1.service(RipProcess.class);
            try (LiveDriver d = LiveDriver.attach(net, built.segmentsByLink(), new LiveSpec(Map.of("lan", lab.real("trT")), LiveSpec.DEFAULT_LAG_WARNING))) {
                Clock c = new Clock(d);
                net.start();
                // both ends ask for the whole table at start, so routes come within one update interval
                long learnedSim = c.until(6 * SimTime.SECOND, () -> r1.fib().get(FRR_LOOPBACK) != null);
                long learnedFrr = c.until(6 * SimTime.SECOND, () -> frrHas(lab, frr));
                assertTrue(learnedSim >= 0, "r1 did not learn FRR's loopback: " + rip.showDatabase() + r1.counters().dropsByReason()
                        + "\n" + lab.log(frr, "ripd"));
                assertTrue(learnedFrr >= 0, "FRR did not learn 10.1.0.0/24: " + lab.vtysh(frr, "show ip rip") + "\n" + lab.log(frr, "ripd"));
                var e = r1.fib().get(FRR_LOOPBACK);
                assertEquals(Ipv4Address.parse("10.8.0.2"), e.first().nextHopAddress());
                assertTrue(lab.vtysh(frr, "show ip rip").matches("(?s).*R\\(n\\)\\s+10\\.1\\.0\\.0/24\\s+10\\.8\\.0\\.1\\s+2 .*"),
                        lab.vtysh(frr, "show ip rip"));
                assertTrue(r1.counters().dropsByReason().keySet().stream().noneMatch(k -> k.startsWith("rip-auth") && !k.equals("rip-auth-mismatch")),
                        "only FRR's unauthenticated start-up request may be refused: " + r1.counters().dropsByReason());

                // r1 falls silent on the LAN: FRR times 10.1.0.0/24 out
                r1.interfaceNamed("eth0").setAdminUp(false);
                long down = c.t;
                long frrGone = c.until(12 * SimTime.SECOND, () -> !frrHas(lab, frr));
                assertTrue(frrGone >= 0, "FRR still has 10.1.0.0/24 12 s after r1 fell silent: " + lab.vtysh(frr, "show ip rip"));
                long frrTimeout = frrGone - down;

                // back up: relearned at once (r1's request); then FRR's ripd freezes and r1 times its route out
                r1.interfaceNamed("eth0").setAdminUp(true);
                assertTrue(c.until(6 * SimTime.SECOND, () -> r1.fib().get(FRR_LOOPBACK) != null) >= 0, rip.showDatabase());
                lab.sh("kill -STOP $(cat " + frr.resolve("ripd.pid") + ")");
                long frozen = c.t;
                long simGone = c.until(12 * SimTime.SECOND, () -> r1.fib().get(FRR_LOOPBACK) == null);
                lab.sh("kill -CONT $(cat " + frr.resolve("ripd.pid") + ")");
                assertTrue(simGone >= 0, "r1 still routes to FRR's loopback 12 s after FRR froze: " + rip.showDatabase());
                long simTimeout = simGone - frozen;
                assertTrue(frrTimeout >= 4 * SimTime.SECOND && frrTimeout <= 11 * SimTime.SECOND, "FRR timed out after " + SimTime.formatShort(frrTimeout));
                assertTrue(simTimeout >= 3 * SimTime.SECOND && simTimeout <= 11 * SimTime.SECOND, "r1 timed out after " + SimTime.formatShort(simTimeout));
                System.out.printf("live RIP md5: learned at %s (simulated side) / %s (FRR side); timeouts: FRR %s after r1 fell silent,"
                        + " r1 %s after FRR froze; max lag %s%n", SimTime.formatShort(learnedSim), SimTime.formatShort(learnedFrr),
                        SimTime.formatShort(frrTimeout), SimTime.formatShort(simTimeout), SimTime.formatShort(d.stats().maxLagNs()));
            }
        }
    }

    private static boolean frrHas(FrrLab lab, Path frr) {
        return lab.vtysh(frr, "show ip route rip").contains("10.1.0.0/24");
    }

    /** Drives the live run in 250 ms steps. */
    private static final class Clock {
        final LiveDriver d;
        long t;

        Clock(LiveDriver d) {
            this.d = d;
        }

        /** Steps until {@code done} holds (returns the time then) or {@code limit} has passed (returns -1). */
        long until(long limit, BooleanSupplier done) throws Exception {
            long end = t + limit;
            while (t < end) {
                t += 250 * SimTime.MILLISECOND;
                d.drive(t, null);
                if (done.getAsBoolean()) {
                    return t;
                }
            }
            return -1;
        }
    }
}
