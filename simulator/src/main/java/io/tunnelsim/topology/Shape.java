package io.tunnelsim.topology;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The declared shape of a YAML value: the one definition of which keys a mapping has and what
 * each holds. The readers refuse unknown keys by it ({@link YamlContext#map(org.yaml.snakeyaml.nodes.Node,
 * String, Shape.Obj)}) and their typed getters check they read a key as it is declared;
 * {@link JsonSchema} writes the same definitions as a JSON Schema for editors. A reader may be
 * stricter than its shape where a rule depends on other keys (a required key of one mode only,
 * a range that depends on the probe type); it is never looser.
 */
public sealed interface Shape {

    /** Text forms with a fixed syntax; each maps to a JSON Schema string pattern. */
    enum Text {
        /** Any text (names, free words). */
        ANY,
        /** A duration with unit ({@code 10s}, {@code 250ms}, {@code 1m30s}), or a bare 0. */
        DURATION,
        /** A bandwidth with unit ({@code 100Mbps}, {@code 64kbps}). */
        BANDWIDTH,
        /** A ratio 0..1 or a percentage ({@code 0.1}, {@code "10%"}). */
        FRACTION,
        /** An IPv4 address. */
        IPV4,
        /** An IPv4 address with prefix length. */
        IPV4_PREFIX,
        /** An IPv6 address. */
        IPV6,
        /** An IPv6 address with prefix length. */
        IPV6_PREFIX,
        /** An IPv4 or IPv6 address. */
        IP,
        /** An IPv4 or IPv6 prefix. */
        IP_PREFIX,
        /** {@code node:interface}. */
        ENDPOINT,
        /** Hex key material. */
        HEX
    }

    /** A scalar of one text form. */
    record Scalar(Text text) implements Shape {
    }

    /** A whole number in {@code min..max}. */
    record Int(long min, long max) implements Shape {
    }

    /** true or false. */
    record Bool() implements Shape {
    }

    /** One of fixed words, in the order a did-you-mean offers them. */
    record Choice(List<String> words) implements Shape {
        public Choice {
            words = List.copyOf(words);
        }
    }

    /** A list of items of one shape; an empty value counts as an empty list. */
    record ListOf(Shape item) implements Shape {
    }

    /**
     * A mapping whose keys the user names (nodes, interfaces, profiles); {@code keyPattern} (a
     * regular expression or null) is what the reader accepts as a name.
     */
    record Named(String keyPattern, Shape value) implements Shape {
    }

    /** Any of several shapes ({@code keepalive: true} or {@code keepalive: {period: 5s}}). */
    record AnyOf(List<Shape> options) implements Shape {
        public AnyOf {
            options = List.copyOf(options);
        }
    }

    /** One key of a mapping. */
    record Key(String name, Shape shape, boolean required, String description) {
    }

    /**
     * A mapping of fixed keys, in the order the readers offer them as did-you-mean candidates.
     * {@code id} names the shape where it is referenced more than once in a schema (or null);
     * an empty value ({@code key:}) counts as an empty mapping.
     */
    final class Obj implements Shape {
        private final String id;
        private final String description;
        private final Map<String, Key> keys = new LinkedHashMap<>();

        private Obj(String id, String description) {
            this.id = id;
            this.description = description;
        }

        public String id() {
            return id;
        }

        public String description() {
            return description;
        }

        public Collection<Key> keys() {
            return keys.values();
        }

        /** The key names, declaration order. */
        public String[] names() {
            return keys.keySet().toArray(new String[0]);
        }

        public boolean has(String name) {
            return keys.containsKey(name);
        }

        /** The declared key, or null. */
        public Key key(String name) {
            return keys.get(name);
        }

        /** Adds an optional key. */
        public Obj key(String name, Shape shape, String description) {
            return add(new Key(name, shape, false, description));
        }

        /** Adds a key the mapping must have. */
        public Obj required(String name, Shape shape, String description) {
            return add(new Key(name, shape, true, description));
        }

        /** Adds every key of {@code other} (shared key groups such as BFD timers). */
        public Obj keysOf(Obj other) {
            for (Key k : other.keys()) {
                add(k);
            }
            return this;
        }

        private Obj add(Key k) {
            if (keys.putIfAbsent(k.name(), k) != null) {
                throw new IllegalStateException("key '" + k.name() + "' declared twice");
            }
            return this;
        }

        @Override
        public String toString() {
            return "mapping" + (id == null ? "" : " " + id) + " " + keys.keySet();
        }
    }

    /** A mapping of fixed keys, without a name of its own. */
    static Obj obj(String description) {
        return new Obj(null, description);
    }

    /** A mapping of fixed keys, written once in a schema's definitions under {@code id}. */
    static Obj named(String id, String description) {
        return new Obj(id, description);
    }

    Shape TEXT = new Scalar(Text.ANY);
    Shape DURATION = new Scalar(Text.DURATION);
    Shape BANDWIDTH = new Scalar(Text.BANDWIDTH);
    Shape FRACTION = new Scalar(Text.FRACTION);
    Shape IPV4 = new Scalar(Text.IPV4);
    Shape IPV4_PREFIX = new Scalar(Text.IPV4_PREFIX);
    Shape IPV6 = new Scalar(Text.IPV6);
    Shape IPV6_PREFIX = new Scalar(Text.IPV6_PREFIX);
    Shape IP = new Scalar(Text.IP);
    Shape IP_PREFIX = new Scalar(Text.IP_PREFIX);
    Shape ENDPOINT = new Scalar(Text.ENDPOINT);
    Shape HEX = new Scalar(Text.HEX);
    Shape BOOL = new Bool();

    static Shape integer(long min, long max) {
        return new Int(min, max);
    }

    static Shape choice(String... words) {
        return new Choice(List.of(words));
    }

    static Shape choice(Collection<String> words) {
        return new Choice(new ArrayList<>(words));
    }

    static Shape list(Shape item) {
        return new ListOf(item);
    }

    static Shape namedMap(String keyPattern, Shape value) {
        return new Named(keyPattern, value);
    }

    static Shape anyOf(Shape... options) {
        return new AnyOf(List.of(options));
    }
}
