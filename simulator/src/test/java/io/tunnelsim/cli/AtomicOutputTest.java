package io.tunnelsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Result folders are replaced as a whole: reruns leave no stale files, and a run killed with
 * {@code kill -9} (a child JVM running the command line) leaves the previous complete results,
 * never a mix of old and new files.
 */
class AtomicOutputTest {

    /** Writes a copy of the quickstart topology and two scenarios on it: a short one and a long one. */
    private static void scenarios(Path dir, String variants) throws IOException {
        Files.copy(CliTest.ROOT.resolve("topologies/three-routers.yaml"), dir.resolve("three-routers.yaml"));
        String body = "topology: three-routers.yaml\nseed: 1\n"
                + "probes:\n  - {name: a-to-b, from: pc-a, to: pc-b, type: icmp, interval: 100ms, size: 100}\n"
                + "timeline:\n  - {at: 3s, action: link-down, link: r2-r3}\n  - {at: 4s, action: link-up, link: r2-r3}\n"
                + variants;
        Files.writeString(dir.resolve("short.yaml"), "name: s\nduration: 5s\n" + body);
        Files.writeString(dir.resolve("long.yaml"), "name: s\nduration: 24h\n" + body);
    }

    private static final String TWO_VARIANTS = "variants:\n  - {name: dyn}\n  - {name: stat}\n";

    /** Every file below {@code dir} (relative path → bytes), folders included as empty entries. */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                String rel = dir.relativize(p).toString();
                m.put(rel, Files.isDirectory(p) ? "/" : java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
        return m;
    }

