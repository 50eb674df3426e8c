package io.tunnelsim.topology;

import java.util.List;

/**
 * Input files were rejected. Holds every diagnostic found in one pass (errors and any warnings),
 * sorted by position. The message is the diagnostics one per line, ready to print without a
 * stack trace.
 */
public abstract class SpecException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<Diagnostic> diagnostics;

    protected SpecException(List<Diagnostic> diagnostics) {
        super(render(diagnostics), null, false, false);
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** Only the diagnostics of severity ERROR. */
    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    private static String render(List<Diagnostic> diagnostics) {
        StringBuilder sb = new StringBuilder();
        for (Diagnostic d : diagnostics) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(d);
        }
        return sb.toString();
    }
}
