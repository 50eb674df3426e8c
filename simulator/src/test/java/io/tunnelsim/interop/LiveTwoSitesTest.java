package io.tunnelsim.interop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.live.LiveDriver;
import io.tunnelsim.node.Network;
import io.tunnelsim.scenario.BuiltNetwork;
import io.tunnelsim.scenario.NetworkBuilder;
import io.tunnelsim.live.LiveSpec;
import io.tunnelsim.scenario.spec.ScenarioLoader;
import io.tunnelsim.scenario.spec.ScenarioSpec;
import io.tunnelsim.sim.SimTime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * examples/live/two-sites.yaml with two real FRR routers as the sites' LAN routers: each learns
 * the far site's loopback through the simulated GRE-over-IPsec VPN (OSPF cost 30 over tunnel0),
 * a ping between the real loopbacks passes, and a silent failure of the primary provider in the
 * simulation shows on the real routers as the route's cost rising to 120 (tunnel1) while the
 * ping goes on after a gap.
 *
 * <p>Bounds: the LAN DR election waits one dead interval (4 s), so routes are required within
 * 15 s. After the failure each CE's tunnel0 adjacency dies within the dead interval (4 s) and
 * its SPF runs within the throttle's maximum wait (1 s in the example); the live run may lag
 * the wall clock by up to its limit (a quarter of the dead interval, 1 s) and an echo is sent
 * every 200 ms: at most 6.2 s of pings (32 at 5 per second) may be lost, and none in the last
 * 3 s. FRR's route is checked once a second and must show cost 120 within dead interval + SPF
 * wait + FRR's own SPF delay (FRR's default throttle starts at 0 ms and holds 50 ms) + the
 * check interval: 7 s.
 */
class LiveTwoSitesTest {
    static final Path SCENARIO = Path.of("..", "examples", "live", "two-sites.yaml");
    private static final Pattern METRIC = Pattern.compile("metric (\\d+)");
    private static final Pattern REPLY = Pattern.compile("icmp_seq=(\\d+)");

    private static String frrConf(String site, int n) {
        return String.join("\n", "hostname frr-" + site, "interface eth0", " ip ospf hello-interval 1", " ip ospf dead-interval 4",
                "router ospf", " ospf router-id 10." + n + ".0.2", " network 10." + n + ".0.0/24 area 0",
                " network 192.168." + n + ".1/32 area 0", "");
    }

    private static String events(Network net) {
        StringBuilder sb = new StringBuilder();
        for (var e : net.log().entries()) {
            if (e.time() > 8 * SimTime.SECOND) {
                sb.append(e.format()).append('\n');
            }
        }
        return sb.toString();
    }

