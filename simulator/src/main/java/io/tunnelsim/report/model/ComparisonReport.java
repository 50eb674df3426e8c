package io.tunnelsim.report.model;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/** Input of {@code ReportWriter.writeComparison}: one scenario run once per variant, same seed. */
public record ComparisonReport(ScenarioInfo scenario, List<VariantResult> variants) {
    public ComparisonReport {
        Objects.requireNonNull(scenario, "scenario");
        variants = List.copyOf(variants);
        requireUniqueNames(variants.stream().map(VariantResult::name).toList());
    }

    static void requireUniqueNames(List<String> names) {
        var seen = new HashSet<String>();
        for (String n : names) {
            if (!seen.add(n)) {
                throw new IllegalArgumentException("variant '" + n + "' appears twice");
            }
        }
    }
}