    private static List<String> siblings(Path target) throws IOException {
        try (Stream<Path> s = Files.list(target.getParent())) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("." + target.getFileName() + "."))
                    .sorted().toList();
        }
    }

    private static List<String> args(String command, Path scenario, Path out) {
        List<String> a = new ArrayList<>(List.of(command, scenario.toString(), "--out", out.toString(), "--quiet"));
        switch (command) {
            case "run" -> a.add("--capture");
            case "sweep" -> a.addAll(List.of("--trials", "2", "--jobs", "1"));
            case "compare" -> a.addAll(List.of("--jobs", "1"));
            default -> throw new IllegalArgumentException(command);
        }
        return a;
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "compare", "sweep"})
    void killNineMidRunLeavesThePreviousCompleteResults(String command, @TempDir Path dir) throws Exception {
        scenarios(dir, TWO_VARIANTS);
        Path out = dir.resolve("results");
        CliTest.Result first = CliTest.run(args(command, dir.resolve("short.yaml"), out).toArray(String[]::new));
        assertEquals(0, first.code(), first.err());
        Map<String, String> before = snapshot(out);
        assertTrue(before.containsKey("summary.json"), before.toString());

        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-Djava.awt.headless=true", "-cp", cp,
                "io.tunnelsim.cli.Main"));
        cmd.addAll(args(command, dir.resolve("long.yaml"), out));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            // wait until the child is writing: its partial folder exists (with pcaps for run --capture)
            Path partial = out.resolveSibling(".results.partial-" + child.pid());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!(Files.isDirectory(partial) && (!command.equals("run") || Files.exists(partial.resolve("pcap/r2-r3.pcap"))))) {
                assertTrue(child.isAlive(), () -> "child ended early: " + read(dir.resolve("child.log")));
                assertTrue(System.nanoTime() < deadline, "child never started writing");
                Thread.sleep(20);
            }
            Thread.sleep(500);
            assertTrue(child.isAlive(), () -> "the long run must still be running: " + read(dir.resolve("child.log")));
        } finally {
            child.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no clean-up
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertEquals(137, child.exitValue(), "killed by SIGKILL");
        assertEquals(before, snapshot(out), "the previous complete results, untouched");

        // the next run replaces the whole set and removes the killed run's partial folder
        CliTest.Result again = CliTest.run(args(command, dir.resolve("short.yaml"), out).toArray(String[]::new));
        assertEquals(0, again.code(), again.err());
        assertEquals(before, snapshot(out), "same inputs, same results");
        assertEquals(List.of(), siblings(out));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Test
    void rerunsLeaveNoStaleVariantFoldersPcapsOrFailures(@TempDir Path dir) throws Exception {
        scenarios(dir, TWO_VARIANTS);
        Path cmp = dir.resolve("cmp");
        assertEquals(0, CliTest.run("compare", dir.resolve("short.yaml").toString(), "--out", cmp.toString(), "--quiet").code());
        assertTrue(Files.isDirectory(cmp.resolve("stat")));
        Files.writeString(cmp.resolve("stat/notes.txt"), "a file of an earlier run");
        Files.writeString(cmp.resolve(".gitignore"), "*/\n");
        Files.writeString(dir.resolve("short.yaml"), Files.readString(dir.resolve("short.yaml"))
                .replace("  - {name: stat}\n", ""));
        CliTest.Result r = CliTest.run("compare", dir.resolve("short.yaml").toString(), "--out", cmp.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isDirectory(cmp.resolve("dyn")));
        assertFalse(Files.exists(cmp.resolve("stat")), "variant folder of the earlier comparison removed");
        assertEquals("*/\n", Files.readString(cmp.resolve(".gitignore")), "hidden files (not results) kept");
        assertEquals(List.of(), siblings(cmp));

        Path run = dir.resolve("run");
        assertEquals(0, CliTest.run("run", dir.resolve("short.yaml").toString(), "--out", run.toString(), "--quiet",
                "--capture").code());
        assertTrue(Files.exists(run.resolve("pcap/r2-r3.pcap")));
        assertEquals(0, CliTest.run("run", dir.resolve("short.yaml").toString(), "--out", run.toString(), "--quiet").code());
        assertFalse(Files.exists(run.resolve("pcap")), "pcaps of the earlier run removed");
        assertTrue(Files.exists(run.resolve("summary.json")));
    }

    @Test
    void aFolderThatHoldsOtherFilesIsRefusedBeforeSimulating(@TempDir Path dir) throws Exception {
        scenarios(dir, "");
        Path mine = dir.resolve("mine");
        Files.createDirectories(mine);
        Files.writeString(mine.resolve("thesis.tex"), "precious");
        CliTest.Result r = CliTest.run("run", dir.resolve("long.yaml").toString(), "--out", mine.toString(), "--quiet");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("holds files that are not results"), r.err());
        assertEquals("precious", Files.readString(mine.resolve("thesis.tex")));
        Path file = dir.resolve("plain");
        Files.writeString(file, "x");
        r = CliTest.run("run", dir.resolve("long.yaml").toString(), "--out", file.toString(), "--quiet");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("is not a folder"), r.err());
    }

    @Test
    void anUnwritableParentIsRefusedBeforeSimulating(@TempDir Path dir) throws Exception {
        scenarios(dir, "");
        Path locked = dir.resolve("locked");
        Files.createDirectories(locked);
        assertTrue(locked.toFile().setWritable(false, false));
        try {
            if (Files.isWritable(locked)) {
                return; // running as root: permissions are not enforced
            }
            long t0 = System.nanoTime();
            CliTest.Result r = CliTest.run("run", dir.resolve("long.yaml").toString(), "--out", locked.resolve("x").toString(),
                    "--quiet");
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().contains("permission denied"), r.err());
            assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(30), "refused before the year-long run");
        } finally {
            locked.toFile().setWritable(true, false);
        }
    }

    @Test
    void resultsSetAsideByAKilledRunArePutBack(@TempDir Path dir) throws Exception {
        scenarios(dir, "");
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path out = dir.resolve("res");
        Path aside = dir.resolve(".res.old-" + gone.pid());
        Files.createDirectories(aside);
        Files.writeString(aside.resolve("summary.json"), "{}");
        Path partial = dir.resolve(".res.partial-" + gone.pid());
        Files.createDirectories(partial.resolve("pcap"));
        // the killed run got as far as renaming the old results aside; the next run puts them back before it starts
        OutputFolder.prepare(out).close();
        assertEquals("{}", Files.readString(out.resolve("summary.json")));
        assertEquals(List.of(), siblings(out));
    }
}
