package io.tunnelsim.topology;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad file and every seeded mutation of a valid file either loads or fails with a
 * {@link TopologyException} whose diagnostics have real positions; nothing else escapes.
 */
class CorpusTest {

    private static final Path BAD = Path.of("src/test/resources/yaml/bad");
    private static final Path FULL = Path.of("src/test/resources/yaml/two-site-full.yaml");

    static Stream<Path> badFiles() throws IOException {
        try (Stream<Path> s = Files.list(BAD)) {
            return s.sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("badFiles")
    void badFileGivesPositionedDiagnostics(Path file) {
        try {
            TopologyLoader.load(file);
            fail(file + " loaded");
        } catch (TopologyException e) {
            assertFalse(e.errors().isEmpty());
            checkDiagnostics(e.diagnostics(), file.toString());
        }
    }

    static IntStream seeds() {
        return IntStream.range(0, 400);
    }

    /** Byte-level mutations: flips, deletions, insertions of YAML-significant characters, truncation. */
    @ParameterizedTest
    @MethodSource("seeds")
    void mutatedBytes(int seed, @TempDir Path dir) throws IOException {
        byte[] original = Files.readAllBytes(FULL);
        Random r = new Random(seed);
        byte[] b = original.clone();
        int n = 1 + r.nextInt(6);
        String significant = ":-[]{},&*!|>'\"%@`#\t\n ?0123456789./x";
        for (int i = 0; i < n; i++) {
            int pos = r.nextInt(b.length);
            switch (r.nextInt(5)) {
                case 0 -> b[pos] = (byte) r.nextInt(256);
                case 1 -> b[pos] = (byte) significant.charAt(r.nextInt(significant.length()));
                case 2 -> b = concat(slice(b, 0, pos), slice(b, Math.min(b.length, pos + 1 + r.nextInt(20)), b.length));
                case 3 -> b = concat(slice(b, 0, pos), new byte[] {(byte) significant.charAt(r.nextInt(significant.length()))},
                        slice(b, pos, b.length));
                default -> b = slice(b, 0, pos);
            }
            if (b.length == 0) {
                break;
            }
        }
        Path f = dir.resolve("m" + seed + ".yaml");
        Files.write(f, b);
        loadOrDiagnose(f);
    }

    /** Line-level mutations: swapped, duplicated, re-indented or dropped lines of a valid file. */
    @ParameterizedTest
    @MethodSource("seeds")
    void mutatedLines(int seed) throws IOException {
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(FULL, StandardCharsets.UTF_8));
        Random r = new Random(1000L + seed);
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n && lines.size() > 1; i++) {
            int a = r.nextInt(lines.size());
            int b = r.nextInt(lines.size());
            switch (r.nextInt(5)) {
                case 0 -> java.util.Collections.swap(lines, a, b);
                case 1 -> lines.add(b, lines.get(a));
                case 2 -> lines.set(a, "  " + lines.get(a));
                case 3 -> lines.set(a, lines.get(a).replaceFirst("^  ", ""));
                default -> lines.remove(a);
            }
        }
        String text = String.join("\n", lines) + "\n";
        try {
            TopologyLoader.parse(text, "lines.yaml");
        } catch (TopologyException e) {
            checkDiagnostics(e.diagnostics(), "lines.yaml");
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void randomBytes(int seed) {
        Random r = new Random(5000L + seed);
        byte[] b = new byte[r.nextInt(300)];
        r.nextBytes(b);
        String text = new String(b, StandardCharsets.ISO_8859_1);
        try {
            TopologyLoader.parse(text, "random.yaml");
        } catch (TopologyException e) {
            checkDiagnostics(e.diagnostics(), "random.yaml");
        }
    }

    private static void loadOrDiagnose(Path f) {
        try {
            TopologyLoader.load(f);
        } catch (TopologyException e) {
            checkDiagnostics(e.diagnostics(), f.toString());
        }
    }

    private static void checkDiagnostics(List<Diagnostic> ds, String file) {
        for (Diagnostic d : ds) {
            assertTrue(d.line() >= 1 && d.column() >= 1, d::toString);
            assertTrue(d.file().equals(file), d::toString);
            assertFalse(d.message().contains("internal error"), d::toString);
            assertFalse(d.message().isBlank(), d::toString);
        }
    }

    private static byte[] slice(byte[] b, int from, int to) {
        return java.util.Arrays.copyOfRange(b, from, to);
    }

    private static byte[] concat(byte[]... parts) {
        int len = 0;
        for (byte[] p : parts) {
            len += p.length;
        }
        byte[] out = new byte[len];
        int off = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, off, p.length);
            off += p.length;
        }
        return out;
    }
}
