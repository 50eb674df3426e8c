package io.tunnelsim.capture;

import io.tunnelsim.testutil.Repo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.cli.Main;
import io.tunnelsim.testutil.Tshark;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every capture file of every shipped example, read back: records are in non-decreasing time
 * order, also on links where several senders queue frames (OSPF hellos and updates over the hub's
 * tunnels), and tshark reads the same number of frames with no negative time delta.
 */
class CaptureOrderTest {
    static final Path ROOT = findRoot();

    static Path findRoot() {
        return Repo.root();
    }

    private static void runCli(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private static List<Path> pcaps(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir.resolve("pcap"))) {
            return s.filter(p -> p.toString().endsWith(".pcap")).sorted().toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"quickstart", "gre-basic", "ospf-over-gre", "rip-over-gre", "failover-static-vs-dynamic",
            "ipsec-multicast"})
    void recordsAreInTimeOrder(String example, @TempDir Path dir) throws Exception {
        runCli("run", "--allow-outside", ROOT.resolve("examples/" + example + ".yaml").toString(), "--capture", "--quiet", "--out",
                dir.resolve("out").toString());
        List<Path> files = pcaps(dir.resolve("out"));
        assertTrue(files.size() >= 2, files.toString());
        long frames = 0;
        for (Path f : files) {
            List<PcapReader.Record> records = PcapReader.readAll(f);
            for (int i = 1; i < records.size(); i++) {
                long back = records.get(i - 1).timeNs() - records.get(i).timeNs();
                int at = i;
                assertTrue(back <= 0, () -> f.getFileName() + ": record " + (at + 1) + " is " + back + " ns before the one"
                        + " before it");
            }
            frames += records.size();
        }
        assertTrue(frames > 0);
    }

    @Test
    void tsharkSeesTheSameFramesInOrder(@TempDir Path dir) throws Exception {
        Tshark.assumeInstalled();
        runCli("run", "--allow-outside", ROOT.resolve("examples/ospf-over-gre.yaml").toString(), "--capture", "--quiet", "--out",
                dir.resolve("out").toString());
        for (Path f : pcaps(dir.resolve("out"))) {
            int records = PcapReader.readAll(f).size();
            List<String[]> rows = Tshark.fields(f, List.of(), "frame.number", "frame.time_delta", "_ws.malformed");
            assertEquals(records, rows.size(), f.toString());
            for (String[] r : rows) {
                assertTrue(!r[1].startsWith("-"), f + ": frame " + r[0] + " delta " + r[1]);
                assertTrue(r.length < 3 || r[2].isEmpty(), f + ": frame " + r[0] + " malformed");
            }
        }
    }
}
