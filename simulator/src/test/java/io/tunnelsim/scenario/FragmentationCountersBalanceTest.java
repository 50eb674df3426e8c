package io.tunnelsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.node.Counters;
import io.tunnelsim.scenario.spec.ScenarioSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fragmentation paths under IPsec keep every node's counters balanced
 * (docs/model.md, "Counters"): a crypto map cutting the cleartext before encryption, tunnel
 * protection cutting the GRE packet before encryption (reassembled by the far end's IPsec, a
 * local protocol) or the node cutting the ESP packet after it.
 */
class FragmentationCountersBalanceTest {

    static void assertBalanced(RunResult r) {
        assertEquals(List.of(), ExampleCountersBalanceTest.unbalanced(r.built().network().nodes()));
    }

    @Test
    void cryptoMapCutsTheCleartextBeforeEncryption(@TempDir Path dir) throws Exception {
        ScenarioSpec s = DfFragmentationTest.cryptoMap(dir, "copy", "before-encryption",
                "{name: big, from: hq-pc, to: br-pc, interval: 100ms, size: 1450}");
        RunResult r = ScenarioRunner.run(s, s.variants().get(0), RunOptions.DEFAULT);
        long sent = TwoSiteFixture.sent(r, "big");
        Counters hq = TwoSiteFixture.node(r, "hq").counters();
        // 1450 octets where 1438 fit: two fragments, each sealed in its own ESP packet
        assertEquals(sent, hq.fragmented);
        assertEquals(2 * sent, hq.fragments);
        assertEquals(sent - TwoSiteFixture.lost(r, "big"), TwoSiteFixture.node(r, "br-pc").counters().reassembled);
        assertBalanced(r);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"'mode: tunnel, fragmentation: before-encryption', false",
        "'mode: tunnel, fragmentation: after-encryption', true"})
    void protectedTunnelCutsBeforeOrAfterEncryption(String profile, boolean brReassembles, @TempDir Path dir)
            throws Exception {
        ScenarioSpec s = TwoSiteFixture.load(dir, TwoSiteFixture.topology(
                "tunnel: {source: eth0, destination: 198.51.100.2}, mtu: 1470, protection: site",
                "tunnel: {source: eth0, destination: 203.0.113.2}, mtu: 1470, protection: site",
                "  site: {esp: aes-gcm-128, " + profile + "}\n"),
                "duration: 10s\nprobes:\n  - {name: big, from: hq-pc, to: br-pc, interval: 100ms, size: 1470}\n");
        RunResult r = ScenarioRunner.run(s, s.variants().get(0), RunOptions.DEFAULT);
        Counters hq = TwoSiteFixture.node(r, "hq").counters();
        Counters br = TwoSiteFixture.node(r, "br").counters();
        assertTrue(hq.fragmented > 0, hq.balanceLine());
        assertEquals(2 * hq.fragmented, hq.fragments);
        // before encryption br's IPsec reassembles the GRE packet (part of delivered ESP packets);
        // after it, br's IP layer reassembles the ESP packet
        assertEquals(brReassembles, br.reassembled > 0, br.balanceLine());
        assertEquals(0, br.localDrops(), br.localDropsByReason().toString());
        assertBalanced(r);
    }
}
