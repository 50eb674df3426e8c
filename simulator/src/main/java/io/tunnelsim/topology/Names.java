package io.tunnelsim.topology;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.Node;

/**
 * Rules for names written in input files. Names that become folder names (scenario, variant)
 * are restricted to a portable file-name alphabet and may not collide with the files written
 * beside them; every other name (links, probes, topologies) may hold any printable text but no
 * control characters, which would reach terminals and reports raw. Link names become pcap file
 * names through {@link #fileName}.
 */
public final class Names {
    /** Longest name accepted. */
    public static final int MAX_LENGTH = 100;
    /** Names that become folders: letters, digits, '.', '_', '-', starting with a letter or digit. */
    static final Pattern PATH_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    /** Files a comparison writes beside its variant folders. */
    private static final Set<String> REPORT_FILES = Set.of("pcap", "summary.json", "comparison.csv", "convergence.csv",
            "convergence.png", "timeline.png", "report.html", "events.log", "probes.csv", "sweep.csv");
    private static final Pattern REPORT_SUFFIX = Pattern.compile(".*\\.(json|csv|png|html|log|pcap|txt)");

    private Names() {
    }

    /** The pcap file name (without extension) of a link: characters outside [A-Za-z0-9._-] become '_'. */
    public static String fileName(String linkName) {
        return linkName.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** Whether the text holds a C0 or C1 control character (ESC, BEL, newline, …) or DEL. */
    static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
                return true;
            }
        }
        return false;
    }

    /** Checks a free-text name (link, probe, topology): length and no control characters. */
    public static boolean checkText(YamlContext ctx, Node at, String what, String name) {
        if (name.length() > MAX_LENGTH) {
            ctx.error(at, what + " is " + name.length() + " characters long; names are limited to " + MAX_LENGTH);
            return false;
        }
        if (hasControl(name)) {
            ctx.error(at, what + " '" + printable(name) + "' contains a control character; names must be printable text");
            return false;
        }
        return true;
    }

    /**
     * Checks a name that becomes a folder under the output directory (scenario, variant): no
     * path separators, no '..', no leading dot, no name of a report file written beside it.
     */
    public static boolean checkPathName(YamlContext ctx, Node at, String what, String name) {
        if (!checkText(ctx, at, what, name)) {
            return false;
        }
        if (!PATH_NAME.matcher(name).matches()) {
            ctx.error(at, what + " '" + name + "' is used as a folder name: use letters, digits, '.', '_' and '-' only,"
                    + " starting with a letter or digit (no spaces, '/' or '..')");
            return false;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (REPORT_FILES.contains(lower) || REPORT_SUFFIX.matcher(lower).matches()) {
            ctx.error(at, what + " '" + name + "' is the name of a result file written beside the variant folders;"
                    + " choose another name");
            return false;
        }
        return true;
    }

    /** A default name (from a file name) made valid as a folder name. */
    public static String pathNameFrom(String stem) {
        String s = stem.replaceAll("[^A-Za-z0-9._-]", "-").replaceFirst("^[._-]+", "");
        if (s.length() > MAX_LENGTH) {
            s = s.substring(0, MAX_LENGTH);
        }
        return s.isEmpty() ? "scenario" : s;
    }

    /** The text with control characters shown as \\uXXXX escapes, for messages. */
    public static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 60; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
                b.append(String.format("\\u%04X", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
