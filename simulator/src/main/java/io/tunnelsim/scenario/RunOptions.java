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
 */
public record RunOptions(Path captureDir, long untilNs, long shiftNs, Long seedOverride, DoubleConsumer progress) {
    public static final RunOptions DEFAULT = new RunOptions(null, -1, 0, null, null);

    public RunOptions withCapture(Path dir) {
        return new RunOptions(dir, untilNs, shiftNs, seedOverride, progress);
    }

    public RunOptions withUntil(long until) {
        return new RunOptions(captureDir, until, shiftNs, seedOverride, progress);
    }

    public RunOptions withShift(long shift, long seed) {
        return new RunOptions(captureDir, untilNs, shift, seed, progress);
    }

    public RunOptions withProgress(DoubleConsumer p) {
        return new RunOptions(captureDir, untilNs, shiftNs, seedOverride, p);
    }
}
