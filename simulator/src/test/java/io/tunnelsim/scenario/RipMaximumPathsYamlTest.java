package io.tunnelsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.node.FibEntry;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.topology.TopologyLoader;
import io.tunnelsim.topology.TopologySpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code rip: {maximum-paths: N}} from YAML reaches the FIB: the equal-cost diamond (no c-d offset). */
class RipMaximumPathsYamlTest {

    @ParameterizedTest
    @CsvSource({"'', 2", "'maximum-paths: 1, ', 1", "'maximum-paths: 32, ', 2"})
    void maximumPathsFromYamlSetsTheFibPaths(String key, int paths) throws Exception {
        String yaml = Files.readString(AcceptedInputRunsTest.ROOT.resolve("topologies/rip-diamond.yaml"))
                .replace("{offset: 9}", "{}").replace("rip: {interfaces: {eth0: {passive: true}", "rip: {" + key
                        + "interfaces: {eth0: {passive: true}");
        TopologySpec t = TopologyLoader.parse(yaml, "diamond.yaml");
        BuiltNetwork b = NetworkBuilder.build(t, 1);
        b.network().runUntil(SimTime.seconds(90));
        FibEntry e = b.network().node("a").rib().fib().lookup(Ipv4Address.parse("10.0.5.2").bits());
        assertEquals(paths, e.pathCount(), "a's paths to dst's LAN: " + e);
    }
}
