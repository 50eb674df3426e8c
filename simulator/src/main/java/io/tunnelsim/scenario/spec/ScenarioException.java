package io.tunnelsim.scenario.spec;

import java.util.List;

import io.tunnelsim.topology.Diagnostic;
import io.tunnelsim.topology.SpecException;

/**
 * A scenario (or the topology it references) could not be loaded; see {@link #diagnostics()}.
 * Diagnostics about the topology name the topology's file.
 */
public final class ScenarioException extends SpecException {

    private static final long serialVersionUID = 1L;

    public ScenarioException(List<Diagnostic> diagnostics) {
        super(diagnostics);
    }
}
