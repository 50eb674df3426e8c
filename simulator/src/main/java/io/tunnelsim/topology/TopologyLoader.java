package io.tunnelsim.topology;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.yaml.snakeyaml.nodes.Node;

/**
 * Loads topology YAML into a validated {@link TopologySpec}. All problems of a file are collected
 * in one pass and thrown together as a {@link TopologyException}; no other exception escapes for
 * any input. The format is described in {@code docs/topology-format.md}.
 */
public final class TopologyLoader {

    private TopologyLoader() {
    }

    /** Loads a file; diagnostics name the file as given. */
    public static TopologySpec load(Path file) throws TopologyException {
        Diagnostics d = new Diagnostics();
        String fileName = file.toString();
        Node root = YamlSource.read(file, fileName, d);
        return finish(root, new YamlContext(fileName, d), Optional.of(file), stem(file));
    }

    /** Parses text; {@code fileName} is used in diagnostics and as the default name. */
    public static TopologySpec parse(String text, String fileName) throws TopologyException {
        Diagnostics d = new Diagnostics();
        Node root = YamlSource.parse(text, fileName, d);
        return finish(root, new YamlContext(fileName, d), Optional.empty(), stem(fileName));
    }

    /**
     * Reads an already composed topology node into a context shared with an enclosing document
     * (a scenario with an inline topology). Returns {@code null} when errors were added.
     */
    public static TopologySpec read(Node root, YamlContext ctx, Optional<Path> file, String defaultName) {
        int before = ctx.diagnostics().errorCount();
        TopologySpec spec = new TopologyReader(ctx, file).read(root, defaultName);
        if (spec == null) {
            return null;
        }
        // cross-reference checks run even after field errors, so one pass reports everything
        new TopologyValidator(spec, ctx.diagnostics()).validate();
        if (ctx.diagnostics().errorCount() > before) {
            return null;
        }
        List<Diagnostic> warnings = new ArrayList<>();
        for (Diagnostic x : ctx.diagnostics().warnings()) {
            if (x.file().equals(ctx.file())) {
                warnings.add(x);
            }
        }
        List<Diagnostic> graphWarnings = new TopologyGraph(spec).check();
        ctx.diagnostics().addAll(graphWarnings);
        warnings.addAll(graphWarnings);
        List<Diagnostic> crossEnd = new CrossEndChecks(spec).check();
        ctx.diagnostics().addAll(crossEnd);
        warnings.addAll(crossEnd);
        for (NetworkModule<?> nm : NetworkModules.all()) {
            List<Diagnostic> moduleWarnings = nm.checkNetwork(spec);
            ctx.diagnostics().addAll(moduleWarnings);
            warnings.addAll(moduleWarnings);
        }
        warnings.sort(Diagnostic.BY_POSITION);
        return new TopologySpec(spec.name(), spec.file(), spec.defaults(), spec.nodes(), spec.links(), spec.sections(),
                spec.routing(), spec.locations(), warnings);
    }

    private static TopologySpec finish(Node root, YamlContext ctx, Optional<Path> file, String defaultName)
            throws TopologyException {
        TopologySpec spec = null;
        if (root != null) {
            try {
                spec = read(root, ctx, file, defaultName);
            } catch (RuntimeException | StackOverflowError e) {
                ctx.diagnostics().error(new Location(ctx.file(), 1, 1), "internal error while reading the topology ("
                        + e.getClass().getSimpleName() + "); please report this input");
            }
        }
        if (spec == null || ctx.diagnostics().hasErrors()) {
            throw new TopologyException(ctx.diagnostics().sorted());
        }
        return spec;
    }

    static String stem(Path p) {
        Path f = p.getFileName();
        return stem(f == null ? "topology" : f.toString());
    }

    private static String stem(String fileName) {
        String s = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        int dot = s.lastIndexOf('.');
        return dot > 0 ? s.substring(0, dot) : s.isEmpty() ? "topology" : s;
    }
}
