package io.tunnelsim.report.model;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * The outage of one action in one sweep trial (worst flow of that trial).
 *
 * @param seed     the trial's seed
 * @param outageNs outage; empty when some flow never recovered within the action's window
 */
public record OutageSample(long seed, OptionalLong outageNs) {
    public OutageSample {
        Objects.requireNonNull(outageNs, "outageNs");
    }

    public static OutageSample of(long seed, long outageNs) {
        return new OutageSample(seed, OptionalLong.of(outageNs));
    }

    public static OutageSample notRecovered(long seed) {
        return new OutageSample(seed, OptionalLong.empty());
    }
}
