package io.tunnelsim.scenario;

import io.tunnelsim.topology.Diagnostic;
import io.tunnelsim.topology.Location;
import java.util.List;

/**
 * A topology that passed validation but cannot be built as written (e.g. an IPsec profile
 * whose keys do not fit its algorithm on the tunnel that uses it). Carries the diagnostics with
 * their file positions; the command line prints them and exits with code 2.
 */
public final class BuildException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Diagnostic> diagnostics;

    public BuildException(Location at, String message) {
        super(Diagnostic.error(at, message).toString(), null, false, false);
        this.diagnostics = List.of(Diagnostic.error(at, message));
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
