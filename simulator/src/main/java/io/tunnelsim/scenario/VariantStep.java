package io.tunnelsim.scenario;

import io.tunnelsim.scenario.spec.VariantSpec;
import io.tunnelsim.topology.InterfaceSpec;
import io.tunnelsim.topology.KeepaliveSpec;
import io.tunnelsim.topology.NodeSpec;
import io.tunnelsim.topology.ProtocolModule;
import io.tunnelsim.topology.ProtocolModules;
import io.tunnelsim.topology.RoutingProtocol;
import io.tunnelsim.topology.TopologySpec;
import io.tunnelsim.topology.TunnelSpec;
import io.tunnelsim.topology.VariantOverrides;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Applies a variant to a topology as a pure spec → spec step, before the network is built:
 * <ul>
 *   <li>each protocol module's overrides (the variant's {@code ospf:} and {@code rip:} timers)
 *       rewrite every configured section of that module, by the module's
 *       {@link VariantOverrides#apply} ({@code routing.ospf.OspfOverrides},
 *       {@code routing.rip.RipOverrides}); the variant keys that rewrite no section
 *       ({@code track:}, {@code bfd:}) stay for the modules to read when they install;</li>
 *   <li>the {@code keepalive:} override replaces every GRE tunnel's keepalive; without it, a
 *       run whose routing is {@code static} gives tunnels without keepalives the default ones
 *       (10 s, 3 retries), because static routing needs a failure detector and GRE keepalives
 *       are what routers use for it.</li>
 * </ul>
 * The routing the variant generates on the overlay (and its tracks) is decided later by
 * {@link RoutingPlan}. When nothing applies, the topology is returned as it is.
 */
public final class VariantStep {
    private VariantStep() {
    }

    public static TopologySpec apply(TopologySpec spec, VariantSpec variant) {
        RoutingProtocol routing = variant == null || variant.routing() == RoutingProtocol.NONE ? spec.routing() : variant.routing();
        Optional<KeepaliveSpec> keepalive = variant == null ? Optional.empty() : variant.keepalive();
        boolean staticKeepalives = keepalive.isEmpty() && routing == RoutingProtocol.STATIC;
        Map<String, Object> overrides = variant == null ? Map.of() : sectionOverrides(variant);
        if (keepalive.isEmpty() && !staticKeepalives && overrides.isEmpty()) {
            return spec;
        }
        Map<String, NodeSpec> nodes = new LinkedHashMap<>();
        for (NodeSpec n : spec.nodes().values()) {
            NodeSpec m = n;
            if (keepalive.isPresent() || staticKeepalives) {
                m = withInterfaces(m, keepalives(m, keepalive));
            }
            if (overrides.keySet().stream().anyMatch(m.protocols()::containsKey)) {
                Map<String, Object> protocols = new LinkedHashMap<>(m.protocols());
                for (var e : protocols.entrySet()) {
                    Object o = overrides.get(e.getKey());
                    if (o != null) {
                        e.setValue(override(ProtocolModules.byKey(e.getKey()), e.getValue(), o));
                    }
                }
                m = m.withProtocols(protocols);
            }
            nodes.put(n.name(), m);
        }
        return new TopologySpec(spec.name(), spec.file(), spec.defaults(), nodes, spec.links(), spec.sections(), spec.routing(),
                spec.locations(), spec.warnings());
    }

    /**
     * The variant's records of the modules whose key rewrites their sections
     * ({@link ProtocolModule#variantOverrides()}); the other keys ({@code track:}, {@code bfd:})
     * are read at install time.
     */
    private static Map<String, Object> sectionOverrides(VariantSpec variant) {
        Map<String, Object> out = new LinkedHashMap<>();
        variant.overrides().forEach((key, record) -> {
            ProtocolModule<?> m = ProtocolModules.byKey(key);
            if (m == null || m.variantOverrides() != null) {
                out.put(key, record);
            }
        });
        return out;
    }

    /** A module's section with the variant's overrides of that module applied. */
    static <S> S override(ProtocolModule<S> module, Object section, Object overrides) {
        return apply(module.variantOverrides(), module.sectionType().cast(section), overrides);
    }

    private static <S, O> S apply(VariantOverrides<S, O> hook, S section, Object overrides) {
        return hook.apply(section, hook.type().cast(overrides));
    }

    private static NodeSpec withInterfaces(NodeSpec n, Map<String, InterfaceSpec> interfaces) {
        return new NodeSpec(n.name(), n.kind(), interfaces, n.staticRoutes(), n.staticRoutesV6(), n.protocols());
    }

    /** Every tunnel's keepalive: the override, else (static routing) the default where none is configured. */
    static Map<String, InterfaceSpec> keepalives(NodeSpec n, Optional<KeepaliveSpec> override) {
        Map<String, InterfaceSpec> out = new LinkedHashMap<>();
        for (InterfaceSpec i : n.interfaces().values()) {
            if (i.tunnel().isEmpty()) {
                out.put(i.name(), i);
                continue;
            }
            TunnelSpec t = i.tunnel().get();
            Optional<KeepaliveSpec> ka = override.isPresent() ? override
                    : t.keepalive().isPresent() ? t.keepalive() : Optional.of(KeepaliveSpec.DEFAULT);
            out.put(i.name(), i.withTunnel(t.withKeepalive(ka)));
        }
        return out;
    }
}
