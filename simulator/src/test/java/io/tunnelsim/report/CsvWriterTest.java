package io.tunnelsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.report.model.ActionKind;
import io.tunnelsim.report.model.ActionResult;
import io.tunnelsim.report.model.OutageSample;
import io.tunnelsim.report.model.ProbeRecord;
import io.tunnelsim.report.model.SweepResult;
import io.tunnelsim.report.model.TimelineAction;
import io.tunnelsim.report.model.VariantResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

class CsvWriterTest {

    private static String field(String v) {
        StringBuilder sb = new StringBuilder();
        CsvWriter.field(sb, v);
        return sb.toString();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "plain|plain",
        "''|''",
        "a,b|'\"a,b\"'",
        "say \"hi\"|'\"say \"\"hi\"\"\"'",
        "'  spaces kept  '|'  spaces kept  '",
        "site-a->hq|site-a->hq",
    })
    void quotesOnlyWhenRequired(String in, String out) {
        assertEquals(out, field(in));
    }

    @Test
    void lineBreaksInsideFieldsAreQuoted() {
        assertEquals("\"a\nb\"", field("a\nb"));
        assertEquals("\"a\r\nb\"", field("a\r\nb"));
        assertEquals("\"\"\"\"", field("\""));
    }

    @Test
    void recordsEndWithLf() {
        String csv = new CsvWriter("a", "b").row("1", "x,y").toCsv();
        assertEquals("a,b\n1,\"x,y\"\n", csv);
    }

    @Test
    void wrongFieldCountRejected() {
        assertThrows(IllegalArgumentException.class, () -> new CsvWriter("a", "b").row("1"));
        assertThrows(IllegalArgumentException.class, () -> new CsvWriter(List.of()));
    }

    @Test
    void probesCsvLeavesLostProbesEmpty() {
        List<ProbeRecord> probes = List.of(new ProbeRecord("a,b", 0, 1_000_000_000L, 1_012_000_000L),
                ProbeRecord.lost("a,b", 1, 1_200_000_000L), new ProbeRecord("a,b", 2, 1_400_000_000L, 1_412_000_000L),
                ProbeRecord.lost("a,b", 3, 9_000_000_000L));
        String csv = Tables.probes(probes, 10_000_000_000L);
        assertEquals("flow,seq,sent_s,received_s,status\n"
                + "\"a,b\",0,1.000000000,1.012000000,delivered\n"
                + "\"a,b\",1,1.200000000,,lost\n"
                + "\"a,b\",2,1.400000000,1.412000000,delivered\n"
                + "\"a,b\",3,9.000000000,,in-flight\n", csv);
        assertFalse(csv.contains("\r"), "LF line endings");
    }

    @Test
    void convergenceAndComparisonRows() {
        long s = 1_000_000_000L;
        List<ProbeRecord> probes = List.of(
                new ProbeRecord("f", 0, 0, 1000), ProbeRecord.lost("f", 1, 2 * s), new ProbeRecord("f", 2, 3 * s, 3 * s + 1000),
                ProbeRecord.lost("f", 3, 6 * s));
        List<TimelineAction> actions = List.of(new TimelineAction("fail \"A\"", 2 * s, ActionKind.FAILURE),
                new TimelineAction("restore", 5 * s, ActionKind.RESTORATION));
        List<ActionResult> results = ConvergenceAnalyzer.analyze(probes, actions, 9 * s, List.of(), List.of());
        VariantResult v = new VariantResult("ospf", results, probes, List.of(), new TreeMap<>(), 10,
                ConvergenceAnalyzer.startup(probes, actions, 9 * s), 9 * s);
        assertEquals("variant,action,at_s,flow,outcome,loss_windows,longest_loss_window_s,time_without_delivery_s,"
                + "recovery_s,zero_loss_s,outage_at_least_s,lost,in_flight,control_plane_s\n"
                + "ospf,\"fail \"\"A\"\"\",2.000000000,f,recovered,1,1.000001000,1.000001000,1.000001000,1.000000000,,1,0,\n"
                + "ospf,restore,5.000000000,f,not-recovered-by-end-of-run,1,,,,,3.000000000,1,0,\n",
                Tables.convergence(List.of(v)));
        assertEquals("variant,action,at_s,outcome,longest_loss_window_s,time_without_delivery_s,recovery_s,"
                + "outage_at_least_s,lost_probes,in_flight_probes,flows_never_worked,control_plane_s\n"
                + "ospf,\"fail \"\"A\"\"\",2.000000000,recovered,1.000001000,1.000001000,1.000001000,,1,0,0,\n"
                + "ospf,restore,5.000000000,not-recovered-by-end-of-run,,,,3.000000000,1,0,0,\n",
                Tables.comparison(List.of(v)));
    }

    @Test
    void sweepCsvUsesNearestRankAndEmptyForUnreachedRanks() {
        long s = 1_000_000_000L;
        Map<String, Map<String, List<OutageSample>>> samples = new LinkedHashMap<>();
        samples.put("rip", Map.of("fail", List.of(OutageSample.of(1, 3 * s), OutageSample.notRecovered(2),
                OutageSample.of(3, s))));
        String csv = Tables.sweep(new SweepResult(samples));
        assertEquals("variant,action,trials,min_s,median_s,p95_s,max_s,not_recovered\n"
                + "rip,fail,3,1.000000000,3.000000000,,,1\n", csv);
    }

    @Test
    void tablesDoNotDependOnTheDefaultLocale() {
        java.util.Locale saved = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.GERMANY);
            String csv = Tables.comparison(SampleData.comparison().variants());
            assertTrue(csv.contains("31.463000000"), csv);
        } finally {
            java.util.Locale.setDefault(saved);
        }
    }
}
