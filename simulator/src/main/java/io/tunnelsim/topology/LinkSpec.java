package io.tunnelsim.topology;

import java.util.List;

/**
 * A point-to-point link (two endpoints) or a multi-access segment (three or more, or
 * {@code lan: true}). Parameters have the defaults applied.
 *
 * @param name        the written name, or {@code a:x--b:y} built from the endpoints
 * @param multiAccess true for a LAN segment (broadcast medium), false for a point-to-point link
 */
public record LinkSpec(String name, List<Endpoint> endpoints, long delayNs, long bandwidthBps, int mtu, double loss,
                       int queuePackets, boolean multiAccess) {

    public LinkSpec {
        endpoints = List.copyOf(endpoints);
    }

    public boolean connects(String node) {
        return endpoints.stream().anyMatch(e -> e.node().equals(node));
    }
}
