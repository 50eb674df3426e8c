package io.tunnelsim.topology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Predicate;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.addr.Ipv6Address;
import io.tunnelsim.addr.Ipv6Prefix;

/**
 * A YAML mapping whose keys were checked once (unknown keys get a did-you-mean, duplicates an
 * error) and whose values are read with typed getters. A getter that meets a bad value reports
 * it at the value's position and returns the fallback, so reading continues.
 *
 * <p>A map read against a {@link Shape.Obj} refuses the keys the shape does not declare, and
 * each getter checks that the key is declared with the type it reads (an integer range within
 * the declared one, the same words for a choice): a reader that drifts from its shape fails
 * on the first input that uses the key, so the JSON Schema written from the shapes stays true.
 */
public final class YamlMap {

    /** One key and its value, in file order. */
    public record Entry(String key, Node keyNode, Node value) {
    }

    private final YamlContext ctx;
    private final Node node;
    /** The declared keys, or null for user-named keys. */
    private final Shape.Obj shape;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private YamlMap(YamlContext ctx, Node node, Shape.Obj shape) {
        this.ctx = ctx;
        this.node = node;
        this.shape = shape;
    }

    static YamlMap empty(YamlContext ctx, Node node, Shape.Obj shape) {
        return new YamlMap(ctx, node, shape);
    }

    static YamlMap of(YamlContext ctx, MappingNode m, Shape.Obj shape) {
        YamlMap map = new YamlMap(ctx, m, shape);
        List<String> allowedList = shape == null ? null : Arrays.asList(shape.names());
        for (NodeTuple t : m.getValue()) {
            Node k = t.getKeyNode();
            if (!(k instanceof ScalarNode ks) || YamlContext.isNull(k)) {
                ctx.error(k, "expected a plain key, found " + YamlContext.kindOf(k));
                continue;
            }
            String key = ks.getValue();
            if (allowedList != null && !allowedList.contains(key)) {
                if (key.equals("<<")) {
                    ctx.error(k, "merge key '<<' needs an alias to a mapping (e.g. <<: *common)");
                } else {
                    ctx.error(k, "unknown key '" + YamlContext.abbreviate(key) + "'" + DidYouMean.hint(key, allowedList));
                }
                continue;
            }
            Entry first = map.entries.get(key);
            if (first != null) {
                ctx.error(k, "duplicate key '" + YamlContext.abbreviate(key) + "' (first written at line "
                        + ctx.at(first.keyNode()).line() + ")");
                continue;
            }
            map.entries.put(key, new Entry(key, k, t.getValueNode()));
        }
        return map;
    }

    public YamlContext context() {
        return ctx;
    }

    /** The mapping node itself (for its position). */
    public Node node() {
        return node;
    }

    public List<Entry> entries() {
        return new ArrayList<>(entries.values());
    }

    /** The shape the keys were checked against, or null for user-named keys. */
    public Shape.Obj shape() {
        return shape;
    }

    public boolean has(String key) {
        expect(key, s -> true, "a key");
        return entries.containsKey(key);
    }

    /** The value node, or {@code null} when the key is absent. */
    public Node get(String key) {
        expect(key, s -> true, "a key");
        Entry e = entries.get(key);
        return e == null ? null : e.value();
    }

    /** Reports a missing required key at the mapping and returns false. */
    public boolean require(String key, String what) {
        if (has(key)) {
            return true;
        }
        ctx.error(node, what + " needs '" + key + "'");
        return false;
    }

    public Location locationOf(String key) {
        Node v = get(key);
        return ctx.at(v != null ? v : node);
    }

    /** Value node of {@code key}, or the mapping when absent: the place to report a problem about the key. */
    public Node nodeFor(String key) {
        Node v = get(key);
        return v != null ? v : node;
    }

    public String string(String key, String fallback) {
        expect(key, s -> s instanceof Shape.Scalar, "text");
        Node v = get(key);
        if (v == null) {
            return fallback;
        }
        String s = ctx.string(v, "'" + key + "'");
        return s == null ? fallback : s;
    }

