package io.tunnelsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code compare} and {@code sweep} refuse a scenario's {@code live:} section instead of ignoring it. */
class LiveOnlyInRunTest {
    @ParameterizedTest
    @ValueSource(strings = {"compare", "sweep"})
    void liveSectionIsRefusedAtItsKey(String command, @TempDir Path dir) throws Exception {
        Files.copy(CliTest.ROOT.resolve("topologies/three-routers.yaml"), dir.resolve("t.yaml"));
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, "name: s\ntopology: t.yaml\nduration: 5s\n"
                + "probes:\n  - {from: pc-a, to: pc-b, interval: 1s}\n"
                + "  # live peering\n  \nlive:\n  segments: {r2-r3: tsim-tap0}\n");
        CliTest.Result r = CliTest.run(command, f.toString(), "--out", dir.resolve("out").toString(), "--quiet");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(f + ":8:1: error: 'live' is for real-time runs"), r.err());
        assertTrue(r.err().contains("run --live"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertFalse(Files.exists(dir.resolve("out")), "refused before anything is written");
    }
}
