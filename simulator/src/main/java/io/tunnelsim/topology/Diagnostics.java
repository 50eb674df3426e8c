package io.tunnelsim.topology;

import java.util.ArrayList;
import java.util.List;

/** Collects diagnostics during one loading pass, so that all problems are reported together. */
public final class Diagnostics {

    private final List<Diagnostic> items = new ArrayList<>();
    private int errors;

    public void error(Location at, String message) {
        add(Diagnostic.error(at, message));
    }

    public void warning(Location at, String message) {
        add(Diagnostic.warning(at, message));
    }

    public void add(Diagnostic d) {
        items.add(d);
        if (d.isError()) {
            errors++;
        }
    }

    public void addAll(List<Diagnostic> ds) {
        ds.forEach(this::add);
    }

    public boolean hasErrors() {
        return errors > 0;
    }

    public int errorCount() {
        return errors;
    }

    /** All diagnostics sorted by file and position (stable for equal positions). */
    public List<Diagnostic> sorted() {
        List<Diagnostic> copy = new ArrayList<>(items);
        copy.sort(Diagnostic.BY_POSITION);
        return List.copyOf(copy);
    }

    public List<Diagnostic> warnings() {
        return sorted().stream().filter(d -> !d.isError()).toList();
    }
}
