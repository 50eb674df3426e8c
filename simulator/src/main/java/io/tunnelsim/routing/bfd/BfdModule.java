package io.tunnelsim.routing.bfd;

import io.tunnelsim.node.Node;
import io.tunnelsim.node.event.NetEvent;
import io.tunnelsim.topology.NodeSection;
import io.tunnelsim.routing.ospf.OspfModule;
import io.tunnelsim.routing.ospf.OspfProcess;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.topology.NodeSpec;
import io.tunnelsim.topology.OverlayRouter;
import io.tunnelsim.topology.ProtocolModule;
import io.tunnelsim.topology.Shape;
import io.tunnelsim.topology.VariantKey;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * BFD (RFC 5880/5881/5883) as a protocol module: the router's {@code bfd:} section (node and
 * per-interface timers, configured peers), installed into the node's {@link BfdService}, and
 * {@code show bfd neighbors} in the {@code neighbors} table. Clients ask for sessions on their
 * own: OSPF interfaces with {@code bfd: true}, static routes with {@code bfd}, the variants'
 * {@code bfd:} switch. That switch is the module's variant key ({@link BfdVariant}); with
 * {@code routing: ospf} the module puts BFD on the generated OSPF tunnels
 * ({@link #installOnOverlay}).
 */
public final class BfdModule implements ProtocolModule<BfdSpec> {
    @Override
    public String nodeKey() {
        return "bfd";
    }

    @Override
    public Class<BfdSpec> sectionType() {
        return BfdSpec.class;
    }

    @Override
    public BfdSpec read(NodeSection in) {
        return BfdYaml.read(in);
    }

    @Override
    public Shape.Obj shape() {
        return BfdYaml.SECTION;
    }

    @Override
    public void install(NodeSpec node, BfdSpec section, Node built) {
        BfdService s = BfdService.of(built);
        s.setNodeTimers(section.timers());
        section.interfaces().forEach(s::setInterfaceTimers);
        for (BfdSpec.Peer p : section.peers()) {
            BfdSession session = s.configurePeer(p.key(), p.timers(), p.minimumTtl());
            if (p.shutdown()) {
                session.adminDown();
            }
        }
    }

    /** The variant's {@code bfd:} switch ({@link BfdVariant}). */
    @Override
    public VariantKey<?> variantKey() {
        return BfdVariant.INSTANCE;
    }

    /**
     * With {@code routing: ospf} and the variant's {@code bfd:}, BFD on every overlay tunnel as the
     * generated OSPF process's neighbour-loss detector ({@code ip ospf bfd}), with the variant's
     * timers, and a note per tunnel. The static routes of {@code routing: static} get their
     * sessions in the static-route phase ({@code routing.statics}).
     */
    /**
     * {@code ip ospf bfd}: on a node whose {@code ospf:} section was just installed, OSPF becomes
     * a client of BFD on each interface written {@code bfd: true} ({@link BfdOspfClient}).
     */
    @Override
    public void installBeside(NodeSpec node, Object installed, Node built) {
        if (installed instanceof io.tunnelsim.routing.ospf.OspfSpec o) {
            for (io.tunnelsim.routing.ospf.OspfInterfaceSpec i : o.interfaces().values()) {
                if (i.bfd()) {
                    BfdOspfClient.enable(built.service(OspfProcess.class), i.name());
                }
            }
        }
    }

    @Override
    public void installOnOverlay(OverlayRouter router, Node built) {
        var timers = router.overrides(BfdTimers.class);
        if (router.routing() != OspfModule.CHOICE || timers.isEmpty()) {
            return;
        }
        BfdService bfd = BfdService.of(built);
        OspfProcess process = built.service(OspfProcess.class);
        for (OverlayRouter.Tunnel t : router.tunnels()) {
            bfd.setInterfaceTimers(t.name(), timers.get());
            BfdOspfClient.enable(process, t.name());
            router.note(router.node().name() + ": ip ospf bfd on " + t.name() + " ("
                    + SimTime.formatShort(timers.get().desiredMinTx()) + " x " + timers.get().detectMult() + ")");
        }
    }

    @Override
    public List<Class<? extends NetEvent>> events() {
        return List.of(BfdSessionChanged.class);
    }

    @Override
    public Map<String, Function<Node, String>> showTables() {
        return Map.of("neighbors", BfdModule::showNeighbors);
    }

    static String showNeighbors(Node n) {
        BfdService s = n.service(BfdService.class);
        return s == null || s.sessions().isEmpty() ? null : s.showNeighbors();
    }
}
