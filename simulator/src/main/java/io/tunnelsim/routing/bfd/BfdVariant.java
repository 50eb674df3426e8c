package io.tunnelsim.routing.bfd;

import io.tunnelsim.routing.ospf.OspfModule;
import io.tunnelsim.topology.RoutingProtocol;
import io.tunnelsim.topology.Shape;
import io.tunnelsim.topology.VariantCheck;
import io.tunnelsim.topology.VariantKey;
import io.tunnelsim.topology.VariantSection;

/**
 * A scenario variant's {@code bfd:} key: {@code true} for FRR's default timers or a mapping of
 * the section's timer keys ({@link BfdYaml#TIMERS}), read into {@link BfdTimers}; the last of the
 * variant's keys. It is for {@code routing: static} (every generated static route gated by a
 * session to its next hop, installed by {@code routing.statics}) and {@code routing: ospf} (BFD on
 * every generated OSPF tunnel, {@link BfdModule#installOnOverlay}); any other routing is an error.
 * Configured {@code bfd:} sections keep their own timers.
 */
final class BfdVariant implements VariantKey<BfdTimers> {

    static final BfdVariant INSTANCE = new BfdVariant();

    private BfdVariant() {
    }

    @Override
    public Class<BfdTimers> type() {
        return BfdTimers.class;
    }

    @Override
    public Shape.Obj shape() {
        return BfdYaml.TIMERS;
    }

    @Override
    public String description() {
        return "BFD for routing: static or ospf: true or timers.";
    }

    @Override
    public Place place() {
        return Place.AFTER_KEEPALIVE;
    }

    @Override
    public BfdTimers whenTrue() {
        return BfdTimers.DEFAULT;
    }

    @Override
    public BfdTimers read(VariantSection in) {
        return BfdYaml.timers(in.context(), in.map(), BfdTimers.DEFAULT);
    }

    /** An error unless the variant's routing is {@code static} or {@code ospf}, the routing BFD is generated with. */
    @Override
    public void checkRouting(VariantCheck in, BfdTimers record) {
        RoutingProtocol routing = in.routing();
        if (routing != RoutingProtocol.STATIC && routing != OspfModule.CHOICE) {
            in.context().diagnostics().error(in.at(), "variant '" + in.variant() + "' runs " + routing.yamlName() + "; 'bfd' is for"
                    + " routing: static or ospf (configure bfd on the topology's routes and ospf interfaces otherwise)");
        }
    }
}
