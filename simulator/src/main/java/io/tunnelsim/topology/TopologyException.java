package io.tunnelsim.topology;

import java.util.List;

/** A topology file could not be loaded; see {@link #diagnostics()}. */
public final class TopologyException extends SpecException {

    private static final long serialVersionUID = 1L;

    public TopologyException(List<Diagnostic> diagnostics) {
        super(diagnostics);
    }
}
