package io.tunnelsim.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.live.LiveDriver;
import io.tunnelsim.node.Network;
import io.tunnelsim.node.ProbeFlow;
import io.tunnelsim.routing.ospf.OspfProcess;
import io.tunnelsim.scenario.BuiltNetwork;
import io.tunnelsim.scenario.NetworkBuilder;
import io.tunnelsim.live.LiveSpec;
import io.tunnelsim.scenario.spec.ScenarioLoader;
import io.tunnelsim.scenario.spec.ScenarioSpec;
import io.tunnelsim.sim.SimTime;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Failover with a real peer: FRR is the DR of the LAN (it was up alone first, and a DR is not
 * preempted, RFC 2328 §9.4), the simulated r1 (priority 100) is BDR and r2 DROther. FRR's ospfd
 * is killed (SIGKILL: no goodbye). After the dead interval (4 s) r1 and r2 declare it down, r1
 * becomes DR, and traffic between the hosts behind r1 and r2, which never needed the DR to be
 * forwarded, must lose nothing (the BDR exists so that this failover is seamless).
 */
class LiveOspfFailoverTest {
    static final String FRR_OSPFD = String.join("\n",
            "hostname frr1",
            "interface eth0",
            " ip ospf hello-interval 1",
            " ip ospf dead-interval 4",
            " ip ospf priority 200",
            "router ospf",
            " ospf router-id 10.0.0.2",
            " network 10.0.0.0/24 area 0",
            "");

    @Test
    void survivorsKeepForwardingWhenTheRealDrDies() throws Exception {
        FrrLab.assumeAvailable();
        try (FrrLab lab = new FrrLab("tf")) {
            lab.bridge("tfB");
            lab.tap("tfT", "tfB");
            lab.namespace("tfF1");
            lab.veth("tfF1", "eth0", "10.0.0.2/24", "tfB", "tfV1");
            Path frr = lab.frr("tfF1", Map.of("ospfd", FRR_OSPFD));
            // FRR alone past its wait timer (4 s): it elects itself DR
            Thread.sleep(5000);

            ScenarioSpec s = ScenarioLoader.load(Path.of("src/test/resources/interop/ospf-lan.yaml"));
            BuiltNetwork built = NetworkBuilder.build(s.topology(), s.variants().get(0), s.seed());
            Network net = built.network();
            ProbeFlow ping = new ProbeFlow("pc1>pc2", 1, net.node("pc1"), Ipv4Address.parse("10.2.0.10"),
                    ProbeFlow.Type.ICMP, 100 * SimTime.MILLISECOND, 100, 0, 60 * SimTime.SECOND, 0);
            net.node("pc1").addService(ping);
            OspfProcess r1 = net.node("r1").service(OspfProcess.class);
            OspfProcess r2 = net.node("r2").service(OspfProcess.class);
            int frrAddress = Ipv4Address.parse("10.0.0.2").bits();
            try (LiveDriver d = LiveDriver.attach(net, built.segmentsByLink(), new LiveSpec(Map.of("lan", lab.real("tfT")), LiveSpec.DEFAULT_LAG_WARNING))) {
                net.start();
                long t = 0;
                while (t < 15 * SimTime.SECOND && !(LiveOspfLanTest.allFull(r1, 2) && LiveOspfLanTest.allFull(r2, 2)
                        && net.node("r1").fib().lookup(Ipv4Address.parse("10.2.0.10").bits()) != null
                        && net.node("r2").fib().lookup(Ipv4Address.parse("10.1.0.10").bits()) != null)) {
                    t += 250 * SimTime.MILLISECOND;
                    d.drive(t, null);
                }
                assertTrue(LiveOspfLanTest.allFull(r1, 2) && LiveOspfLanTest.allFull(r2, 2), r1.showNeighbors() + r2.showNeighbors());
                assertEquals(frrAddress, r1.interfaces().get(0).dr(), "FRR is DR");
                assertEquals(Ipv4Address.parse("10.0.0.1").bits(), r1.interfaces().get(0).bdr(), "r1 is BDR");
                // a second of steady forwarding, then the DR dies
                t += SimTime.SECOND;
                d.drive(t, null);
                long kill = t;
                lab.kill(frr, "ospfd");
                t += 10 * SimTime.SECOND;
                d.drive(t, null);
                assertEquals(Ipv4Address.parse("10.0.0.1").bits(), r1.interfaces().get(0).dr(), "r1 took over as DR");
                assertEquals(Ipv4Address.parse("10.0.0.1").bits(), r2.interfaces().get(0).dr(), "r2 agrees");
                assertTrue(LiveOspfLanTest.allFull(r1, 1) && LiveOspfLanTest.allFull(r2, 1), r1.showNeighbors() + r2.showNeighbors());
                int sent = 0;
                int lost = 0;
                for (int i = 0; i < ping.count(); i++) {
                    if (ping.sentAt(i) >= kill - SimTime.SECOND && ping.sentAt(i) < t - SimTime.SECOND) {
                        sent++;
                        if (ping.receivedAt(i) < 0) {
                            lost++;
                        }
                    }
                }
                System.out.printf("live OSPF failover: FRR DR killed at %s, %d probes pc1>pc2 around it, %d lost, max lag %s%n",
                        SimTime.formatShort(kill), sent, lost, SimTime.formatShort(d.stats().maxLagNs()));
                assertTrue(sent >= 90, "probes " + sent);
                assertEquals(0, lost, "probes lost between the survivors after the DR died");
            }
        }
    }
}
