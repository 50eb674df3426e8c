package io.tunnelsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.report.MiniJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code tunnelsim show}: one interface, ospf and ospf database, track, --json for every table, several --at times. */
class ShowCommandTest {
    static final String FAILOVER = CliTest.ROOT.resolve("examples/failover-static-vs-dynamic.yaml").toString();

    @Test
    void oneInterfaceByItsTopologyNameOrItsRouterSpelling() {
        CliTest.Result yaml = CliTest.run("show", "--allow-outside", FAILOVER, "interface", "tunnel0", "--node", "hq", "--at", "50s");
        CliTest.Result ios = CliTest.run("show", "--allow-outside", FAILOVER, "interface", "Tunnel0", "--node", "hq", "--at", "50s");
        assertEquals(0, yaml.code(), yaml.err());
        assertEquals(yaml.out(), ios.out(), "Tunnel0 is an alias of tunnel0");
        assertTrue(yaml.out().contains("tunnel0 is up, line protocol is up  (Tunnel0 on a router console)"), yaml.out());
        assertFalse(yaml.out().contains("tunnel1"), "only the interface asked for");
        CliTest.Result none = CliTest.run("show", "--allow-outside", FAILOVER, "interface", "tunnel9", "--node", "hq", "--at", "50s");
        assertEquals(2, none.code());
        assertTrue(none.err().contains("no interface 'tunnel9' on hq (interfaces: eth0, eth1, lan0, lo0, tunnel0, tunnel1)"),
                none.err());
    }

    /**
     * The silent failure at 100 s: IP SLA every 5 s with a 2 s timeout takes track 100 down
     * within 5 + 2 s; two --at times in one call show it up before and down after.
     */
    @Test
    void trackAtSeveralTimesInOneCall() {
        CliTest.Result r = CliTest.run("show", "--allow-outside", FAILOVER, "track", "--node", "hq", "--at", "95s,110s", "--variant", "static-ip-sla");
        assertEquals(0, r.code(), r.err());
        int before = r.out().indexOf("hq at 95s");
        int after = r.out().indexOf("hq at 110s");
        assertTrue(before >= 0 && after > before, r.out());
        assertTrue(r.out().substring(before, after).contains("State is Up"), r.out());
        assertTrue(r.out().substring(after).contains("State is Down"), r.out());
    }

    /**
     * r3's track 7 follows the single-hop BFD session on link b, which fails silently at 60 s:
     * with FRR's default 300 ms x 3 the session, and with it the track, is down within 0.9 s.
     * The object line names the session; there is no IP SLA block, as text or JSON.
     */
    @Test
    void aTrackThatFollowsBfdShowsItsSession() {
        String bfd = CliTest.ROOT.resolve("simulator/src/test/resources/yaml/routing/bfd-three-routers.yaml").toString();
        CliTest.Result r = CliTest.run("show", "--allow-outside", bfd, "track", "--node", "r3", "--at", "59s,65s");
        assertEquals(0, r.code(), r.err());
        int after = r.out().indexOf("r3 at 65s");
        assertTrue(after > 0, r.out());
        assertTrue(r.out().substring(0, after).contains("Track 7\n  bfd 10.0.23.1\n  State is Up\n    1 change,"), r.out());
        assertTrue(r.out().substring(after).contains("State is Down\n    2 changes,"), r.out());
        assertFalse(r.out().contains("IP SLA"), r.out());
        CliTest.Result json = CliTest.run("show", "--allow-outside", bfd, "track", "--node", "r3", "--at", "65s", "--json");
        assertEquals(0, json.code(), json.err());
        Map<?, ?> row = (Map<?, ?>) rows(json.out(), 0).get(0);
        assertEquals("bfd 10.0.23.1", row.get("object"), json.out());
        assertEquals(Boolean.FALSE, row.get("up"), json.out());
        assertFalse(row.containsKey("ip_sla"), json.out());
    }

