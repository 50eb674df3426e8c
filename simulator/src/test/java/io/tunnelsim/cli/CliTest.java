package io.tunnelsim.cli;

import io.tunnelsim.testutil.Repo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end on the shipped examples: files written, exit codes, determinism. */
class CliTest {
    static final Path ROOT = findRoot();

    static Path findRoot() {
        return Repo.root();
    }

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void runWritesTheThreeFilesAndTwoRunsAreByteIdentical(@TempDir Path dir) throws Exception {
        String example = ROOT.resolve("examples/quickstart.yaml").toString();
        Result a = run("run", "--allow-outside", example, "--out", dir.resolve("a").toString(), "--capture", "--quiet");
        Result b = run("run", "--allow-outside", example, "--out", dir.resolve("b").toString(), "--capture", "--quiet");
        assertEquals(0, a.code(), a.err());
        assertEquals(0, b.code(), b.err());
        for (String f : List.of("summary.json", "events.log", "probes.csv", "convergence.csv", "pcap/r2-r3.pcap", "pcap/lan-a.pcap")) {
            assertTrue(Files.size(dir.resolve("a").resolve(f)) > 0, f);
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(f)), Files.readAllBytes(dir.resolve("b").resolve(f)), f);
        }
        String log = Files.readString(dir.resolve("a/events.log"));
        assertTrue(log.contains("r2 %LINEPROTO-5-UPDOWN: Line protocol on Interface eth1, changed state to down"), log);
        assertTrue(Files.readString(dir.resolve("a/summary.json")).contains("\"quickstart\""));
    }

    @Test
    void badYamlExitsWithTwoAndFileLineColumnWithoutStackTrace(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "name: x\nnodes:\n  r1:\n    kind: rooter\n");
        Result r = run("validate", "--allow-outside", bad.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("bad.yaml:4:"), r.err());
        assertTrue(r.err().contains("did you mean 'router'"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
        Result run = run("run", "--allow-outside", bad.toString(), "--quiet", "--out", dir.resolve("o").toString());
        assertEquals(2, run.code());
        assertFalse(run.err().contains("\tat "));
    }

    @Test
    void strictTurnsCrossEndWarningsIntoExit2() {
        String bad = ROOT.resolve("simulator/src/test/resources/yaml/cross-end/gre-key.yaml").toString();
        String clean = ROOT.resolve("simulator/src/test/resources/yaml/cross-end/clean.yaml").toString();
        Result lax = run("validate", "--allow-outside", bad);
        assertEquals(0, lax.code(), lax.err());
        assertTrue(lax.err().contains("warning: GRE key differs"), lax.err());
        Result strict = run("validate", "--allow-outside", "--strict", bad);
        assertEquals(2, strict.code(), strict.err());
        assertTrue(strict.err().contains("--strict: not ok"), strict.err());
        assertEquals(0, run("validate", "--allow-outside", "--strict", clean).code());
    }

    @Test
    void runPrintsHonestOutcomes(@TempDir Path dir) {
        Result r = run("run", "--allow-outside", ROOT.resolve("examples/quickstart.yaml").toString(), "--quiet", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("not recovered before the next action (link-up r2-r3 at 20.00 s): cut off for at least 10.00 s"),
                r.out());
        Result until = run("run", "--allow-outside", ROOT.resolve("examples/quickstart.yaml").toString(), "--quiet", "--until", "15s",
                "--out", dir.resolve("u").toString());
        assertTrue(until.out().contains("not run: the run ended before this action"), until.out());
        assertTrue(until.out().contains("not recovered by the end of the run (t = 15.00 s)"), until.out());
    }

    @Test
    void validateAcceptsShippedFiles() {
        Result r = run("validate", "--allow-outside", ROOT.resolve("examples/quickstart.yaml").toString(), ROOT.resolve("topologies/three-routers.yaml").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("ok: scenario quickstart"));
        assertTrue(r.out().contains("ok: topology three-routers"));
    }

    @Test
    void unknownVariantNodeAndOptionsAreBadInput(@TempDir Path dir) {
        String example = ROOT.resolve("examples/quickstart.yaml").toString();
        assertEquals(2, run("run", "--allow-outside", example, "--variant", "nope", "--quiet").code());
        assertEquals(2, run("show", "--allow-outside", example, "route", "--at", "5s", "--node", "nope").code());
        assertEquals(2, run("show", "--allow-outside", example, "route", "--at", "5", "--node", "r1").code());
        assertEquals(2, run("run", "--allow-outside", example, "--bogus").code());
    }

    @Test
    void showPrintsRouterStyleTables() {
        String example = ROOT.resolve("examples/quickstart.yaml").toString();
        Result r = run("show", "--allow-outside", example, "route", "--at", "5s", "--node", "r1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("S  10.2.0.0/24"), r.out());
        assertTrue(r.out().contains("C  192.0.2.0/30"), r.out());
        Result down = run("show", "--allow-outside", example, "route", "--at", "15s", "--node", "r2");
        assertFalse(down.out().contains("10.2.0.0/24"), "route withdrawn while the link is down:\n" + down.out());
        Result itf = run("show", "--allow-outside", example, "interfaces", "--at", "15s", "--node", "r2");
        assertTrue(itf.out().contains("eth1 is up, line protocol is down"), itf.out());
    }

    @Test
    void generateWritesATopologyThatValidates(@TempDir Path dir) {
        Path f = dir.resolve("hs.yaml");
        assertEquals(0, run("generate", "hub-and-spoke", "--spokes", "20", "--hubs", "2", "--routing", "static", "-o", f.toString()).code());
        Result v = run("validate", "--allow-outside", f.toString());
        assertEquals(0, v.code(), v.err());
        assertTrue(v.out().contains("45 nodes"), v.out());
        Path m = dir.resolve("mesh.yaml");
        assertEquals(0, run("generate", "full-mesh", "--sites", "5", "-o", m.toString()).code());
        assertEquals(0, run("validate", "--allow-outside", m.toString()).code());
    }
}
