package io.tunnelsim.topology;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Turns bytes or text into a snakeyaml {@link Node} tree whose nodes keep their positions, or
 * into a diagnostic. Nothing is constructed into Java objects (no tags are honoured), and every
 * failure of the YAML layer becomes a {@link Diagnostic} with a position.
 *
 * <p>Limits: 32 MiB of text (a generated 10 000-spoke hub-and-spoke topology is 14 MB), nesting depth 64, at most 50 aliases to collections, and aliases
 * may not add more than {@value #MAX_EXPANDED_NODES} nodes to the document (this stops "billion laughs"
 * documents, whose tree is small but whose expansion is huge). Merge keys ({@code <<: *x}) are
 * applied while composing.
 */
public final class YamlSource {

    /** Largest accepted input, in code points. */
    public static final int MAX_CODE_POINTS = 32 * 1024 * 1024;
    /** Largest number of nodes the document may expand to once aliases are followed. */
    public static final long MAX_EXPANDED_NODES = 200_000;
    /** Largest accepted file, in bytes, comments included; checked before anything is parsed. */
    public static final int MAX_BYTES = 32 * 1024 * 1024;
    /** Longest accepted line, in characters. */
    public static final int MAX_LINE = 65_536;
    static final int MAX_DEPTH = 64;
    static final int MAX_COLLECTION_ALIASES = 50;

    private YamlSource() {
    }

    /**
     * Reads a file as UTF-8 and composes it. Returns {@code null} after adding an error to
     * {@code out} when the file cannot be read or parsed.
     */
    public static Node read(Path path, String fileName, Diagnostics out) {
        byte[] bytes;
        try {
            if (Files.exists(path) && !Files.isRegularFile(path)) {
                out.error(new Location(fileName, 1, 1), Files.isDirectory(path) ? "is a folder, not a YAML file"
                        : "is not a regular file (a device, FIFO or socket); give a YAML file");
                return null;
            }
            if (Files.isRegularFile(path) && Files.size(path) > MAX_BYTES) {
                out.error(new Location(fileName, 1, 1), tooLargeMessage());
                return null;
            }
            // read at most one byte beyond the limit: the size may change under us
            try (java.io.InputStream in = Files.newInputStream(path)) {
                bytes = in.readNBytes(MAX_BYTES + 1);
            }
        } catch (NoSuchFileException e) {
            out.error(new Location(fileName, 1, 1), "file not found");
            return null;
        } catch (IOException | SecurityException e) {
            out.error(new Location(fileName, 1, 1), "cannot read file: " + e.getMessage());
            return null;
        }
        if (bytes.length > MAX_BYTES) {
            out.error(new Location(fileName, 1, 1), tooLargeMessage());
            return null;
        }
        String text = decodeUtf8(bytes, fileName, out);
        return text == null ? null : parse(text, fileName, out);
    }

    private static String tooLargeMessage() {
        return "file is larger than the limit of " + MAX_BYTES / (1024 * 1024) + " MiB (comments included)";
    }

