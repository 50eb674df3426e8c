package io.tunnelsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tunnelsim.report.model.OutageSample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

class OutageStatisticsTest {

    private static final long[] CLASSIC = {15, 20, 35, 40, 50};

    @ParameterizedTest
    @CsvSource({"5,15", "20,15", "30,20", "40,20", "50,35", "60,35", "75,40", "95,50", "100,50"})
    void nearestRankOnTheTextbookExample(int p, long expected) {
        assertEquals(OptionalLong.of(expected), OutageStatistics.percentile(CLASSIC, CLASSIC.length, p));
    }

    @Test
    void medianOfEvenCountIsTheLowerMiddle() {
        assertEquals(OptionalLong.of(2), OutageStatistics.percentile(new long[] {1, 2, 3, 4}, 4, 50));
    }

    @Test
    void invalidPercentileRejected() {
        assertThrows(IllegalArgumentException.class, () -> OutageStatistics.percentile(CLASSIC, 5, 0));
        assertThrows(IllegalArgumentException.class, () -> OutageStatistics.percentile(CLASSIC, 5, 101));
    }

    @Test
    void statisticsOverSamplesInAnyOrder() {
        List<OutageSample> s = new ArrayList<>();
        long[] values = {40, 15, 50, 35, 20};
        for (int i = 0; i < values.length; i++) {
            s.add(OutageSample.of(i, values[i]));
        }
        OutageStatistics st = OutageStatistics.of(s);
        assertEquals(5, st.trials());
        assertEquals(0, st.notRecovered());
        assertEquals(OptionalLong.of(15), st.minNs());
        assertEquals(OptionalLong.of(35), st.medianNs());
        assertEquals(OptionalLong.of(50), st.p95Ns());
        assertEquals(OptionalLong.of(50), st.maxNs());
    }

    @Test
    void unrecoveredTrialsRankAboveEveryFiniteOutage() {
        List<OutageSample> s = List.of(OutageSample.of(1, 10), OutageSample.notRecovered(2), OutageSample.of(3, 30));
        OutageStatistics st = OutageStatistics.of(s);
        assertEquals(1, st.notRecovered());
        assertEquals(OptionalLong.of(10), st.minNs());
        assertEquals(OptionalLong.of(30), st.medianNs(), "rank ceil(1.5) = 2 of {10, 30, never}");
        assertEquals(OptionalLong.empty(), st.p95Ns());
        assertEquals(OptionalLong.empty(), st.maxNs());
    }

    @Test
    void noTrialAtAll() {
        OutageStatistics st = OutageStatistics.of(List.of());
        assertEquals(0, st.trials());
        assertEquals(OptionalLong.empty(), st.medianNs());
    }
}
