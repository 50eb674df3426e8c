package io.tunnelsim.topology;

import io.tunnelsim.json.JsonWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link Shape} as a JSON Schema (draft-07) for editors: every mapping refuses the keys
 * its shape does not declare, required keys are listed, and each key carries its description.
 * The schema follows what the readers accept: a YAML 1.1 word that a parser may turn into a
 * boolean or null ({@code off}, {@code null}) is accepted in both forms, an empty value stands
 * for an empty mapping or list, and text keys take any scalar. The output is deterministic
 * (declaration order, LF line ends) so that the committed files can be compared byte for byte.
 * Strings are escaped by {@link JsonWriter#quote}, the one JSON escaper; the layout (short lists
 * on one line) is this class's own.
 */
public final class JsonSchema {

    static final String DRAFT_07 = "http://json-schema.org/draft-07/schema#";

    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private static final String V4 = OCTET + "(\\." + OCTET + "){3}";
    private static final String V6 = "[0-9A-Fa-f]{0,4}(:[0-9A-Fa-f]{0,4}){2,7}(:" + V4 + ")?";
    private static final String NUMBER = "([0-9]+(\\.[0-9]*)?|\\.[0-9]+)";

    private final Map<String, Object> definitions = new LinkedHashMap<>();
    private final Map<String, Shape.Obj> defined = new LinkedHashMap<>();

    private JsonSchema() {
    }

    /** The schema of a whole document whose root is {@code root}, as JSON text ending in a newline. */
    public static String of(Shape.Obj root, String title) {
        JsonSchema w = new JsonSchema();
        Map<String, Object> body = w.object(root);
        body.put("type", "object");
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("$schema", DRAFT_07);
        top.put("title", title);
        top.putAll(body);
        if (!w.definitions.isEmpty()) {
            top.put("definitions", w.definitions);
        }
        StringBuilder sb = new StringBuilder();
        write(sb, top, 0);
        return sb.append('\n').toString();
    }

