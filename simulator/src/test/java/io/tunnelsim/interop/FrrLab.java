package io.tunnelsim.interop;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A lab of real routers for the interop tests: network namespaces, bridges, veths, TAP devices
 * and FRR daemons, built with the shell functions of {@code examples/live/lablib.sh} (the same
 * ones the documented lab uses). Everything a lab created is removed by {@link #close}, and
 * leftovers of an interrupted run with the same names are removed first.
 *
 * <p>{@link #assumeAvailable()} skips a test, printing why, where {@code ip netns add} fails
 * (no root, no namespaces) or FRR, TUN/TAP or ethtool are missing.
 *
 * <p>Every name a test gives (bridge, TAP, namespace, veth) gets a suffix from the process ID,
 * so that two runs of the suite on one machine do not delete each other's devices; scripts run
 * through {@link #sh} have the names replaced, and {@link #real} gives the name the kernel has
 * (for {@code --live SEGMENT=TAP}).
 */
final class FrrLab implements AutoCloseable {
    static final Path LIB = Path.of("..", "examples", "live", "lablib.sh").toAbsolutePath().normalize();
    private static final long GIVE_UP_SECONDS = 60;
    private static String unavailable;
    private static boolean probed;

    private final String tag;
    private final List<String> links = new ArrayList<>();
    private final List<String> namespaces = new ArrayList<>();
    private final List<Path> frrDirs = new ArrayList<>();
    private final Path root;
    private static final String SUFFIX = Long.toString(ProcessHandle.current().pid() % 46656, 36);
    private final java.util.Map<String, String> names = new java.util.LinkedHashMap<>();

    /** {@code tag}: 2-4 letters that prefix every name this lab creates (names stay ≤ 15 characters). */
    FrrLab(String tag) throws IOException {
        this.tag = tag;
        this.root = Files.createTempDirectory("tsim-lab-" + tag);
        // FRR drops to the frr user: it must reach its directories below this one
        Files.setPosixFilePermissions(root, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Why this machine cannot run the interop tests, or null when it can. */
    static synchronized String unavailableReason() {
        if (!probed) {
            probed = true;
            unavailable = probe();
        }
        return unavailable;
    }

    private static String probe() {
        for (String f : new String[] {"/usr/lib/frr/zebra", "/usr/lib/frr/ospfd", "/usr/lib/frr/ripd"}) {
            if (!Files.isExecutable(Path.of(f))) {
                return f + " is missing (install the frr package)";
            }
        }
        if (!Files.exists(Path.of("/dev/net/tun"))) {
            return "/dev/net/tun is missing (no TUN/TAP support)";
        }
        if (!Files.isRegularFile(LIB)) {
            return LIB + " is missing";
        }
        String ns = "tsim-probe-" + ProcessHandle.current().pid() % 100000;
        Result r = exec(List.of("ip", "netns", "add", ns));
        if (r.code != 0) {
            return "'ip netns add' fails here (" + r.err.trim() + "): network namespaces need root";
        }
        exec(List.of("ip", "netns", "del", ns));
        for (String tool : new String[] {"ethtool", "vtysh", "ping"}) {
            if (exec(List.of("sh", "-c", "command -v " + tool)).code != 0) {
                return tool + " is missing";
            }
        }
        return null;
    }

    /** Skips the calling test (printing the reason) where the lab cannot be built. */
    static void assumeAvailable() {
        String why = unavailableReason();
        if (why != null) {
            System.out.println("interop test skipped: " + why);
        }
        assumeTrue(why == null, "interop test skipped: " + why);
    }

    String name(String suffix) {
        return tag + suffix;
    }

    /** The kernel's name for a device or namespace the test calls {@code name}. */
    String real(String name) {
        String r = names.computeIfAbsent(name, n -> n + SUFFIX);
        if (r.length() > 15) {
            throw new IllegalArgumentException("name " + r + " is longer than 15 characters");
        }
        return r;
    }

    /** {@code script} with every registered name replaced by its kernel name. */
    private String subst(String script) {
        String out = script;
        for (java.util.Map.Entry<String, String> e : names.entrySet()) {
            out = out.replaceAll("\\b" + java.util.regex.Pattern.quote(e.getKey()) + "\\b",
                    java.util.regex.Matcher.quoteReplacement(e.getValue()));
        }
        return out;
    }

    Path dir() {
        return root;
    }

    void bridge(String br) {
        real(br);
        links.add(br);
        sh("lab_link_del " + br + "; lab_bridge " + br);
    }

    void tap(String tap, String br) {
        real(tap);
        links.add(0, tap);
        sh("lab_link_del " + tap + "; lab_tap " + tap + " " + br);
    }

    void namespace(String ns) {
        real(ns);
        namespaces.add(ns);
        sh("lab_ns_del " + ns + "; lab_ns " + ns);
    }

    /** A veth pair: {@code hostIf} in bridge {@code br}, {@code ifName} with {@code address} in {@code ns}. */
    void veth(String ns, String ifName, String address, String br, String hostIf) {
        real(hostIf);
        links.add(0, hostIf);
        sh("lab_link_del " + hostIf + "; lab_veth " + ns + " " + ifName + " " + address + " " + br + " " + hostIf);
    }

    /** Runs a command inside a namespace. */
    String inNs(String ns, String command) {
        return sh("ip netns exec " + ns + " " + command);
    }

    /** Writes the daemons' configurations and starts zebra and them in {@code ns}; returns their directory. */
    Path frr(String ns, Map<String, String> configs) {
        Path d = root.resolve(ns + "_frr"); // "_": not a word boundary, so subst() leaves the path alone
        try {
            Files.createDirectories(d);
            for (Map.Entry<String, String> c : configs.entrySet()) {
                Files.writeString(d.resolve(c.getKey() + ".conf"), c.getValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        frrDirs.add(d);
        StringBuilder daemons = new StringBuilder();
        for (String k : configs.keySet()) {
            if (!k.equals("zebra")) {
                daemons.append(' ').append(k);
            }
        }
        sh("lab_frr_start " + ns + " " + d + daemons);
        return d;
    }

    /** vtysh against the daemons of {@code dir}. */
    String vtysh(Path dir, String... commands) {
        StringBuilder sb = new StringBuilder("lab_vtysh " + dir);
        for (String c : commands) {
            sb.append(" '").append(c.replace("'", "'\\''")).append('\'');
        }
        return sh(sb.toString());
    }

    /** Kills one daemon at once (SIGKILL: no goodbye packets, as when the router dies). */
    void kill(Path dir, String daemon) {
        sh("kill -9 $(cat " + dir.resolve(daemon + ".pid") + ")");
    }

    String log(Path dir, String daemon) {
        try {
            return Files.readString(dir.resolve(daemon + ".log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    String sh(String script) {
        Result r = exec(List.of("bash", "-c", "set -e; . " + LIB + "; " + subst(script)));
        if (r.code != 0) {
            throw new IllegalStateException("lab command failed (" + r.code + "): " + script + "\n" + r.err + r.out);
        }
        return r.out;
    }

    @Override
    public void close() {
        StringBuilder sb = new StringBuilder();
        for (Path d : frrDirs) {
            sb.append("lab_frr_stop ").append(d).append("; ");
        }
        for (String ns : namespaces) {
            sb.append("lab_ns_del ").append(ns).append("; ");
        }
        for (String l : links) {
            sb.append("lab_link_del ").append(l).append("; ");
        }
        exec(List.of("bash", "-c", ". " + LIB + "; " + subst(sb.toString()) + "rm -rf " + root));
    }

    private record Result(int code, String out, String err) {
    }

    private static Result exec(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).start();
            p.getOutputStream().close();
            var out = p.getInputStream();
            var err = p.getErrorStream();
            StringBuilder o = new StringBuilder();
            StringBuilder e = new StringBuilder();
            Thread te = new Thread(() -> e.append(read(err)));
            te.start();
            o.append(read(out));
            if (!p.waitFor(GIVE_UP_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, o.toString(), "timed out: " + cmd);
            }
            te.join();
            return new Result(p.exitValue(), o.toString(), e.toString());
        } catch (IOException ex) {
            return new Result(-1, "", ex.getMessage());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return new Result(-1, "", "interrupted");
        }
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException ex) {
            return "";
        }
    }
}
