package io.tunnelsim.scenario.spec;

import java.nio.file.Path;
import java.util.List;

import io.tunnelsim.live.LiveSpec;
import io.tunnelsim.topology.Diagnostic;
import io.tunnelsim.topology.TopologySpec;

/**
 * A validated scenario: what to run on which topology, which failures to inject when, and which
 * variants to compare. Every reference in probes and timeline resolves in the topology of every
 * variant.
 *
 * @param file      the scenario file
 * @param topology  the scenario's topology (a variant may replace it, see {@link VariantSpec#topology()})
 * @param warmupNs  probes do not start before this time
 * @param timeline  actions sorted by time; actions at the same time keep file order
 * @param variants  at least one; {@code default} when the file has none
 * @param warnings  warnings of the scenario and its topologies
 * @param live      segments bridged to TAP devices ({@link LiveSpec#NONE}: a normal run)
 */
public record ScenarioSpec(String name, Path file, TopologySpec topology, long durationNs, long seed, long warmupNs,
                           List<ProbeSpec> probes, List<TimelineAction> timeline, List<VariantSpec> variants,
                           SweepSpec sweep, List<Diagnostic> warnings, LiveSpec live) {

    public ScenarioSpec(String name, Path file, TopologySpec topology, long durationNs, long seed, long warmupNs,
                        List<ProbeSpec> probes, List<TimelineAction> timeline, List<VariantSpec> variants,
                        SweepSpec sweep, List<Diagnostic> warnings) {
        this(name, file, topology, durationNs, seed, warmupNs, probes, timeline, variants, sweep, warnings, LiveSpec.NONE);
    }

    /** The same scenario with other live attachments (the command line's {@code --live}). */
    public ScenarioSpec withLive(LiveSpec l) {
        return new ScenarioSpec(name, file, topology, durationNs, seed, warmupNs, probes, timeline, variants, sweep, warnings, l);
    }

    public ScenarioSpec {
        probes = List.copyOf(probes);
        timeline = List.copyOf(timeline);
        variants = List.copyOf(variants);
        warnings = List.copyOf(warnings);
    }
}
