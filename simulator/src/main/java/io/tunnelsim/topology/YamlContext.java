package io.tunnelsim.topology;

import java.util.ArrayList;
import java.util.List;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reading state for one file: its name, the diagnostics sink and the location index. Offers
 * typed views of nodes that report a diagnostic and return a fallback instead of throwing, so
 * that one pass finds every problem.
 */
public final class YamlContext {

    private final String file;
    private final Diagnostics diagnostics;
    private final SourceLocations locations;

    public YamlContext(String file, Diagnostics diagnostics) {
        this.file = file;
        this.diagnostics = diagnostics;
        this.locations = new SourceLocations(file);
    }

    public String file() {
        return file;
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }

    public SourceLocations locations() {
        return locations;
    }

    public Location at(Node n) {
        return YamlSource.at(file, n.getStartMark());
    }

    public void error(Node n, String message) {
        diagnostics.error(at(n), message);
    }

    public void warning(Node n, String message) {
        diagnostics.warning(at(n), message);
    }

    /** Records where {@code path} was written. */
    public void mark(String path, Node n) {
        locations.put(path, at(n));
    }

    static boolean isNull(Node n) {
        return n instanceof ScalarNode s && (Tag.NULL.equals(s.getTag()));
    }

    /**
     * Refuses a document that is a single scalar (plain text, not YAML settings) without quoting
     * it: such a file may be anything ({@code /etc/passwd}), and its content is not echoed.
     * Returns false when it did.
     */
    public boolean checkRoot(Node root, String what) {
        if (root instanceof ScalarNode s && !isNull(root)) {
            error(root, "expected a mapping for " + what + ", found plain text (" + s.getValue().length()
                    + " characters, not shown): this is not a " + (what.contains("scenario") ? "scenario" : "topology") + " file");
            return false;
        }
        return true;
    }

    static String kindOf(Node n) {
        if (n instanceof MappingNode) {
            return "a mapping";
        }
        if (n instanceof SequenceNode) {
            return "a list";
        }
        if (isNull(n)) {
            return "nothing";
        }
        return "'" + abbreviate(((ScalarNode) n).getValue()) + "'";
    }

    public static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }

    /**
     * A mapping view checked against the keys {@code shape} declares; an empty value
     * ({@code key:}) counts as an empty mapping. Returns {@code null} after an error when the
     * node is not a mapping.
     */
    public YamlMap map(Node n, String what, Shape.Obj shape) {
        if (shape == null) {
            throw new IllegalArgumentException("a mapping of fixed keys needs its shape");
        }
        return view(n, what, shape);
    }

    /** Like {@link #map} but any key is allowed (user-chosen names such as node names). */
    public YamlMap namedMap(Node n, String what) {
        return view(n, what, null);
    }

    private YamlMap view(Node n, String what, Shape.Obj shape) {
        if (isNull(n)) {
            return YamlMap.empty(this, n, shape);
        }
        if (!(n instanceof MappingNode m)) {
            error(n, "expected a mapping for " + what + ", found " + kindOf(n));
            return null;
        }
        return YamlMap.of(this, m, shape);
    }

    /** The items of a list; empty after an error when the node is not a list. */
    public List<Node> list(Node n, String what) {
        if (isNull(n)) {
            return List.of();
        }
        if (!(n instanceof SequenceNode s)) {
            error(n, "expected a list for " + what + ", found " + kindOf(n));
            return List.of();
        }
        return new ArrayList<>(s.getValue());
    }

    /** A scalar's text, or {@code null} after an error when the node is not a scalar with a value. */
    public String string(Node n, String what) {
        if (n instanceof ScalarNode s && !isNull(n)) {
            return s.getValue();
        }
        error(n, "expected a string for " + what + ", found " + kindOf(n));
        return null;
    }

    /** A scalar's text for a number, or {@code null} after an error. */
    String numberText(Node n, String what) {
        if (n instanceof ScalarNode s && !isNull(n)) {
            return s.getValue();
        }
        error(n, "expected a number for " + what + ", found " + kindOf(n));
        return null;
    }
}
