package io.tunnelsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.report.MiniJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code show counters}: the balance line, and its terms in {@code --json} (docs/model.md, "Counters"). */
class ShowCountersBalanceTest {
    static final String FAILOVER = ShowCommandTest.FAILOVER;

    static long n(Map<?, ?> m, String key) {
        return ((Number) m.get(key)).longValue();
    }

    @Test
    void textEndsWithTheBalanceLineAndMarksLocalDrops() {
        // after the restoration at 400 s, br sends into tunnel0 before hq's keepalives bring it up:
        // hq delivers those GRE packets and its down tunnel refuses them (a local-stage drop)
        CliTest.Result r = CliTest.run("show", "--allow-outside", FAILOVER, "counters", "--node", "hq", "--at", "410s",
                "--variant", "static-keepalive");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().strip().split("\n");
        String last = lines[lines.length - 1];
        assertTrue(last.startsWith("balance: received "), r.out());
        assertTrue(last.endsWith(": balanced"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("  drop tunnel-down") && l.endsWith(" (local)")), r.out());
        assertTrue(last.contains(" + dropped 0 + "), "local drops are outside the balance: " + last);
    }

    @Test
    void jsonCarriesTheTermsAndTheyAddUp() {
        CliTest.Result r = CliTest.run("show", "--allow-outside", FAILOVER, "counters", "--node", "isp-a", "--at", "150s", "--json");
        assertEquals(0, r.code(), r.err());
        Map<?, ?> snap = (Map<?, ?>) ((List<?>) ((Map<?, ?>) MiniJson.parse(r.out())).get("snapshots")).get(0);
        Map<?, ?> b = (Map<?, ?>) ((Map<?, ?>) snap.get("rows")).get("balance");
        Map<?, ?> in = (Map<?, ?>) b.get("in");
        Map<?, ?> out = (Map<?, ?>) b.get("out");
        Map<?, ?> held = (Map<?, ?>) b.get("held");
        long sumIn = 0;
        for (Object v : in.values()) {
            sumIn += ((Number) v).longValue();
        }
        long sumOut = 0;
        for (Object v : out.values()) {
            sumOut += ((Number) v).longValue();
        }
        for (Object v : held.values()) {
            sumOut += ((Number) v).longValue();
        }
        assertTrue(n(in, "received") > 0, r.out());
        assertEquals(sumIn, sumOut, r.out());
        assertEquals(0, n(b, "difference"));
        assertEquals(Boolean.TRUE, b.get("balanced"));
        Map<?, ?> stages = (Map<?, ?>) b.get("drops_by_stage");
        long network = 0;
        for (Object v : ((Map<?, ?>) stages.get("network")).values()) {
            network += ((Number) v).longValue();
        }
        assertEquals(n(out, "dropped"), network, "the dropped term is the network-stage drops");
    }

    @Test
    void nodeAllPrintsOneBalanceLinePerNode() {
        CliTest.Result r = CliTest.run("show", "--allow-outside", FAILOVER, "counters", "--node", "all", "--at", "120s");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("counters balance at 120s"), r.out());
        List<String> nodes = lines.subList(1, lines.size());
        // the failover topology: two sites, two providers, a PC at each site
        assertEquals(6, nodes.size(), r.out());
        assertTrue(nodes.stream().allMatch(l -> l.matches("[a-z0-9-]+: received \\d+ \\+ .*: balanced")), r.out());
        CliTest.Result json = CliTest.run("show", "--allow-outside", FAILOVER, "counters", "--node", "all", "--at", "120s", "--json");
        Map<?, ?> snap = (Map<?, ?>) ((List<?>) ((Map<?, ?>) MiniJson.parse(json.out())).get("snapshots")).get(0);
        Map<?, ?> rows = (Map<?, ?>) snap.get("rows");
        assertEquals(6, rows.size(), json.out());
        for (Object counters : rows.values()) {
            assertEquals(Boolean.TRUE, ((Map<?, ?>) ((Map<?, ?>) counters).get("balance")).get("balanced"));
        }
        CliTest.Result route = CliTest.run("show", "--allow-outside", FAILOVER, "route", "--node", "all", "--at", "120s");
        assertEquals(2, route.code());
        assertTrue(route.err().contains("--node all works with counters only"), route.err());
    }
}
