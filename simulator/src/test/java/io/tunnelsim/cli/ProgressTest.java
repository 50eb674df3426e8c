package io.tunnelsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void barEndsWithANewlineSoTheNextOutputStartsOnItsOwnLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (Progress p = new Progress(err, "sweep x", true, 0)) {
            p.accept(0.5);
            p.accept(1.0);
        }
        String s = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(s.startsWith("\rsweep x [###############               ]  50%"), s);
        assertTrue(s.endsWith("100%" + System.lineSeparator()), s);
    }

    @Test
    void aBarNeverShownPrintsNothing() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Progress p = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), "x", false, 0)) {
            p.accept(1.0);
        }
        assertEquals(0, bytes.size());
    }
}
