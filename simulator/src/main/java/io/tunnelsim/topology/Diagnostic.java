package io.tunnelsim.topology;

import java.util.Comparator;
import java.util.Objects;

/**
 * One problem found in an input file, at a 1-based line and column. {@link #toString()} gives
 * the compiler-style form {@code file:line:col: error: message} that the command line prints.
 */
public record Diagnostic(String file, int line, int column, Severity severity, String message) {

    /** How bad a diagnostic is: errors stop loading, warnings do not. */
    public enum Severity {
        ERROR, WARNING;

        String label() {
            return this == ERROR ? "error" : "warning";
        }
    }

    /** File, then line, then column; keeps the insertion order of equal positions when used in a stable sort. */
    public static final Comparator<Diagnostic> BY_POSITION = Comparator.comparing(Diagnostic::file)
            .thenComparingInt(Diagnostic::line)
            .thenComparingInt(Diagnostic::column);

    public Diagnostic {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    public static Diagnostic error(Location at, String message) {
        return new Diagnostic(at.file(), at.line(), at.column(), Severity.ERROR, message);
    }

    public static Diagnostic warning(Location at, String message) {
        return new Diagnostic(at.file(), at.line(), at.column(), Severity.WARNING, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    public Location location() {
        return new Location(file, line, column);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + severity.label() + ": " + message;
    }
}
