package io.tunnelsim.live;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Live mode: which simulated segments (links, by name) are bridged to which TAP devices, and the
 * lag above which the real-time driver warns. Empty = a normal, deterministic run. See
 * {@code docs/live.md}.
 *
 * @param segments    link name → TAP device name, in file (or command-line) order
 * @param lagWarningNs the driver warns once the scheduler is this far behind the wall clock
 */
public record LiveSpec(Map<String, String> segments, long lagWarningNs) {
    /** 20 ms: a tenth of a typical RTT budget, well below any protocol timer. */
    public static final long DEFAULT_LAG_WARNING = 20_000_000L;
    public static final LiveSpec NONE = new LiveSpec(Map.of(), DEFAULT_LAG_WARNING);

    public LiveSpec {
        segments = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(segments));
    }

    public boolean enabled() {
        return !segments.isEmpty();
    }

    /** This spec with the command line's attachments added (a segment named twice takes the later device). */
    public LiveSpec with(Map<String, String> more) {
        Map<String, String> m = new LinkedHashMap<>(segments);
        m.putAll(more);
        return new LiveSpec(m, lagWarningNs);
    }
}
