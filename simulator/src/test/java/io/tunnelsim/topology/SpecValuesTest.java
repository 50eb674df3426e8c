package io.tunnelsim.topology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.tunnelsim.sim.SimTime;

class SpecValuesTest {

    @ParameterizedTest
    @CsvSource({"10s,10000000000", "250ms,250000000", "1m30s,90000000000", "100us,100000", "0,0", "0s,0", "1.5s,1500000000"})
    void durations(String text, long nanos) {
        assertEquals(nanos, SpecValues.duration(text));
    }

    @Test
    void durationErrorsSayWhatToWrite() {
        assertEquals("duration '10' has no unit (write 10s or 10ms)",
                assertThrows(IllegalArgumentException.class, () -> SpecValues.duration("10")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> SpecValues.duration("-1s"));
        assertThrows(IllegalArgumentException.class, () -> SpecValues.duration("10 parsecs"));
    }

    @ParameterizedTest
    @CsvSource({"100Mbps,100000000", "1.5Mbps,1500000", "64kbps,64000", "10Gbps,10000000000", "9600bps,9600", "100 Mbps,100000000"})
    void bandwidths(String text, long bps) {
        assertEquals(bps, SpecValues.bandwidth(text));
    }

    @Test
    void bandwidthErrors() {
        assertThrows(IllegalArgumentException.class, () -> SpecValues.bandwidth("100"));
        assertThrows(IllegalArgumentException.class, () -> SpecValues.bandwidth("100MBps"));
        assertThrows(IllegalArgumentException.class, () -> SpecValues.bandwidth("0Mbps"));
        assertThrows(IllegalArgumentException.class, () -> SpecValues.bandwidth("1.2.3Mbps"));
        assertThrows(IllegalArgumentException.class, () -> SpecValues.bandwidth("99999999999Gbps"));
    }

    @Test
    void fractions() {
        assertEquals(0.1, SpecValues.fraction("10%"), 1e-12);
        assertEquals(0.25, SpecValues.fraction("0.25"), 1e-12);
        assertEquals(1.0, SpecValues.fraction("1"), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> SpecValues.fraction("1.5"));
        assertThrows(IllegalArgumentException.class, () -> SpecValues.fraction("-0.1"));
        assertThrows(IllegalArgumentException.class, () -> SpecValues.fraction("NaN"));
    }

    @Test
    void integersAndHex() {
        assertEquals(0x1001, SpecValues.integer("0x1001"));
        assertEquals(4096, SpecValues.integer("4_096"));
        assertEquals("00ff10", SpecValues.hex("0x00:FF:10"));
        assertArrayEquals(new byte[] {0, (byte) 0xff, 0x10}, SpecValues.hexBytes("00ff10"));
        assertThrows(IllegalArgumentException.class, () -> SpecValues.hex("abc"));
        assertThrows(IllegalArgumentException.class, () -> SpecValues.integer("12abc"));
    }

    @Test
    void editDistanceAndSuggestions() {
        assertEquals(3, DidYouMean.distance("kitten", "sitting"));
        assertEquals(0, DidYouMean.distance("", ""));
        assertEquals(4, DidYouMean.distance("", "abcd"));
        assertEquals("interfaces", DidYouMean.closest("intrefaces", List.of("kind", "interfaces", "static")));
        assertEquals("Tunnel0", DidYouMean.closest("tunnel0", List.of("Tunnel0", "eth0")));
        assertNull(DidYouMean.closest("zzzzzz", List.of("kind", "ospf")));
        assertEquals(" (did you mean 'ospf'?)", DidYouMean.hint("opsf", List.of("rip", "ospf")));
    }

    @Test
    void simTimeIsTheUnit() {
        assertEquals(SimTime.SECOND, SpecValues.duration("1s"));
    }
}