    private static int metric(FrrLab lab, Path frr, String prefix) {
        Matcher m = METRIC.matcher(lab.vtysh(frr, "show ip route " + prefix));
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    @Test
    void realSitesLearnEachOtherThroughTheSimulatedVpnAndSeeTheFailover() throws Exception {
        FrrLab.assumeAvailable();
        try (FrrLab lab = new FrrLab("tw")) {
            Path[] frr = new Path[2];
            String[] sites = {"A", "B"};
            for (int i = 0; i < 2; i++) {
                String s = sites[i];
                int n = i + 1;
                lab.bridge("twB" + s);
                lab.tap("twT" + s, "twB" + s);
                lab.namespace("twF" + s);
                lab.veth("twF" + s, "eth0", "10." + n + ".0.2/24", "twB" + s, "twV" + s);
                lab.inNs("twF" + s, "ip addr add 192.168." + n + ".1/32 dev lo");
                frr[i] = lab.frr("twF" + s, Map.of("ospfd", frrConf(s.toLowerCase(), n)));
            }
            ScenarioSpec s = ScenarioLoader.load(SCENARIO);
            BuiltNetwork built = NetworkBuilder.build(s.topology(), s.variants().get(0), s.seed());
            Network net = built.network();
            Path pingOut = lab.dir().resolve("ping.txt");
            try (LiveDriver d = LiveDriver.attach(net, built.segmentsByLink(),
                    new LiveSpec(Map.of("site-a", lab.real("twTA"), "site-b", lab.real("twTB")), LiveSpec.DEFAULT_LAG_WARNING))) {
                net.start();
                long t = 0;
                int ab = -1;
                int ba = -1;
                while (t < 15 * SimTime.SECOND && (ab < 0 || ba < 0)) {
                    t += 250 * SimTime.MILLISECOND;
                    d.drive(t, null);
                    ab = metric(lab, frr[0], "192.168.2.1/32");
                    ba = metric(lab, frr[1], "192.168.1.1/32");
                }
                long learned = t;
                assertTrue(ab == 30 && ba == 30, "FRR's routes to the far loopback (frr LAN 10 + tunnel0 10 + far LAN 10): " + ab + "/" + ba
                        + "\n" + lab.vtysh(frr[0], "show ip ospf neighbor") + lab.vtysh(frr[0], "show ip route"));
                // 5 pings a second for 15 s between the real loopbacks, across the simulated VPN
                lab.sh("ip netns exec twFA ping -n -i 0.2 -c 75 -I 192.168.1.1 192.168.2.1 >" + pingOut + " 2>&1 &");
                long pingStart = t;
                for (long end = t + 3 * SimTime.SECOND; t < end; ) {
                    t += 250 * SimTime.MILLISECOND;
                    d.drive(t, null);
                }
                built.segmentsByLink().get("ce-a-isp-a").setSilentFailure(true);
                long failed = t;
                int after = ab;
                long movedAt = -1;
                // until ping has sent its 75 echoes and printed its statistics (15 s and its own start-up)
                for (long end = pingStart + 25 * SimTime.SECOND; t < end && !Files.readString(pingOut).contains("packets transmitted"); ) {
                    t += 250 * SimTime.MILLISECOND;
                    d.drive(t, null);
                    // vtysh costs wall time the scheduler then has to catch up: ask once a second
                    if (movedAt < 0 && (t - failed) % SimTime.SECOND == 0) {
                        after = metric(lab, frr[0], "192.168.2.1/32");
                        if (after == 120) {
                            movedAt = t;
                        }
                    }
                }
                assertTrue(movedAt > 0, "FRR's route did not move to tunnel1 (cost 120): " + after);
                assertTrue(movedAt - failed <= 7 * SimTime.SECOND, "route moved " + SimTime.formatShort(movedAt - failed) + " after the failure");
                String ping = Files.readString(pingOut);
                TreeSet<Integer> replies = new TreeSet<>();
                Matcher m = REPLY.matcher(ping);
                while (m.find()) {
                    replies.add(Integer.parseInt(m.group(1)));
                }
                int lost = 75 - replies.size();
                assertTrue(ping.contains("75 packets transmitted"), "ping did not finish while the simulation ran:\n" + ping);
                // under load the first echo is sometimes unanswered (it leaves while the scheduler is
                // paused for vtysh and the kernels on both ends are still resolving ARP for the path);
                // of the first ten echoes, all sent before the failure, at most two may go unanswered
                long early = replies.stream().filter(q -> q <= 10).count();
                assertTrue(early >= 8, "pings before the failure: " + early + " of the first 10 answered\n" + ping);
                StringBuilder gaps = new StringBuilder();
                for (int q = 1; q <= 75; q++) {
                    if (!replies.contains(q)) {
                        gaps.append(q).append(' ');
                    }
                }
                assertTrue(lost <= 32, lost + " of 75 pings lost (" + gaps + "), failure during ping "
                        + (failed - pingStart) / (200 * SimTime.MILLISECOND) + "; events:\n" + events(net) + "\n" + ping);
                for (int q = 61; q <= 75; q++) {
                    assertTrue(replies.contains(q), "ping " + q + " (last 3 s) lost:\n" + ping);
                }
                System.out.printf("live two sites: FRR routes at %s, failure at %s (during ping %d), FRR's route on tunnel1 %s later,"
                        + " %d of 75 pings lost (%s), max lag %s%n", SimTime.formatShort(learned), SimTime.formatShort(failed),
                        (failed - pingStart) / (200 * SimTime.MILLISECOND), SimTime.formatShort(movedAt - failed), lost, gaps.toString().trim(),
                        SimTime.formatShort(d.stats().maxLagNs()));
            }
        }
    }
}
