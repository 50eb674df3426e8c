package io.tunnelsim.scenario;

import java.nio.file.Path;
import java.util.function.DoubleConsumer;

/**
 * How to run one variant.
 *
 * @param captureDir  where to write one pcap per link, or null for no capture
 * @param untilNs     stop time (at most the scenario duration), or -1 for the full duration
 * @param shiftNs     added to the time of every timeline action (sweeps move the failure), may be 0
 * @param seedOverride run seed instead of the scenario's, or null
 * @param progress    receives the fraction of simulated time done, or null
 * @param causes      follow the probes and gather the evidence of the outage chains
 *                    ({@link RunResult#causes()}); off, the run publishes no drop events at all
 */
public record RunOptions(Path captureDir, long untilNs, long shiftNs, Long seedOverride, DoubleConsumer progress,
                         boolean causes) {
    public static final RunOptions DEFAULT = new RunOptions(null, -1, 0, null, null, true);

    public RunOptions(Path captureDir, long untilNs, long shiftNs, Long seedOverride, DoubleConsumer progress) {
        this(captureDir, untilNs, shiftNs, seedOverride, progress, true);
    }

    /** These options without the evidence of outage causes (sweep trials, benchmarks). */
    public RunOptions withoutCauses() {
        return new RunOptions(captureDir, untilNs, shiftNs, seedOverride, progress, false);
    }

    public RunOptions withCapture(Path dir) {
        return new RunOptions(dir, untilNs, shiftNs, seedOverride, progress, causes);
    }

    public RunOptions withUntil(long until) {
        return new RunOptions(captureDir, until, shiftNs, seedOverride, progress, causes);
    }

    public RunOptions withShift(long shift, long seed) {
        return new RunOptions(captureDir, untilNs, shift, seed, progress, causes);
    }

    public RunOptions withProgress(DoubleConsumer p) {
        return new RunOptions(captureDir, untilNs, shiftNs, seedOverride, p, causes);
    }
}
