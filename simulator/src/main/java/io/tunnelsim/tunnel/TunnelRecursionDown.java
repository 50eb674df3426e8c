package io.tunnelsim.tunnel;

import io.tunnelsim.node.event.LoggedEvent;

/**
 * A tunnel was taken down because its outer packets would be routed into itself
 * ({@code %TUN-5-RECURDOWN}); it stays down for the recursion hold time.
 *
 * @param iface the tunnel's display name
 */
public record TunnelRecursionDown(long timeNs, String node, String iface) implements LoggedEvent {

    @Override
    public String facility() {
        return "TUN-5-RECURDOWN";
    }

    @Override
    public String message() {
        return iface + " temporarily disabled due to recursive routing";
    }
}