    @Test
    void ospfDatabaseAsTextAndJsonAgree() {
        CliTest.Result text = CliTest.run("show", "--allow-outside", FAILOVER, "ospf", "database", "--node", "hq", "--at", "90s", "--variant", "ospf");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("Router Link States (Area 0)"), text.out());
        CliTest.Result json = CliTest.run("show", "--allow-outside", FAILOVER, "ospf", "database", "--node", "hq", "--at", "90s", "--variant", "ospf",
                "--json");
        List<?> rows = rows(json.out(), 0);
        assertEquals(2, rows.size(), "router LSAs of hq (1.1.1.1) and br (2.2.2.2): " + rows);
        for (Object row : rows) {
            Map<?, ?> m = (Map<?, ?>) row;
            assertTrue(text.out().contains((String) m.get("sequence")), "same LSA in both outputs: " + m);
        }
        assertEquals(2, CliTest.run("show", "--allow-outside", FAILOVER, "ospf", "lsdb", "--node", "hq", "--at", "90s").code(),
                "ospf takes nothing or 'database'");
    }

    /** {@code show ospf} (IOS {@code show ip ospf}): the process, its SPF throttle and each area, as text and JSON rows. */
    @Test
    void ospfProcessAsTextAndJson() {
        CliTest.Result text = CliTest.run("show", "--allow-outside", FAILOVER, "ospf", "--node", "hq", "--at", "90s", "--variant", "ospf");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains(" Routing Process \"ospf 1\" with ID 1.1.1.1\n"), text.out());
        assertTrue(text.out().contains(" Number of areas in this router is 1. 1 normal 0 stub 0 nssa\n    Area BACKBONE(0)\n"), text.out());
        assertFalse(text.out().contains("area border router"), text.out());
        CliTest.Result json = CliTest.run("show", "--allow-outside", FAILOVER, "ospf", "--node", "hq", "--at", "90s", "--variant", "ospf",
                "--json");
        List<?> rows = rows(json.out(), 0);
        assertEquals(1, rows.size(), rows::toString);
        Map<?, ?> m = (Map<?, ?>) rows.get(0);
        assertEquals("0", m.get("area"));
        assertEquals("normal", m.get("type"));
        assertEquals(false, m.get("area_border_router"));
        assertTrue(text.out().contains("Number of LSA " + m.get("lsas") + "\n"), "the same count in both: " + m + "\n" + text.out());
        assertTrue(text.out().contains("Number of interfaces in this area is " + m.get("interfaces") + "\n"), text.out());
    }

    private static List<?> rows(String json, int snapshot) {
        Map<?, ?> doc = (Map<?, ?>) MiniJson.parse(json);
        List<?> snapshots = (List<?>) doc.get("snapshots");
        return (List<?>) ((Map<?, ?>) snapshots.get(snapshot)).get("rows");
    }

    @ParameterizedTest
    @CsvSource({"route,", "interfaces,", "interface,tunnel1", "neighbors,", "sa,", "arp,", "ospf,", "ospf,database", "track,"})
    void everyTableHasJsonWithOneSnapshotPerTime(String what, String arg) {
        List<String> a = new java.util.ArrayList<>(List.of("show", FAILOVER, what));
        if (arg != null) {
            a.add(arg);
        }
        a.addAll(List.of("--node", "hq", "--at", "30s", "--at", "150s", "--variant", what.equals("track") ? "static-ip-sla" : "ospf", "--allow-outside",
                "--json"));
        CliTest.Result r = CliTest.run(a.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        Map<?, ?> doc = (Map<?, ?>) MiniJson.parse(r.out());
        List<?> snapshots = (List<?>) doc.get("snapshots");
        assertEquals(2, snapshots.size());
        assertEquals(30.0, ((Number) ((Map<?, ?>) snapshots.get(0)).get("at")).doubleValue());
        assertEquals(150.0, ((Number) ((Map<?, ?>) snapshots.get(1)).get("at")).doubleValue());
        if (!what.equals("sa")) { // no IPsec in this topology: an empty table
            assertFalse(rows(r.out(), 1).isEmpty(), r.out());
        }
    }

    @Test
    void countersJsonIsAnObjectOfTotalsAndDrops() {
        CliTest.Result r = CliTest.run("show", "--allow-outside", FAILOVER, "counters", "--node", "isp-a", "--at", "150s", "--json");
        assertEquals(0, r.code(), r.err());
        Map<?, ?> snap = (Map<?, ?>) ((List<?>) ((Map<?, ?>) MiniJson.parse(r.out())).get("snapshots")).get(0);
        Map<?, ?> rows = (Map<?, ?>) snap.get("rows");
        assertTrue(((Number) rows.get("forwarded")).longValue() > 0, r.out());
        assertTrue(rows.get("drops") instanceof Map, r.out());
    }

    @Test
    void routeShowsTopologyNamesAndEventsLogCanBeGreppedForThem(@TempDir Path dir) throws Exception {
        CliTest.Result route = CliTest.run("show", "--allow-outside", FAILOVER, "route", "--node", "hq", "--at", "50s", "--variant", "ospf");
        assertTrue(route.out().contains(", tunnel0"), route.out());
        assertFalse(route.out().contains("Tunnel0"), route.out());
        assertEquals(0, CliTest.run("run", "--allow-outside", FAILOVER, "--variant", "static-keepalive", "--out", dir.toString(), "--quiet").code());
        String log = Files.readString(dir.resolve("events.log"));
        assertTrue(log.contains("hq %LINEPROTO-5-UPDOWN: Line protocol on Interface tunnel0, changed state to down"), log);
        assertFalse(log.contains("Tunnel0"), "one name per interface: grep tunnel0 finds every line");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "route extra;          show route takes no argument",
        "interface;            needs the interface's name",
        "bogus;                unknown show target 'bogus'",
    })
    void badTargetsAreRefusedBeforeSimulating(String args, String message) {
        List<String> a = new java.util.ArrayList<>(List.of("show", FAILOVER));
        a.addAll(List.of(args.trim().split(" ")));
        a.addAll(List.of("--node", "hq", "--at", "10s", "--allow-outside"));
        CliTest.Result r = CliTest.run(a.toArray(String[]::new));
        assertEquals(2, r.code());
        assertTrue(r.err().contains(message.trim()), r.err());
    }
}