    public long integer(String key, long fallback, long min, long max) {
        expect(key, s -> s instanceof Shape.Int i && i.min() <= min && max <= i.max(), "an integer " + min + ".." + max);
        Node v = get(key);
        if (v == null) {
            return fallback;
        }
        String s = ctx.numberText(v, "'" + key + "'");
        if (s == null) {
            return fallback;
        }
        long n;
        try {
            n = SpecValues.integer(s);
        } catch (IllegalArgumentException e) {
            ctx.error(v, "expected a number for '" + key + "', found '" + YamlContext.abbreviate(s) + "'");
            return fallback;
        }
        if (n < min || n > max) {
            ctx.error(v, "'" + key + "' is " + n + ", outside " + min + ".." + max);
            return fallback;
        }
        return n;
    }

    public boolean bool(String key, boolean fallback) {
        expect(key, s -> s instanceof Shape.Bool, "true or false");
        Node v = get(key);
        if (v == null) {
            return fallback;
        }
        String s = ctx.string(v, "'" + key + "'");
        if (s == null) {
            return fallback;
        }
        switch (s) {
            case "true", "yes", "on", "True", "TRUE":
                return true;
            case "false", "no", "off", "False", "FALSE":
                return false;
            default:
                ctx.error(v, "expected true or false for '" + key + "', found '" + YamlContext.abbreviate(s) + "'");
                return fallback;
        }
    }

    public long duration(String key, long fallback) {
        OptionalLong d = optionalDuration(key);
        return d.isPresent() ? d.getAsLong() : fallback;
    }

    public OptionalLong optionalDuration(String key) {
        expect(key, s -> isText(s, Shape.Text.DURATION), "a duration");
        Node v = get(key);
        if (v == null) {
            return OptionalLong.empty();
        }
        String s = ctx.string(v, "duration '" + key + "'");
        if (s == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(SpecValues.duration(s));
        } catch (IllegalArgumentException e) {
            ctx.error(v, "'" + key + "': " + e.getMessage());
            return OptionalLong.empty();
        }
    }

    public long bandwidth(String key, long fallback) {
        expect(key, s -> isText(s, Shape.Text.BANDWIDTH), "a bandwidth");
        Node v = get(key);
        if (v == null) {
            return fallback;
        }
        String s = ctx.string(v, "bandwidth '" + key + "'");
        if (s == null) {
            return fallback;
        }
        try {
            return SpecValues.bandwidth(s);
        } catch (IllegalArgumentException e) {
            ctx.error(v, "'" + key + "': " + e.getMessage());
            return fallback;
        }
    }

    public double fraction(String key, double fallback) {
        expect(key, s -> isText(s, Shape.Text.FRACTION), "a ratio");
        Node v = get(key);
        if (v == null) {
            return fallback;
        }
        String s = ctx.numberText(v, "'" + key + "'");
        if (s == null) {
            return fallback;
        }
        try {
            return SpecValues.fraction(s);
        } catch (IllegalArgumentException e) {
            ctx.error(v, "'" + key + "': " + e.getMessage());
            return fallback;
        }
    }

    /** An IPv4 address, or {@code null} when absent or invalid (invalid is reported). */
    public Ipv4Address ipv4(String key) {
        expect(key, s -> isText(s, Shape.Text.IPV4) || isText(s, Shape.Text.IP), "an IPv4 address");
        Node v = get(key);
        if (v == null) {
            return null;
        }
        String s = ctx.string(v, "address '" + key + "'");
        if (s == null) {
            return null;
        }
        try {
            return Ipv4Address.parse(s.trim());
        } catch (IllegalArgumentException e) {
            ctx.error(v, "'" + key + "': " + e.getMessage() + (s.contains("/") ? " (an address here, without /length)" : ""));
            return null;
        }
    }

    /**
     * An IPv4 prefix {@code a.b.c.d/n}; {@code lengthRequired} rejects a bare address. Returns
     * {@code null} when absent or invalid.
     */
    public Ipv4Prefix ipv4Prefix(String key, boolean lengthRequired) {
        expect(key, s -> isText(s, Shape.Text.IPV4_PREFIX) || isText(s, Shape.Text.IP_PREFIX), "an IPv4 prefix");
        Node v = get(key);
        if (v == null) {
            return null;
        }
        String s = ctx.string(v, "prefix '" + key + "'");
        if (s == null) {
            return null;
        }
        s = s.trim();
        if (lengthRequired && !s.contains("/")) {
            if (!isIpv4(s)) {
                // only a real address gets "add a length": '12345' is no address at all
                ctx.error(v, "'" + key + "': '" + YamlContext.abbreviate(s) + "' is not an IPv4 address with a prefix length"
                        + " (write four dotted numbers and a length, e.g. 10.0.0.1/24)");
                return null;
            }
            ctx.error(v, "'" + key + "': '" + YamlContext.abbreviate(s) + "' has no prefix length (write e.g. " + YamlContext.abbreviate(s) + "/24)");
            return null;
        }
        try {
            return Ipv4Prefix.parse(s);
        } catch (IllegalArgumentException e) {
            ctx.error(v, "'" + key + "': " + e.getMessage());
            return null;
        }
    }

