package io.tunnelsim.routing.statics;

import io.tunnelsim.routing.StaticRoute;
import io.tunnelsim.routing.bfd.BfdTimers;
import io.tunnelsim.topology.NodeSpec;
import io.tunnelsim.topology.StaticRouteSpec;
import java.util.List;
import java.util.Optional;

/**
 * What the run's routing choice changes in the static routes {@link StaticRouteInstaller}
 * installs: the configured routes it replaces, the routes it generates, BFD on those routes and
 * the overlay tunnels that get the BFD timers. The scenario's routing plan answers it, so this
 * package needs nothing of {@code scenario}; {@link #CONFIGURED} is the topology as written.
 */
public interface StaticRoutePlan {

    /** The configured routes only: nothing replaced, nothing generated, no BFD timers. */
    StaticRoutePlan CONFIGURED = new StaticRoutePlan() {
        @Override
        public boolean replaces(NodeSpec node, StaticRouteSpec route) {
            return false;
        }

        @Override
        public List<StaticRoute> generated(String node, List<String> notes) {
            return List.of();
        }

        @Override
        public Optional<BfdTimers> bfd() {
            return Optional.empty();
        }

        @Override
        public List<String> overlayTunnels(String node) {
            return List.of();
        }
    };

    /** True when the run replaces this configured route of {@code node}, which is then not installed. */
    boolean replaces(NodeSpec node, StaticRouteSpec route);

    /**
     * The static routes the run generates for {@code node}, in order, after its configured ones;
     * may add a line to {@code notes}. Asked once per node, in file order.
     */
    List<StaticRoute> generated(String node, List<String> notes);

    /**
     * The timers of BFD on every static route with both a next hop and an interface that has no
     * BFD of its own, and on the overlay tunnels; empty for none.
     */
    Optional<BfdTimers> bfd();

    /** The tunnels of {@code node} in the overlay, in overlay order; empty when the node is no overlay router. */
    List<String> overlayTunnels(String node);
}
