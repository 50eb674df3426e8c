package io.tunnelsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void recordsEndWithCrlf() {
        String csv = new CsvWriter("a", "b").row("1", "x,y").toCsv();
        assertEquals("a,b\r\n1,\"x,y\"\r\n", csv);
    }

    @Test
    void wrongFieldCountRejected() {
        assertThrows(IllegalArgumentException.class, () -> new CsvWriter("a", "b").row("1"));
        assertThrows(IllegalArgumentException.class, () -> new CsvWriter(List.of()));
    }

    @Test
    void probesCsvLeavesLostProbesEmpty() {
        String csv = Tables.probes(List.of(new ProbeRecord("a,b", 0, 1_000_000_000L, 1_012_000_000L),
                ProbeRecord.lost("a,b", 1, 1_200_000_000L)));
        assertEquals("flow,seq,sent_s,received_s\r\n"
                + "\"a,b\",0,1.000000000,1.012000000\r\n"
                + "\"a,b\",1,1.200000000,\r\n", csv);
    }

    @Test
    void convergenceAndComparisonRows() {
        long s = 1_000_000_000L;
        List<ProbeRecord> probes = List.of(
                new ProbeRecord("f", 0, 0, 1000), ProbeRecord.lost("f", 1, 2 * s), new ProbeRecord("f", 2, 3 * s, 3 * s + 1000),
                ProbeRecord.lost("f", 3, 6 * s));
        List<TimelineAction> actions = List.of(new TimelineAction("fail \"A\"", 2 * s, ActionKind.FAILURE),
                new TimelineAction("restore", 5 * s, ActionKind.RESTORATION));
        List<ActionResult> results = ConvergenceAnalyzer.analyze(probes, actions, 7 * s, List.of(), List.of());
        VariantResult v = new VariantResult("ospf", results, probes, List.of(), new TreeMap<>(), 10);
        assertEquals("variant,action,at_s,flow,outage_s,lost,zero_loss_s,recovered,control_plane_s\r\n"
                + "ospf,\"fail \"\"A\"\"\",2.000000000,f,1.000001000,1,1.000000000,true,\r\n"
                + "ospf,restore,5.000000000,f,,1,,false,\r\n", Tables.convergence(List.of(v)));
        assertEquals("variant,action,outage_s,lost_probes,control_plane_s,recovered\r\n"
                + "ospf,\"fail \"\"A\"\"\",1.000001000,1,,true\r\n"
                + "ospf,restore,,1,,false\r\n", Tables.comparison(List.of(v)));
    }

    @Test
    void sweepCsvUsesNearestRankAndEmptyForUnreachedRanks() {
        long s = 1_000_000_000L;
        Map<String, Map<String, List<OutageSample>>> samples = new LinkedHashMap<>();
        samples.put("rip", Map.of("fail", List.of(OutageSample.of(1, 3 * s), OutageSample.notRecovered(2),
                OutageSample.of(3, s))));
        String csv = Tables.sweep(new SweepResult(samples));
        assertEquals("variant,action,trials,min_s,median_s,p95_s,max_s,not_recovered\r\n"
                + "rip,fail,3,1.000000000,3.000000000,,,1\r\n", csv);
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
