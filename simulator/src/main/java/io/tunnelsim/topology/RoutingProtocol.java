package io.tunnelsim.topology;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value of {@code routing:} (the topology's {@code routing: {protocol: …}} and a scenario
 * variant's {@code routing:}): which routing a run uses. {@link #NONE} means "as configured on
 * each node" and {@link #STATIC} is the static routes and tracks the scenario's own routing plan
 * generates; every other value is a {@link ProtocolModule}'s {@link ProtocolModule#routingChoice()},
 * so a protocol a choice generates adds no constant here.
 *
 * <p>The words are listed — in the JSON Schema's {@code enum} and in "expected one of" messages —
 * as {@code none}, {@code static}, then the registered modules' choices by their
 * {@linkplain #generated(String, int) place} (ties in registration order). Each value exists once
 * (the lookups return the module's own instance), so values compare with {@code ==} as well as
 * with {@link #equals}.
 */
public final class RoutingProtocol {

    /** As configured on each node: no routing is generated. */
    public static final RoutingProtocol NONE = new RoutingProtocol("none", 0);
    /** Static routes (and their tracks) on the overlay, from the scenario's routing plan. */
    public static final RoutingProtocol STATIC = new RoutingProtocol("static", 0);

    private final String yamlName;
    private final int place;

    private RoutingProtocol(String yamlName, int place) {
        this.yamlName = yamlName;
        this.place = place;
    }

    /**
     * The choice a protocol module answers ({@code ospf}), for its {@link ProtocolModule#routingChoice()};
     * a module keeps the one instance in a constant. {@code place} orders the word among the
     * modules' words (RIP 1, OSPF 2: the order in which the choices were added).
     *
     * @throws IllegalArgumentException for {@code none} and {@code static}, which are no module's
     */
    public static RoutingProtocol generated(String yamlName, int place) {
        if (yamlName.equals(NONE.yamlName) || yamlName.equals(STATIC.yamlName)) {
            throw new IllegalArgumentException("'" + yamlName + "' is not a protocol module's routing choice");
        }
        return new RoutingProtocol(yamlName, place);
    }

    /** The YAML word ({@code ospf}). */
    public String yamlName() {
        return yamlName;
    }

    /** Whether this is the value written {@code word}. */
    public boolean is(String word) {
        return yamlName.equals(word);
    }

    /** YAML word to value: none, static, then the registered modules' choices by place. */
    public static Map<String, RoutingProtocol> byName() {
        return Registry.BY_NAME;
    }

    /**
     * The value written {@code word}.
     *
     * @throws IllegalArgumentException when no registered module answers it
     */
    public static RoutingProtocol named(String word) {
        RoutingProtocol r = Registry.BY_NAME.get(word);
        if (r == null) {
            throw new IllegalArgumentException("no routing choice '" + word + "' (" + String.join(", ", Registry.BY_NAME.keySet())
                    + ")");
        }
        return r;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RoutingProtocol r && r.yamlName.equals(yamlName);
    }

    @Override
    public int hashCode() {
        return yamlName.hashCode();
    }

    @Override
    public String toString() {
        return yamlName;
    }

    /** Built on first use, after the modules are loaded (their constants are the values). */
    private static final class Registry {
        static final Map<String, RoutingProtocol> BY_NAME = load();

        private static Map<String, RoutingProtocol> load() {
            List<RoutingProtocol> generated = new ArrayList<>();
            for (ProtocolModule<?> m : ProtocolModules.all()) {
                m.routingChoice().ifPresent(generated::add);
            }
            generated.sort(Comparator.comparingInt(r -> r.place)); // stable: ties keep registration order
            Map<String, RoutingProtocol> m = new LinkedHashMap<>();
            m.put(NONE.yamlName, NONE);
            m.put(STATIC.yamlName, STATIC);
            for (RoutingProtocol r : generated) {
                if (m.putIfAbsent(r.yamlName, r) != null) {
                    throw new IllegalStateException("two protocol modules answer routing choice '" + r.yamlName + "'");
                }
            }
            return Collections.unmodifiableMap(m);
        }
    }
}
