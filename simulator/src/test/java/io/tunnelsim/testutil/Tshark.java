package io.tunnelsim.testutil;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the real Wireshark dissector ({@code tshark}) over captures written by tests, for
 * interop checks. Tests call {@link #assumeInstalled()} first, so machines without tshark skip
 * them instead of failing.
 */
public final class Tshark {
    /** Shown by JUnit for every skipped interop test. */
    public static final String SKIP_MESSAGE = "tshark not installed: skipping interop test";

    /** A safety net against a hung process, not a speed assertion. */
    private static final long GIVE_UP_SECONDS = 300;

    private static Optional<Path> cached;

    private Tshark() {
    }

    /** The tshark executable on PATH, if any. */
    public static synchronized Optional<Path> find() {
        if (cached == null) {
            cached = Optional.empty();
            String path = System.getenv("PATH");
            if (path != null) {
                for (String dir : path.split(File.pathSeparator)) {
                    if (dir.isEmpty()) {
                        continue;
                    }
                    Path p = Path.of(dir, "tshark");
                    if (Files.isExecutable(p)) {
                        cached = Optional.of(p);
                        break;
                    }
                }
            }
        }
        return cached;
    }

    public static boolean installed() {
        return find().isPresent();
    }

    /** Skips the calling test (JUnit assumption) when tshark is missing. */
    public static void assumeInstalled() {
        assumeTrue(installed(), SKIP_MESSAGE);
    }

    /**
     * Runs {@code tshark args...} and returns its standard output. Fails (IllegalStateException
     * with stderr) on a non-zero exit status.
     */
    public static String run(String... args) {
        Path exe = find().orElseThrow(() -> new IllegalStateException(SKIP_MESSAGE));
        List<String> cmd = new ArrayList<>();
        cmd.add(exe.toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        // keep tshark away from the user's Wireshark profile so results do not depend on it
        Path home = null;
        try {
            home = Files.createTempDirectory("tshark-home");
            pb.environment().put("HOME", home.toString());
            pb.environment().put("XDG_CONFIG_HOME", home.toString());
            pb.redirectError(home.resolve("stderr.txt").toFile());
            Process p = pb.start();
            p.getOutputStream().close();
            String out = readAll(p.getInputStream());
            if (!p.waitFor(GIVE_UP_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("tshark did not finish: " + cmd);
            }
            if (p.exitValue() != 0) {
                String err = Files.readString(home.resolve("stderr.txt"));
                throw new IllegalStateException("tshark exit " + p.exitValue() + " for " + cmd + ":\n" + err);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running tshark", e);
        } finally {
            deleteQuietly(home);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary directory is harmless
        }
    }

    /**
     * Runs tshark on {@code capture} with {@code -T fields} and one {@code -e} per field (field
     * occurrences separated by ','), returning one row per packet, one column per field.
     */
    public static List<String[]> fields(Path capture, List<String> options, String... fieldNames) {
        List<String> args = new ArrayList<>(List.of("-n", "-r", capture.toString()));
        for (String o : options) {
            args.add("-o");
            args.add(o);
        }
        args.addAll(List.of("-T", "fields", "-E", "separator=\t", "-E", "occurrence=a", "-E", "aggregator=,"));
        for (String f : fieldNames) {
            args.add("-e");
            args.add(f);
        }
        String out = run(args.toArray(String[]::new));
        List<String[]> rows = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isEmpty()) {
                rows.add(line.split("\t", -1));
            }
        }
        return rows;
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        in.transferTo(bo);
        return bo.toString(StandardCharsets.UTF_8);
    }
}
