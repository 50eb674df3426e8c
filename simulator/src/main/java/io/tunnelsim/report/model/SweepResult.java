package io.tunnelsim.report.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Outage samples of a sweep: variant → action label → one sample per trial.
 *
 * <p>Both map levels keep the caller's insertion order, which is the order of every table and
 * chart; the caller builds them in a deterministic order (variants as configured, actions in
 * time order).
 */
public record SweepResult(Map<String, Map<String, List<OutageSample>>> samples) {
    public SweepResult {
        Objects.requireNonNull(samples, "samples");
        var copy = new LinkedHashMap<String, Map<String, List<OutageSample>>>();
        samples.forEach((variant, byAction) -> {
            var inner = new LinkedHashMap<String, List<OutageSample>>();
            byAction.forEach((action, list) -> inner.put(action, List.copyOf(list)));
            copy.put(variant, Collections.unmodifiableMap(inner));
        });
        samples = Collections.unmodifiableMap(copy);
    }
}
