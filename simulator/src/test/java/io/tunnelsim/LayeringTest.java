package io.tunnelsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The package layer order of docs/architecture.md, enforced: a package may use only packages
 * in lower layers (listed earlier). Uses are import statements and fully qualified names in
 * code (comments and string literals excluded).
 */
class LayeringTest {

    /** Lowest first; the same list as the table in docs/architecture.md. */
    static final List<String> LAYERS = List.of(
            "sim",
            "json",
            "addr",
            "wire",
            "node.event",
            "node",
            "tunnel",
            "ipsec.crypto",
            "ipsec",
            "routing",
            "routing.track",
            "topology",
            "routing.ospf",
            "routing.rip",
            "routing.bfd",
            "routing.track.module",
            "ipsec.module",
            "routing.statics",
            "capture",
            "live",
            "report.model",
            "scenario.spec",
            "scenario",
            "report",
            "experiment",
            "bench",
            "cli");

    static final Path MAIN = Path.of("src/main/java/io/tunnelsim");
    private static final Pattern USE = Pattern.compile("\\bio\\.tunnelsim\\.([a-z][a-z0-9]*(?:\\.[a-z][a-z0-9]*)*)\\.[A-Z]");
    private static final Pattern COMMENTS_AND_STRINGS = Pattern.compile(
            "/\\*.*?\\*/|//[^\\n]*|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])'", Pattern.DOTALL);

    /** package -> packages it uses, from the sources. */
    static Map<String, TreeSet<String>> uses() throws IOException {
        Map<String, TreeSet<String>> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String pkg = MAIN.relativize(f.getParent()).toString().replace('/', '.');
                out.computeIfAbsent(pkg, k -> new TreeSet<>()).addAll(usesOf(MAIN.relativize(f).toString()));
            }
        }
        return out;
    }

    /** The packages one source file uses ({@code path} under {@link #MAIN}), its own excluded. */
    static TreeSet<String> usesOf(String path) throws IOException {
        Path f = MAIN.resolve(path);
        String pkg = MAIN.relativize(f.getParent()).toString().replace('/', '.');
        TreeSet<String> used = new TreeSet<>();
        Matcher m = USE.matcher(strip(Files.readString(f)));
        while (m.find()) {
            if (!m.group(1).equals(pkg)) {
                used.add(m.group(1));
            }
        }
        return used;
    }

    static String strip(String source) {
        return COMMENTS_AND_STRINGS.matcher(source).replaceAll(r -> r.group().startsWith("\"") ? "\"\"" : " ");
    }

    @Test
    void everyPackageHasALayer() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String p : uses().keySet()) {
            if (!LAYERS.contains(p)) {
                missing.add(p);
            }
        }
        assertEquals(List.of(), missing, "packages not placed in LayeringTest.LAYERS and docs/architecture.md");
    }

    @Test
    void noPackageUsesAHigherOrEqualLayer() throws IOException {
        List<String> backEdges = new ArrayList<>();
        for (var e : uses().entrySet()) {
            int from = LAYERS.indexOf(e.getKey());
            for (String to : e.getValue()) {
                int target = LAYERS.indexOf(to);
                if (target < 0 || target >= from) {
                    backEdges.add(e.getKey() + " -> " + to);
                }
            }
        }
        assertEquals(List.of(), backEdges, "imports against the layer order of docs/architecture.md");
    }

    @Test
    void runsShowsAndReportsReachIpsecOnlyThroughTheNetworkModules() throws IOException {
        Map<String, TreeSet<String>> u = uses();
        List<String> direct = new ArrayList<>();
        for (String p : List.of("scenario", "scenario.spec", "report", "experiment", "cli")) {
            for (String used : u.getOrDefault(p, new TreeSet<>())) {
                if (used.equals("ipsec") || used.startsWith("ipsec.")) {
                    direct.add(p + " -> " + used);
                }
            }
        }
        assertEquals(List.of(), direct, "IPsec's show rows and capture files come through topology.NetworkModules");
        assertTrue(u.get("scenario").contains("topology"), "scenario uses the registries");
    }

    @Test
    void showTablesReachTheProtocolsOnlyThroughTheProtocolModules() throws IOException {
        List<String> direct = new ArrayList<>();
        for (String f : List.of("experiment/ShowJson.java", "scenario/Show.java", "scenario/ProtocolShow.java")) {
            for (String used : usesOf(f)) {
                if (used.equals("routing") || used.startsWith("routing.")) {
                    direct.add(f + " -> " + used);
                }
            }
        }
        assertEquals(List.of(), direct, "show rows, tables and route codes come through topology.ProtocolModules");
        assertTrue(usesOf("experiment/ShowJson.java").contains("topology"), "ShowJson uses the registries");
    }

    @Test
    void theScannerSeesImportsAndQualifiedNamesButNotComments() throws IOException {
        Map<String, TreeSet<String>> u = uses();
        assertTrue(u.get("scenario").contains("node"), "scenario imports node");
        assertTrue(u.get("wire").contains("addr"), "wire imports addr");
        assertTrue(u.size() >= LAYERS.size() - 1, "all packages scanned: " + u.keySet());
        String sample = "/** see {@link io.tunnelsim.report.Charts} */ class A { String s = \"io.tunnelsim.cli.Main\";"
                + " io.tunnelsim.sim.SimTime t; } // io.tunnelsim.bench.X";
        Matcher m = USE.matcher(strip(sample));
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        assertEquals(List.of("sim"), found);
    }
}
