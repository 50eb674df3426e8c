package io.tunnelsim.report;

import io.tunnelsim.report.model.OutageSample;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/**
 * Order statistics of a set of sweep outage samples, by the nearest-rank method.
 *
 * <p><b>Nearest rank</b>: with the n samples sorted ascending, the p-th percentile (0 &lt; p ≤ 100)
 * is the sample at 1-based rank ⌈p/100 · n⌉. It is always one of the observed values, never an
 * interpolation. The median is the 50th percentile under the same rule (for even n, the lower of
 * the two middle values).
 *
 * <p>A trial that never recovered ranks above every finite outage (its outage is unbounded). A
 * statistic whose rank lands on such a trial is absent: the median of three trials with one
 * unrecovered is still finite, but the maximum is not.
 *
 * @param trials       number of trials
 * @param notRecovered trials that never recovered
 * @param minNs        smallest outage (absent when no trial recovered)
 * @param medianNs     50th percentile
 * @param p95Ns        95th percentile
 * @param maxNs        largest outage (absent when any trial never recovered)
 */
public record OutageStatistics(int trials, int notRecovered, OptionalLong minNs, OptionalLong medianNs,
                               OptionalLong p95Ns, OptionalLong maxNs) {

    public static OutageStatistics of(List<OutageSample> samples) {
        long[] finite = finiteSorted(samples);
        int n = samples.size();
        int unrecovered = n - finite.length;
        if (n == 0) {
            return new OutageStatistics(0, 0, OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
                    OptionalLong.empty());
        }
        return new OutageStatistics(n, unrecovered, atRank(finite, 1), percentile(finite, n, 50),
                percentile(finite, n, 95), atRank(finite, n));
    }

    /** Nearest-rank percentile of n samples of which the sorted finite ones are given. */
    static OptionalLong percentile(long[] sortedFinite, int n, int p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
        }
        // ceil(p * n / 100) in integers
        int rank = (int) ((p * (long) n + 99) / 100);
        return atRank(sortedFinite, Math.max(rank, 1));
    }

    private static OptionalLong atRank(long[] sortedFinite, int rank) {
        return rank <= sortedFinite.length ? OptionalLong.of(sortedFinite[rank - 1]) : OptionalLong.empty();
    }

    /** The finite outages, sorted ascending. */
    static long[] finiteSorted(List<OutageSample> samples) {
        long[] a = samples.stream().filter(s -> s.outageNs().isPresent())
                .mapToLong(s -> s.outageNs().getAsLong()).toArray();
        Arrays.sort(a);
        return a;
    }
}
