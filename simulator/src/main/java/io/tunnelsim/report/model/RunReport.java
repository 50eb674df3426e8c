package io.tunnelsim.report.model;

import java.util.Objects;

/** Input of {@code ReportWriter.writeRun}: one scenario, one variant, one seed. */
public record RunReport(ScenarioInfo scenario, VariantResult variant) {
    public RunReport {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(variant, "variant");
    }
}
