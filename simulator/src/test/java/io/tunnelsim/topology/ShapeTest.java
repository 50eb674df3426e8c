package io.tunnelsim.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.Node;

/** Readers read keys as their shapes declare them; the schema writer follows the shapes. */
class ShapeTest {

    private static final Shape.Obj TIMERS = Shape.obj("timers")
            .required("period", Shape.DURATION, "how often")
            .key("retries", Shape.integer(1, 10), "how many")
            .key("mode", Shape.choice("on", "off", "null"), "mode");

    private static YamlMap read(String yaml, Diagnostics d) {
        YamlContext ctx = new YamlContext("x.yaml", d);
        Node root = YamlSource.parse(yaml, "x.yaml", d);
        return ctx.map(root, "the timers", TIMERS);
    }

    @Test
    void unknownKeysAreRefusedWithAHintFromTheShape() {
        Diagnostics d = new Diagnostics();
        read("period: 5s\nretrys: 3\n", d);
        assertEquals("[x.yaml:2:1: error: unknown key 'retrys' (did you mean 'retries'?)]", d.sorted().toString());
    }

    @Test
    void gettersReadKeysAsDeclared() {
        Diagnostics d = new Diagnostics();
        YamlMap m = read("period: 5s\nretries: 3\nmode: off\n", d);
        assertEquals(5_000_000_000L, m.duration("period", 0));
        assertEquals(3, m.integer("retries", 0, 1, 10));
        assertEquals(3, m.integer("retries", 0, 2, 5)); // a range within the declared one is allowed
        Map<String, Integer> modes = new LinkedHashMap<>();
        modes.put("on", 1);
        modes.put("off", 0);
        modes.put("null", -1);
        assertEquals(0, m.choice("mode", modes, 9));
        assertEquals(List.of(), d.sorted());
    }

    @Test
    void aReaderThatDriftsFromItsShapeFailsAtOnce() {
        YamlMap m = read("period: 5s\nretries: 3\n", new Diagnostics());
        assertThrows(IllegalStateException.class, () -> m.get("jitter"));       // not declared
        assertThrows(IllegalStateException.class, () -> m.has("jitter"));
        assertThrows(IllegalStateException.class, () -> m.integer("period", 0, 1, 10)); // declared a duration
        assertThrows(IllegalStateException.class, () -> m.integer("retries", 0, 0, 10)); // looser than 1..10
        assertThrows(IllegalStateException.class, () -> m.bool("retries", false));
        assertThrows(IllegalStateException.class, () -> m.choice("mode", Map.of("on", 1), 0)); // other words
    }

    @Test
    void theSchemaFollowsTheShape() {
        Shape.Obj shared = Shape.named("shared", "used twice");
        shared.key("x", Shape.BOOL, null);
        Shape.Obj root = Shape.obj("root")
                .key("timers", TIMERS, "the timers")
                .key("a", shared, "first use")
                .key("b", Shape.namedMap("[a-z]+", shared), "second use")
                .key("items", Shape.list(Shape.IPV4_PREFIX), "prefixes");
        String s = JsonSchema.of(root, "t");
        assertTrue(s.startsWith("{\n  \"$schema\": \"http://json-schema.org/draft-07/schema#\",\n  \"title\": \"t\",\n"
                + "  \"type\": \"object\",\n"), s);
        // required keys, no other keys, a description per key
        assertTrue(s.contains("\"required\": [\"period\"]"), s);
        assertTrue(s.contains("\"additionalProperties\": false"), s);
        assertTrue(s.contains("\"description\": \"how many\""), s);
        // YAML 1.1 reads off as false and a bare null as null: both forms are accepted
        assertTrue(s.contains("\"enum\": [\"on\", \"off\", \"null\", true, false, null]"), s);
        // a named shape is defined once and referenced, its description kept beside the reference
        assertEquals(1, s.split("\"shared\": \\{", -1).length - 1, s);
        assertEquals(2, s.split("\"\\$ref\": \"#/definitions/shared\"", -1).length - 1, s);
        assertTrue(s.contains("\"propertyNames\": {\n"), s);
        assertTrue(s.contains("\"pattern\": \"^([a-z]+)$\""), s);
        assertTrue(s.endsWith("}\n") && !s.contains("\r"), s);
    }

    @Test
    void theSchemaQuotesTextAsTheJsonWriterDoes() {
        String text = "say \"hi\" \\ tab\there\r\nnext\u0001 \u2028 µs";
        Shape.Obj root = Shape.obj("root").key("k", Shape.BOOL, text);
        String s = JsonSchema.of(root, "t");
        StringBuilder quoted = new StringBuilder();
        io.tunnelsim.json.JsonWriter.quote(quoted, text);
        assertTrue(s.contains("\"description\": " + quoted + ",\n"), s);
        assertTrue(quoted.toString().contains("\\r\\n") && quoted.toString().contains("\\u0001")
                && quoted.toString().contains("\\u2028") && quoted.toString().contains("µs"), quoted.toString());
    }
}