    private Object schema(Shape s) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (s instanceof Shape.Obj o) {
            if (o.id() == null) {
                return object(o);
            }
            Shape.Obj earlier = defined.putIfAbsent(o.id(), o);
            if (earlier != null && earlier != o) {
                throw new IllegalStateException("two shapes named '" + o.id() + "'");
            }
            if (earlier == null) {
                definitions.put(o.id(), null); // reserve the place before the keys add their own
                definitions.put(o.id(), object(o));
            }
            m.put("$ref", "#/definitions/" + o.id());
        } else if (s instanceof Shape.Scalar sc) {
            scalar(sc.text(), m);
        } else if (s instanceof Shape.Int i) {
            m.put("type", "integer");
            m.put("minimum", i.min());
            m.put("maximum", i.max());
        } else if (s instanceof Shape.Bool) {
            m.put("type", "boolean");
        } else if (s instanceof Shape.Choice c) {
            m.put("enum", words(c.words()));
        } else if (s instanceof Shape.ListOf l) {
            m.put("type", List.of("array", "null"));
            m.put("items", schema(l.item()));
        } else if (s instanceof Shape.Named n) {
            m.put("type", List.of("object", "null"));
            if (n.keyPattern() != null) {
                m.put("propertyNames", Map.of("pattern", "^(" + n.keyPattern() + ")$"));
            }
            m.put("additionalProperties", schema(n.value()));
        } else if (s instanceof Shape.AnyOf a) {
            List<Object> options = new ArrayList<>();
            for (Shape o : a.options()) {
                options.add(schema(o));
            }
            m.put("anyOf", options);
        } else {
            throw new IllegalStateException("no schema for " + s);
        }
        return m;
    }

    private Map<String, Object> object(Shape.Obj o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", List.of("object", "null"));
        if (o.description() != null) {
            m.put("description", o.description());
        }
        Map<String, Object> props = new LinkedHashMap<>();
        List<Object> required = new ArrayList<>();
        for (Shape.Key k : o.keys()) {
            Object s = schema(k.shape());
            Map<String, Object> p = new LinkedHashMap<>();
            if (k.description() != null) {
                p.put("description", k.description());
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> sm = (Map<String, Object>) s;
            if (sm.containsKey("$ref")) {
                // draft-07 ignores the siblings of $ref: keep the description beside it
                p.put("allOf", List.of(sm));
            } else {
                if (k.description() != null) {
                    sm.remove("description"); // the key's words over the shape's
                }
                p.putAll(sm);
            }
            props.put(k.name(), p);
            if (k.required()) {
                required.add(k.name());
            }
        }
        m.put("properties", props);
        if (!required.isEmpty()) {
            m.put("required", required);
        }
        m.put("additionalProperties", false);
        return m;
    }

    private static void scalar(Shape.Text t, Map<String, Object> m) {
        switch (t) {
            case ANY -> m.put("type", List.of("string", "number", "boolean"));
            case DURATION -> {
                // a bare 0 is a duration too, and YAML reads it as a number
                m.put("type", List.of("string", "integer"));
                m.put("pattern", "^\\s*(" + NUMBER + " *(ns|us|µs|ms|s|m|min|h))+\\s*$|^\\s*0+(\\.0*)?\\s*$");
                m.put("minimum", 0L);
                m.put("maximum", 0L);
            }
            case BANDWIDTH -> {
                m.put("type", "string");
                m.put("pattern", "^\\s*" + NUMBER + "\\s*(bps|kbps|Kbps|Mbps|mbps|Gbps|gbps)\\s*$");
            }
            case FRACTION -> {
                m.put("type", List.of("number", "string"));
                m.put("minimum", 0L);
                m.put("maximum", 1L);
                m.put("pattern", "^\\s*" + NUMBER + "\\s*%?\\s*$");
            }
            case IPV4 -> text(m, V4);
            case IPV4_PREFIX -> text(m, V4 + "/([0-9]|[12][0-9]|3[0-2])");
            case IPV6 -> text(m, V6);
            case IPV6_PREFIX -> text(m, V6 + "/([0-9]|[1-9][0-9]|1[01][0-9]|12[0-8])");
            case IP -> text(m, V4 + "|" + V6);
            case IP_PREFIX -> text(m, V4 + "/([0-9]|[12][0-9]|3[0-2])|" + V6 + "/([0-9]|[1-9][0-9]|1[01][0-9]|12[0-8])");
            case ENDPOINT -> text(m, TopologyReader.NODE_NAME.pattern() + ":" + TopologyReader.IFACE_NAME.pattern());
            case HEX -> {
                // 0x... unquoted is a YAML integer; the reader takes the digits as written
                m.put("type", List.of("string", "integer"));
                m.put("pattern", "^\\s*(0[xX])?[0-9A-Fa-f: ]+\\s*$");
            }
            default -> throw new IllegalStateException(t.toString());
        }
    }

    private static void text(Map<String, Object> m, String pattern) {
        m.put("type", "string");
        m.put("pattern", "^\\s*(" + pattern + ")\\s*$");
    }

    /** The words, and the boolean or null a YAML 1.1 parser makes of some of them. */
    private static List<Object> words(List<String> words) {
        List<Object> out = new ArrayList<>(words);
        for (String w : words) {
            Object v = switch (w) {
                case "null", "~" -> null;
                case "on", "yes", "true" -> Boolean.TRUE;
                case "off", "no", "false" -> Boolean.FALSE;
                default -> w;
            };
            if (v != w && !out.contains(v)) {
                out.add(v);
            }
        }
        return out;
    }

    // ---- JSON text ----

    private static void write(StringBuilder sb, Object v, int indent) {
        if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append("{\n");
            int i = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                pad(sb, indent + 1);
                string(sb, (String) e.getKey());
                sb.append(": ");
                write(sb, e.getValue(), indent + 1);
                sb.append(++i < m.size() ? ",\n" : "\n");
            }
            pad(sb, indent);
            sb.append('}');
        } else if (v instanceof List<?> l) {
            boolean flat = l.stream().noneMatch(x -> x instanceof Map || x instanceof List);
            if (flat) {
                sb.append('[');
                for (int i = 0; i < l.size(); i++) {
                    write(sb, l.get(i), indent);
                    if (i + 1 < l.size()) {
                        sb.append(", ");
                    }
                }
                sb.append(']');
                return;
            }
            sb.append("[\n");
            for (int i = 0; i < l.size(); i++) {
                pad(sb, indent + 1);
                write(sb, l.get(i), indent + 1);
                sb.append(i + 1 < l.size() ? ",\n" : "\n");
            }
            pad(sb, indent);
            sb.append(']');
        } else if (v instanceof String s) {
            string(sb, s);
        } else if (v == null) {
            sb.append("null");
        } else {
            sb.append(v); // Long, Boolean
        }
    }

    private static void pad(StringBuilder sb, int indent) {
        sb.append("  ".repeat(indent));
    }

    private static void string(StringBuilder sb, String s) {
        JsonWriter.quote(sb, s);
    }
}
