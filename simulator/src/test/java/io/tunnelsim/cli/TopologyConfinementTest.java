package io.tunnelsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code topology:} files must lie below the scenario's folder or the working directory unless
 * {@code --allow-outside} is given; files outside are not read, and the content of a file that
 * is not YAML settings is never echoed.
 */
class TopologyConfinementTest {
    private static Path scenario(Path dir, String topology) throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, "name: s\ntopology: " + topology + "\nduration: 5s\n");
        return f;
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/passwd", "/proc/self/environ", "../outside.yaml", "link/three-routers.yaml"})
    void filesOutsideAreRefusedUnread(String topology, @TempDir Path dir) throws Exception {
        Path inner = Files.createDirectories(dir.resolve("project"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.copy(CliTest.ROOT.resolve("topologies/three-routers.yaml"), elsewhere.resolve("three-routers.yaml"));
        Files.copy(CliTest.ROOT.resolve("topologies/three-routers.yaml"), dir.resolve("outside.yaml"));
        Files.createSymbolicLink(inner.resolve("link"), elsewhere); // a link inside pointing out of the tree
        Path f = scenario(inner, topology);
        for (String command : new String[] {"validate", "run", "show"}) {
            CliTest.Result r = command.equals("show")
                    ? CliTest.run("show", f.toString(), "route", "--at", "1s", "--node", "r1")
                    : CliTest.run(command, f.toString(), "--quiet".substring(command.equals("run") ? 0 : 7));
            assertEquals(2, r.code(), command + ": " + r.err());
            assertTrue(r.err().contains(f + ":2:11: error: topology file '" + topology + "' is outside the scenario's folder"),
                    r.err());
            assertTrue(r.err().contains("--allow-outside"), r.err());
            assertFalse(r.err().contains("root:") || r.err().contains("PATH="), "file content echoed: " + r.err());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"t.yaml", "sub/t.yaml", "./sub/../t.yaml"})
    void filesBelowTheScenarioAreRead(String topology, @TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("sub"));
        Files.copy(CliTest.ROOT.resolve("topologies/three-routers.yaml"), dir.resolve("t.yaml"));
        Files.copy(CliTest.ROOT.resolve("topologies/three-routers.yaml"), dir.resolve("sub/t.yaml"));
        CliTest.Result r = CliTest.run("validate", scenario(dir, topology).toString());
        assertEquals(0, r.code(), r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/passwd", "/proc/self/environ"})
    void allowOutsideReadsButNeverEchoesNonYaml(String topology, @TempDir Path dir) throws Exception {
        Path f = scenario(dir, topology);
        CliTest.Result r = CliTest.run("validate", "--allow-outside", f.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(topology + ":1:"), r.err());
        assertFalse(r.err().contains("root:") || r.err().contains("PATH=") || r.err().contains("HOME="),
                "file content echoed: " + r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"compare", "sweep"})
    void allowOutsideReachesEveryScenarioCommand(String command, @TempDir Path dir) throws Exception {
        Path f = scenario(dir, CliTest.ROOT.resolve("topologies/three-routers.yaml").toString());
        CliTest.Result refused = CliTest.run(command, f.toString(), "--quiet", "--out", dir.resolve("o").toString());
        assertEquals(2, refused.code(), refused.err());
        CliTest.Result ok = CliTest.run(command, "--allow-outside", f.toString(), "--quiet", "--out",
                dir.resolve("o").toString());
        assertEquals(0, ok.code(), ok.err());
    }
}
