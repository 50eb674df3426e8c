package io.tunnelsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** Error messages say what is wrong: no suggestion that cannot work, and a reason for every output error. */
class MessagesCliTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "12345|is not an IPv4 address with a prefix length|12345/24",
        "10.0.0.1|has no prefix length (write e.g. 10.0.0.1/24)|10.0.0.1/24 or",
        "10.0.0.300|is not an IPv4 address with a prefix length|10.0.0.300/24"})
    void addressMessagesSuggestOnlyWhatWouldWork(String address, String expected, String never, @TempDir Path dir)
            throws Exception {
        String topo = Files.readString(CliTest.ROOT.resolve("topologies/three-routers.yaml"))
                .replaceFirst("address: 10\\.1\\.0\\.1/24", "address: " + address);
        Path f = dir.resolve("t.yaml");
        Files.writeString(f, topo);
        CliTest.Result r = CliTest.run("validate", f.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertFalse(r.err().contains(never), r.err());
    }

    @Test
    void wordsThatAreNoUnitAreNamed(@TempDir Path dir) throws Exception {
        Files.copy(CliTest.ROOT.resolve("topologies/three-routers.yaml"), dir.resolve("t.yaml"));
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, "name: s\ntopology: t.yaml\nduration: 10 parsecs\n");
        CliTest.Result r = CliTest.run("validate", f.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(f + ":3:11: error:") && r.err().contains("unknown unit 'parsecs'"), r.err());
        assertFalse(r.err().contains("no unit"), r.err());
    }

    @Test
    void aLongNodeNameIsReportedAsTooLong(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("long.yaml");
        Files.writeString(f, "nodes:\n  " + "n".repeat(100_000) + ": {kind: host}\n");
        CliTest.Result r = CliTest.run("validate", f.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("long.yaml:2:1: error: line 2 is 100016 characters long"), r.err());
        assertFalse(r.err().contains("could not find expected"), r.err());
    }

    @Test
    void outputErrorsCarryTheFileAndTheReason() {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new Main());
        cl.setErr(new PrintWriter(err, true));
        int code = new Errors().handleExecutionException(new java.nio.file.AccessDeniedException("/r/pcap/a.pcap"), cl, null);
        assertEquals(Main.EXIT_FAILURE, code);
        assertEquals("tunnelsim: cannot write results: /r/pcap/a.pcap: permission denied", err.toString().trim());
        err.getBuffer().setLength(0);
        new Errors().handleExecutionException(new java.nio.file.FileSystemException("/r/x", null, "No space left on device"),
                cl, null);
        assertEquals("tunnelsim: cannot write results: /r/x: No space left on device", err.toString().trim());
    }
}