    /** Composes YAML text; returns {@code null} after adding an error to {@code out} on failure. */
    public static Node parse(String text, String fileName, Diagnostics out) {
        if (text.length() > 0 && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        if (text.length() > MAX_CODE_POINTS) {
            out.error(new Location(fileName, 1, 1), tooLargeMessage());
            return null;
        }
        // a very long line (one huge scalar or key) makes the YAML scanner slow: refuse it first
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                if (i - lineStart > MAX_LINE) {
                    out.error(new Location(fileName, line, 1), "line " + line + " is " + (i - lineStart)
                            + " characters long; lines are limited to " + MAX_LINE + " characters (names to "
                            + Names.MAX_LENGTH + ")");
                    return null;
                }
                line++;
                lineStart = i + 1;
            }
        }
        Node root;
        try {
            root = newYaml(fileName).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            out.error(at(fileName, m), describe(e));
            return null;
        } catch (ReaderException e) {
            out.error(position(fileName, text, e.getPosition()), readerMessage(e));
            return null;
        } catch (YAMLException e) {
            out.error(new Location(fileName, 1, 1), yamlMessage(e.getMessage()));
            return null;
        } catch (RuntimeException | StackOverflowError e) {
            out.error(new Location(fileName, 1, 1), "cannot parse YAML: " + e.getClass().getSimpleName());
            return null;
        }
        if (root == null) {
            out.error(new Location(fileName, 1, 1), "file is empty (expected a mapping)");
            return null;
        }
        String expansion = checkExpansion(root);
        if (expansion != null) {
            out.error(at(fileName, root.getStartMark()), expansion);
            return null;
        }
        return root;
    }

    /** The 1-based location of a mark. */
    public static Location at(String fileName, Mark m) {
        if (m == null) {
            return new Location(fileName, 1, 1);
        }
        return new Location(fileName, m.getLine() + 1, m.getColumn() + 1);
    }

    private static Yaml newYaml(String fileName) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setMergeOnCompose(true);
        options.setProcessComments(false);
        DumperOptions dump = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dump), dump, options);
    }

    private static String describe(MarkedYAMLException e) {
        String problem = e.getProblem() != null ? e.getProblem() : "";
        String context = e.getContext() != null ? e.getContext() : "";
        String msg = problem.isEmpty() ? context : (context.isEmpty() ? problem : context + ": " + problem);
        msg = msg.replaceAll("\\s+", " ").trim();
        if (msg.contains("'\\t'") || msg.contains("\\t(TAB)")) {
            return "tab character where YAML expects spaces (" + msg + "); indent with spaces only";
        }
        if (msg.contains("duplicate key")) {
            return msg + " (each key may appear once in a mapping)";
        }
        if (msg.isEmpty()) {
            msg = "malformed YAML";
        }
        return "YAML syntax error: " + msg;
    }

    private static String readerMessage(ReaderException e) {
        return "character U+" + String.format("%04X", e.getCodePoint())
                + " is not allowed in YAML (the file looks binary or corrupted)";
    }

    private static String yamlMessage(String message) {
        String m = message == null ? "malformed YAML" : message.replaceAll("\\s+", " ").trim();
        if (m.contains("code points")) {
            return "file is larger than the limit of " + MAX_CODE_POINTS + " characters";
        }
        if (m.contains("aliases")) {
            return "too many aliases to collections (limit " + MAX_COLLECTION_ALIASES
                    + "); the document expands too much, write the values out";
        }
        if (m.contains("Nesting Depth")) {
            return "document is nested deeper than " + MAX_DEPTH + " levels";
        }
        return "YAML error: " + m;
    }

    private static Location position(String fileName, String text, int codePointIndex) {
        int line = 1;
        int col = 1;
        int cp = 0;
        for (int i = 0; i < text.length() && cp < codePointIndex; cp++) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new Location(fileName, line, col);
    }

    private static String decodeUtf8(byte[] bytes, String fileName, Diagnostics out) {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer chars = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = dec.decode(in, chars, true);
        if (!r.isError()) {
            r = dec.flush(chars);
        }
        if (r.isError()) {
            int bad = in.position();
            String prefix = new String(bytes, 0, bad, StandardCharsets.UTF_8);
            out.error(position(fileName, prefix, Integer.MAX_VALUE),
                    "invalid UTF-8 at byte " + bad + " (the file looks binary or is not UTF-8 text)");
            return null;
        }
        chars.flip();
        return chars.toString();
    }

    /** Size of the tree once aliases are expanded, or a message when too large or recursive. */
    private static String checkExpansion(Node root) {
        Expansion x = new Expansion();
        try {
            long size = x.size(root);
            // only what aliases add counts: a large plain document (32 MiB of text) is fine
            if (size - x.distinct > MAX_EXPANDED_NODES) {
                return tooLarge();
            }
            return null;
        } catch (ExpansionException e) {
            return e.getMessage();
        }
    }

    private static String tooLarge() {
        return "aliases expand the document to more than " + MAX_EXPANDED_NODES
                + " nodes (a 'billion laughs' document?); write the values out instead of nesting aliases";
    }

    /**
     * Counts a tree's nodes with aliases expanded. Only an anchored node can be reached twice (by
     * an alias) or contain itself, so only anchored nodes are remembered: the count of a large
     * plain document costs no map entry per node.
     */
    private static final class Expansion {
        /** Expanded size of each anchored node already counted. */
        final Map<Node, Long> anchored = new IdentityHashMap<>();
        /** Anchored nodes being counted (an alias to one of them is a recursion). */
        final Map<Node, Boolean> onPath = new IdentityHashMap<>();
        /** Distinct nodes seen. */
        long distinct;

        long size(Node n) {
            boolean shared = n.getAnchor() != null;
            if (shared) {
                Long known = anchored.get(n);
                if (known != null) {
                    return known;
                }
                if (onPath.containsKey(n)) {
                    throw new ExpansionException("an alias refers to a collection that contains it (recursive document)");
                }
                onPath.put(n, Boolean.TRUE);
            }
            distinct++;
            long size = 1;
            if (n instanceof MappingNode m) {
                for (NodeTuple t : m.getValue()) {
                    size += size(t.getKeyNode()) + size(t.getValueNode());
                    if (size > MAX_EXPANDED_NODES + distinct) {
                        throw new ExpansionException(tooLarge());
                    }
                }
            } else if (n instanceof SequenceNode s) {
                for (Node c : s.getValue()) {
                    size += size(c);
                    if (size > MAX_EXPANDED_NODES + distinct) {
                        throw new ExpansionException(tooLarge());
                    }
                }
            }
            if (shared) {
                onPath.remove(n);
                anchored.put(n, size);
            }
            return size;
        }
    }

    private static final class ExpansionException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ExpansionException(String message) {
            super(message, null, false, false);
        }
    }
}
