package io.tunnelsim.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.live.LiveDriver;
import io.tunnelsim.live.LiveStats;
import io.tunnelsim.node.Network;
import io.tunnelsim.routing.ospf.OspfProcess;
import io.tunnelsim.scenario.BuiltNetwork;
import io.tunnelsim.scenario.NetworkBuilder;
import io.tunnelsim.live.LiveSpec;
import io.tunnelsim.scenario.spec.ScenarioLoader;
import io.tunnelsim.scenario.spec.ScenarioSpec;
import io.tunnelsim.sim.SimTime;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Keyed-MD5 OSPF authentication (RFC 2328 §D.4.3) against a real FRR ospfd on a point-to-point
 * link: with the same key ID and secret both sides reach Full and agree on the LSDB (each
 * accepts the other's digests); tshark reads the simulated router's packets as AuType 2, key
 * ID 1, digest length 16, non-decreasing sequence numbers; then FRR changes its secret and
 * each side drops the other's packets (tunnelsim counts {@code ospf-auth-bad-digest}, FRR logs
 * its digest mismatch) until the adjacency dies with the dead interval.
 *
 * <p>Bounds: Full within two dead intervals (8 s), LSDB equality within 8 s after (the
 * retransmission bound of {@link LiveOspfP2pTest}), the adjacency down within one dead
 * interval (4 s) plus one hello (1 s) after the change.
 */
class LiveOspfAuthTest {
    static final String FRR_OSPFD = String.join("\n",
            "hostname frr3",
            "interface eth0",
            " ip ospf network point-to-point",
            " ip ospf hello-interval 1",
            " ip ospf dead-interval 4",
            " ip ospf retransmit-interval 2",
            " ip ospf authentication message-digest",
            " ip ospf message-digest-key 1 md5 s3cret",
            "router ospf",
            " ospf router-id 10.9.0.2",
            " network 10.9.0.0/30 area 0",
            " network 192.0.2.1/32 area 0",
            "");

    @Test
    void keyedMd5AdjacencyWithFrrAndMismatchIsACountedDrop() throws Exception {
        FrrLab.assumeAvailable();
        try (FrrLab lab = new FrrLab("ta")) {
            lab.bridge("taB");
            lab.tap("taT", "taB");
            lab.namespace("taF1");
            lab.veth("taF1", "eth0", "10.9.0.2/30", "taB", "taV1");
            lab.inNs("taF1", "ip addr add 192.0.2.1/32 dev lo");
            Path pcap = lab.dir().resolve("md5.pcap");
            Path pid = lab.dir().resolve("tshark.pid");
            lab.sh("timeout -s INT 60 tshark -q -i taB -F pcap -w " + pcap + " -f 'ip proto 89' </dev/null >/dev/null 2>&1 & echo $! >" + pid
                    + "; sleep 1");
            Path frr = lab.frr("taF1", Map.of("ospfd", FRR_OSPFD));

            ScenarioSpec s = ScenarioLoader.load(Path.of("src/test/resources/interop/ospf-md5.yaml"));
            BuiltNetwork built = NetworkBuilder.build(s.topology(), s.variants().get(0), s.seed());
            Network net = built.network();
            OspfProcess r1 = net.node("r1").service(OspfProcess.class);
            try (LiveDriver d = LiveDriver.attach(net, built.segmentsByLink(), new LiveSpec(Map.of("wan", lab.real("taT")), LiveSpec.DEFAULT_LAG_WARNING))) {
                net.start();
                Frr.FullAt full = Frr.driveUntilFull(d, 0, 8 * SimTime.SECOND, r1, lab, frr, "10.255.0.1");
                long t = full.now();
                long fullSim = full.sim();
                long fullFrr = full.frr();
                Map<String, String> nb = full.frrNeighbors();
                assertTrue(fullSim > 0, "r1 not Full by 8 s: " + r1.showNeighbors() + net.node("r1").counters().dropsByReason());
                assertTrue(fullFrr > 0, "FRR not Full by 8 s: " + nb + "\n" + lab.log(frr, "ospfd"));
                TreeSet<String> sim = null;
                TreeSet<String> real = null;
                for (long end = t + 12 * SimTime.SECOND; t < end; ) {
                    t += 250 * SimTime.MILLISECOND;
                    d.drive(t, null);
                    sim = Frr.database(r1);
                    real = Frr.database(lab.vtysh(frr, "show ip ospf database"));
                    if (sim.equals(real)) {
                        break;
                    }
                }
                assertEquals(real, sim, "r1's LSDB against FRR's");
                assertEquals(0, net.node("r1").counters().drops("ospf-auth-bad-digest"), "no digest failures with one key");

                // FRR's secret changes: every packet either way now fails its digest check
                lab.vtysh(frr, "configure terminal", "interface eth0", "no ip ospf message-digest-key 1",
                        "ip ospf message-digest-key 1 md5 other");
                long changed = t;
                while (t < changed + 5 * SimTime.SECOND && LiveOspfLanTest.allFull(r1, 1)) {
                    t += 250 * SimTime.MILLISECOND;
                    d.drive(t, null);
                }
                assertTrue(!LiveOspfLanTest.allFull(r1, 1), "adjacency still up 5 s after the key change: " + r1.showNeighbors());
                long bad = net.node("r1").counters().drops("ospf-auth-bad-digest");
                assertTrue(bad >= 3, "FRR's hellos (1 s) dropped for their digest: " + net.node("r1").counters().dropsByReason());
                assertTrue(lab.log(frr, "ospfd").toLowerCase().contains("md5"), "FRR logs the digest mismatch:\n" + lab.log(frr, "ospfd"));
                LiveStats st = d.stats();
                System.out.printf("live OSPF md5: Full at %s / %s (FRR), down %s after the key change, %d bad digests, max lag %s%n",
                        SimTime.formatShort(fullSim), SimTime.formatShort(fullFrr), SimTime.formatShort(t - changed), bad,
                        SimTime.formatShort(st.maxLagNs()));
            }
            lab.sh("kill -INT $(cat " + pid + ") || true; for i in $(seq 30); do kill -0 $(cat " + pid + ") 2>/dev/null || break; sleep 0.1; done");
            // tshark's reading of the simulated router's packets
            String fields = lab.sh("tshark -r " + pcap + " -Y 'ip.src==10.9.0.1 && ospf' -T fields -e ospf.auth.type"
                    + " -e ospf.auth.crypt.key_id -e ospf.auth.crypt.data_length -e ospf.auth.crypt.seq_nbr");
            String[] lines = fields.strip().split("\n");
            assertTrue(lines.length >= 5, "r1's packets in the capture: " + fields);
            long prev = -1;
            for (String l : lines) {
                String[] f = l.split("\t");
                assertEquals("2", f[0], l);
                assertEquals("1", f[1], l);
                assertEquals("16", f[2], l);
                long seq = Long.parseLong(f[3]);
                assertTrue(seq >= prev, "non-decreasing sequence: " + fields);
                prev = seq;
            }
        }
    }
}
