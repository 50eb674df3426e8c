package io.tunnelsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every malformed topology and scenario file, through the command line: exit 2, an error with
 * file:line:column, no stack trace, and quickly (the time bound is a hang guard, kept generous
 * for a shared machine).
 */
class MalformedInputCliTest {
    private static final Path BAD = Path.of("src/test/resources/yaml/bad");
    private static final Path BAD_SCENARIOS = Path.of("src/test/resources/yaml/bad-scenarios");
    private static final Duration HANG_GUARD = Duration.ofSeconds(10);

    static Stream<Path> files() throws IOException {
        try (Stream<Path> a = Files.list(BAD); Stream<Path> b = Files.list(BAD_SCENARIOS)) {
            return Stream.concat(a.sorted().toList().stream(), b.sorted().toList().stream()).toList().stream();
        }
    }

    static void assertBadInput(Path file, CliTest.Result r) {
        assertEquals(2, r.code(), file + "\n" + r.err());
        Pattern positioned = Pattern.compile("(?m)^" + Pattern.quote(file.toString()) + ":\\d+:\\d+: error: ");
        assertTrue(positioned.matcher(r.err()).find(), file + " gives no file:line:column error:\n" + r.err());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), "stack trace for " + file + ":\n" + r.err());
        assertFalse(r.err().chars().anyMatch(c -> c == 0x1b || c == 0x07), "raw control characters printed");
    }

    @ParameterizedTest
    @MethodSource("files")
    void validateRefusesWithPosition(Path file) {
        CliTest.Result r = assertTimeoutPreemptively(HANG_GUARD, () -> CliTest.run("validate", "--allow-outside", file.toString()));
        assertBadInput(file, r);
    }

    static Stream<Path> scenarios() throws IOException {
        try (Stream<Path> b = Files.list(BAD_SCENARIOS)) {
            return b.sorted().toList().stream();
        }
    }

    /** Whatever validate refuses, run refuses the same way before simulating (nothing is written). */
    @ParameterizedTest
    @MethodSource("scenarios")
    void runRefusesBeforeSimulating(Path file, @TempDir Path dir) {
        Path out = dir.resolve("out");
        CliTest.Result r = assertTimeoutPreemptively(HANG_GUARD,
                () -> CliTest.run("run", file.toString(), "--allow-outside", "--quiet", "--out", out.toString()));
        assertBadInput(file, r);
        assertFalse(Files.exists(out), "nothing written for refused input");
    }

    @Test
    void sizeLimitCountsCommentsAndLongLinesAreRefusedFast(@TempDir Path dir) throws IOException {
        Path comments = dir.resolve("comments.yaml");
        byte[] line = "# a comment line that pads the file\n".getBytes(StandardCharsets.UTF_8);
        try (var out = Files.newOutputStream(comments)) {
            out.write("nodes: {}\n".getBytes(StandardCharsets.UTF_8));
            for (long n = 0; n < 33L * 1024 * 1024 / line.length; n++) {
                out.write(line);
            }
        }
        Path scalar = dir.resolve("scalar.yaml");
        Files.writeString(scalar, "name: " + "x".repeat(8 * 1024 * 1024) + "\nnodes: {}\n");
        Path longKey = dir.resolve("long-name.yaml");
        Files.writeString(longKey, "nodes:\n  " + "n".repeat(100_000) + ": {kind: host}\n");
        for (Path f : new Path[] {comments, scalar, longKey}) {
            CliTest.Result r = assertTimeoutPreemptively(HANG_GUARD, () -> CliTest.run("validate", f.toString()));
            assertBadInput(f, r);
        }
        assertTrue(CliTest.run("validate", comments.toString()).err().contains("32 MiB"));
        assertTrue(CliTest.run("validate", scalar.toString()).err().contains("line 1 is"));
    }

    @Test
    void devicesAndFifosAreRefusedNotRead(@TempDir Path dir) throws Exception {
        CliTest.Result zero = assertTimeoutPreemptively(HANG_GUARD, () -> CliTest.run("validate", "/dev/zero"));
        assertEquals(2, zero.code(), zero.err());
        assertTrue(zero.err().contains("not a regular file"), zero.err());
        Path fifo = dir.resolve("fifo.yaml");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, p.waitFor());
        CliTest.Result r = assertTimeoutPreemptively(HANG_GUARD, () -> CliTest.run("validate", fifo.toString()));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("not a regular file"), r.err());
    }

    @Test
    void runOnATopologySaysSo() {
        Path topo = CliTest.ROOT.resolve("topologies/three-routers.yaml");
        CliTest.Result r = CliTest.run("run", topo.toString(), "--quiet");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("is a topology") && r.err().contains("needs a scenario"), r.err());
    }

    @Test
    void flowStyleAndIndentedScenariosAreRecognised(@TempDir Path dir) throws IOException {
        String topo = CliTest.ROOT.resolve("topologies/three-routers.yaml").toString();
        Path flow = dir.resolve("flow.yaml");
        Files.writeString(flow, "{name: f, topology: \"" + topo + "\", duration: 5s}\n");
        Path quoted = dir.resolve("quoted.yaml");
        Files.writeString(quoted, "\"name\": q\n\"topology\": \"" + topo + "\"\n\"duration\": 5s\n");
        for (Path f : new Path[] {flow, quoted}) {
            CliTest.Result r = CliTest.run("validate", "--allow-outside", f.toString());
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("ok: scenario"), r.out());
        }
    }

    @Test
    void timesAfterTheEndOfTheRunAreRefused(@TempDir Path dir) {
        String quickstart = CliTest.ROOT.resolve("examples/quickstart.yaml").toString();
        CliTest.Result show = CliTest.run("show", "--allow-outside", quickstart, "route", "--at", "99s", "--node", "r1");
        assertEquals(2, show.code(), show.err());
        assertTrue(show.err().contains("after the end of the run (30s)"), show.err());
        CliTest.Result run = CliTest.run("run", "--allow-outside", quickstart, "--until", "99s", "--quiet", "--out", dir.resolve("o").toString());
        assertEquals(2, run.code(), run.err());
        assertFalse(Files.exists(dir.resolve("o")));
    }

    @Test
    void unknownCommandPointsAtTheToolsHelp() {
        CliTest.Result r = CliTest.run("frobnicate");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Try 'tunnelsim --help'"), r.err());
        assertFalse(r.err().contains("tunnelsim tunnelsim"), r.err());
    }

    @Test
    void durationMessagesAreSingleAndSpacedUnitsWork(@TempDir Path dir) throws IOException {
        Path f = BAD_SCENARIOS.resolve("duration-msec.yaml");
        CliTest.Result r = CliTest.run("validate", "--allow-outside", f.toString());
        assertFalse(r.err().contains("must be above 0"), r.err());
        assertEquals(1, r.err().lines().filter(l -> l.contains(": error: ")).count(), r.err());
        assertTrue(r.err().contains("unknown unit 'msec'"), r.err());
        String topo = CliTest.ROOT.resolve("topologies/three-routers.yaml").toString();
        for (String d : new String[] {"60 s", "3min", "1m 30s"}) {
            Path ok = dir.resolve("ok.yaml");
            Files.writeString(ok, "name: d\ntopology: \"" + topo + "\"\nduration: " + d + "\n");
            CliTest.Result v = CliTest.run("validate", "--allow-outside", ok.toString());
            assertEquals(0, v.code(), d + ": " + v.err());
        }
    }
}
