/**
 * The static-route phase of a build ({@link io.tunnelsim.routing.statics.StaticRouteInstaller}):
 * each node's configured IPv4 and IPv6 static routes, interface gateways and host IPv6 default
 * gateways, the static routes the run's routing generates, and the BFD sessions that gate them.
 * Above {@code topology} (it reads the route specs) and {@code routing.bfd} (it attaches
 * {@code BfdStaticClient}), while the static-route runtime stays in {@code routing}; below
 * {@code scenario}, whose routing plan it gets as a {@link io.tunnelsim.routing.statics.StaticRoutePlan}.
 */
package io.tunnelsim.routing.statics;