    private static boolean isIpv4(String s) {
        try {
            io.tunnelsim.addr.Ipv4Address.parse(s);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean isIpv6(String s) {
        try {
            io.tunnelsim.addr.Ipv6Address.parse(s);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    public Ipv6Prefix ipv6Prefix(String key, boolean lengthRequired) {
        expect(key, s -> isText(s, Shape.Text.IPV6_PREFIX) || isText(s, Shape.Text.IP_PREFIX), "an IPv6 prefix");
        Node v = get(key);
        if (v == null) {
            return null;
        }
        String s = ctx.string(v, "IPv6 prefix '" + key + "'");
        if (s == null) {
            return null;
        }
        s = s.trim();
        if (lengthRequired && !s.contains("/")) {
            if (!isIpv6(s)) {
                ctx.error(v, "'" + key + "': '" + YamlContext.abbreviate(s) + "' is not an IPv6 address with a prefix length"
                        + " (write e.g. 2001:db8::1/64)");
                return null;
            }
            ctx.error(v, "'" + key + "': '" + YamlContext.abbreviate(s) + "' has no prefix length (write e.g. " + YamlContext.abbreviate(s) + "/64)");
            return null;
        }
        try {
            return Ipv6Prefix.parse(s);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            ctx.error(v, "'" + key + "': '" + YamlContext.abbreviate(s) + "' is not an IPv6 prefix (write e.g. 2001:db8::1/64)");
            return null;
        }
    }

    public Ipv6Address ipv6(String key) {
        expect(key, s -> isText(s, Shape.Text.IPV6) || isText(s, Shape.Text.IP), "an IPv6 address");
        Node v = get(key);
        if (v == null) {
            return null;
        }
        String s = ctx.string(v, "IPv6 address '" + key + "'");
        if (s == null) {
            return null;
        }
        try {
            return Ipv6Address.parse(s.trim());
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            ctx.error(v, "'" + key + "': '" + YamlContext.abbreviate(s) + "' is not an IPv6 address");
            return null;
        }
    }

    /** One of a fixed set of words; a misspelling gets a did-you-mean. */
    public <E> E choice(String key, Map<String, E> choices, E fallback) {
        expect(key, s -> s instanceof Shape.Choice c && c.words().equals(List.copyOf(choices.keySet())),
                "one of " + choices.keySet());
        Node v = get(key);
        if (v == null) {
            return fallback;
        }
        // a bare null is a YAML null, but also a legitimate word here (esp: null)
        String s = YamlContext.isNull(v) && choices.containsKey("null") ? "null" : ctx.string(v, "'" + key + "'");
        if (s == null) {
            return fallback;
        }
        E e = choices.get(s);
        if (e == null) {
            ctx.error(v, "unknown " + key + " '" + YamlContext.abbreviate(s) + "'" + DidYouMean.hint(s, choices.keySet()));
            return fallback;
        }
        return e;
    }

    private static boolean isText(Shape s, Shape.Text t) {
        return s instanceof Shape.Scalar sc && sc.text() == t;
    }

    /** Fails (a programming error, not an input error) when {@code key} is not declared as read. */
    private void expect(String key, Predicate<Shape> ok, String as) {
        if (shape == null) {
            return;
        }
        Shape.Key k = shape.key(key);
        if (k == null) {
            throw new IllegalStateException("key '" + key + "' is read but not declared in " + shape);
        }
        if (!matches(k.shape(), ok)) {
            throw new IllegalStateException("key '" + key + "' of " + shape + " is declared as " + k.shape()
                    + " but read as " + as);
        }
    }

    private static boolean matches(Shape s, Predicate<Shape> ok) {
        if (s instanceof Shape.AnyOf a) {
            return a.options().stream().anyMatch(o -> matches(o, ok));
        }
        return ok.test(s);
    }
}
