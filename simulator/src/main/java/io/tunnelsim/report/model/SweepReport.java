package io.tunnelsim.report.model;

import java.util.Objects;

/**
 * Input of {@code ReportWriter.writeSweep}: the same scenario repeated over many seeds.
 *
 * @param scenario scenario; its seed is the base seed of the sweep
 * @param sweep    outage samples
 */
public record SweepReport(ScenarioInfo scenario, SweepResult sweep) {
    public SweepReport {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(sweep, "sweep");
    }
}
