package io.tunnelsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.json.JsonWriter;
import io.tunnelsim.report.model.ComparisonReport;
import io.tunnelsim.report.model.VariantResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Random;

class JsonWriterTest {

    private static String quoted(String s) {
        StringBuilder sb = new StringBuilder();
        JsonWriter.quote(sb, s);
        return sb.toString();
    }

    @Test
    void escapesPerRfc8259() {
        assertEquals("\"a\\\"b\\\\c\"", quoted("a\"b\\c"));
        assertEquals("\"\\b\\f\\n\\r\\t\"", quoted("\b\f\n\r\t"));
        assertEquals("\"\\u0000\\u001f\\u0001\"", quoted("\u0000\u001f\u0001"));
        assertEquals("\"/ é € \uD83D\uDE00\"", quoted("/ é € \uD83D\uDE00"), "non-ASCII written as-is");
        assertEquals("\"\\u2028\\u2029\"", quoted("\u2028\u2029"));
        assertEquals("\"\\ud83d x \\ude00\"", quoted("\uD83D x \uDE00"), "lone surrogates escaped");
        assertEquals("\"\u007f\"", quoted("\u007f"), "DEL needs no escape");
    }

    @Test
    void prettyPrintsWithStableLayout() {
        String json = new JsonWriter().beginObject()
                .member("name", "ospf")
                .member("n", 3)
                .member("ok", true)
                .name("empty").beginArray().endArray()
                .name("emptyObj").beginObject().endObject()
                .name("list").beginArray().value(1).value("x").nullValue().endArray()
                .name("t").seconds(1_500_000_000L)
                .endObject().toJson();
        String expected = """
                {
                  "name": "ospf",
                  "n": 3,
                  "ok": true,
                  "empty": [],
                  "emptyObj": {},
                  "list": [
                    1,
                    "x",
                    null
                  ],
                  "t": 1.500000000
                }
                """;
        assertEquals(expected, json);
    }

    @Test
    void misuseIsAnIllegalState() {
        assertThrows(IllegalStateException.class, () -> new JsonWriter().value(1));
        assertThrows(IllegalStateException.class, () -> new JsonWriter().beginObject().value(1));
        assertThrows(IllegalStateException.class, () -> new JsonWriter().beginArray().name("x"));
        assertThrows(IllegalStateException.class, () -> new JsonWriter().beginObject().endArray());
        assertThrows(IllegalStateException.class, () -> new JsonWriter().beginObject().name("a").endObject());
        assertThrows(IllegalStateException.class, () -> new JsonWriter().beginObject().toJson());
        assertThrows(IllegalStateException.class, () -> new JsonWriter().beginObject().endObject().beginArray());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 7, 42, 1234, 99999})
    void randomStringsRoundTripThroughAParser(long seed) {
        Random random = new Random(seed);
        for (int n = 0; n < 50; n++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(40);
            for (int k = 0; k < len; k++) {
                // mostly ASCII incl. controls, some BMP text
                sb.append(random.nextInt(4) == 0 ? (char) (0xA0 + random.nextInt(0xD000)) : (char) random.nextInt(0x80));
            }
            String s = sb.toString();
            String json = new JsonWriter().beginArray().value(s).endArray().toJson();
            assertEquals(List.of(s), MiniJson.parse(json));
        }
    }

    @ParameterizedTest
    @CsvSource({"0,0.000000000", "1,0.000000001", "1500000000,1.500000000", "-1,-0.000000001",
            "-2500000000,-2.500000000", "123456789012345,123456.789012345"})
    void secondsHaveNineExactDecimals(long ns, String text) {
        assertEquals(text, Seconds.format(ns));
    }

    @ParameterizedTest
    @CsvSource({"0,0.000", "499999,0.000", "500000,0.001", "1234567890,1.235", "-1500000,-0.002", "-400000,0.000",
            "60000000000,60.000"})
    void millisecondsForPeopleRoundHalfUp(long ns, String text) {
        assertEquals(text, Seconds.formatMillis(ns));
    }

    @Test
    @SuppressWarnings("unchecked")
    void summaryJsonParsesAndCarriesNullForNeverRecovered() {
        ComparisonReport c = SampleData.comparison();
        String json = SummaryJson.comparison(c.scenario(), c.variants());
        Map<String, Object> root = (Map<String, Object>) MiniJson.parse(json);
        assertEquals(List.of("format", "format_version", "tool", "kind", "scenario", "variants"), List.copyOf(root.keySet()));
        assertEquals("comparison", root.get("kind"));
        Map<String, Object> scenario = (Map<String, Object>) root.get("scenario");
        assertEquals(new BigDecimal("120.000000000"), scenario.get("duration_s"));
        assertEquals(new BigDecimal("42"), scenario.get("seed"));
        List<Object> variants = (List<Object>) root.get("variants");
        assertEquals(3, variants.size());
        Map<String, Object> rip = (Map<String, Object>) variants.get(1);
        assertEquals("rip", rip.get("name"));
        Map<String, Object> ripFail = (Map<String, Object>) ((List<Object>) rip.get("actions")).get(0);
        assertEquals(Boolean.FALSE, ripFail.get("recovered"));
        assertSame(MiniJson.NULL, ripFail.get("longest_loss_window_s"));
        assertEquals("not-recovered-before-next-action", ripFail.get("outcome"));
        assertEquals("restore isp-a", ripFail.get("next_action"));
        assertEquals(new BigDecimal("50.000000000"), ripFail.get("outage_at_least_s"));
        Map<String, Object> ospf = (Map<String, Object>) variants.get(2);
        Map<String, Object> ospfFail = (Map<String, Object>) ((List<Object>) ospf.get("actions")).get(0);
        assertEquals(new BigDecimal("40.613000000"), ospfFail.get("longest_loss_window_s"), "flow b: first loss at 30.05 s, delivery at 70.663 s");
        assertEquals(new BigDecimal("40.663000000"), ospfFail.get("recovery_s"));
        assertEquals(Boolean.TRUE, ospfFail.get("recovered"));
        assertTrue(json.endsWith("}\n"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void sweepJsonCarriesStatisticsAndSamples() {
        var sweep = SampleData.sweep();
        Map<String, Object> root = (Map<String, Object>) MiniJson.parse(SummaryJson.sweep(sweep.scenario(), sweep.sweep()));
        List<Object> variants = (List<Object>) root.get("sweep");
        Map<String, Object> rip = (Map<String, Object>) variants.get(1);
        Map<String, Object> a = (Map<String, Object>) ((List<Object>) rip.get("actions")).get(0);
        assertEquals(new BigDecimal("20"), a.get("trials"));
        assertEquals(new BigDecimal("2"), a.get("not_recovered"));
        assertSame(MiniJson.NULL, a.get("max_s"));
        assertEquals(20, ((List<Object>) a.get("samples")).size());
    }

    @Test
    void sameInputGivesSameText() {
        ComparisonReport a = SampleData.comparison();
        ComparisonReport b = SampleData.comparison();
        assertEquals(SummaryJson.comparison(a.scenario(), a.variants()), SummaryJson.comparison(b.scenario(), b.variants()));
        VariantResult v = a.variants().get(0);
        assertEquals(SummaryJson.run(a.scenario(), v), SummaryJson.run(b.scenario(), b.variants().get(0)));
    }
}
