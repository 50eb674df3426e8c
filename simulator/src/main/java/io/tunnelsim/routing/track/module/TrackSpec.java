package io.tunnelsim.routing.track.module;

import java.util.Optional;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.topology.StaticBfdSpec;

/**
 * An IP SLA style ICMP echo probe and the track object that follows it.
 *
 * @param id              track number 1..1000
 * @param target          address to ping
 * @param sourceInterface interface whose address is the probe source, if given
 * @param frequencyNs     one probe per period (default 60 s)
 * @param timeoutNs       how long to wait for a reply (default 5 s, at most the frequency)
 * @param upDelayNs       a success must last this long before the track goes up
 * @param downDelayNs     a failure must last this long before the track goes down
 * @param bfd             instead of an echo probe, the object follows this BFD session (Up = up);
 *                        {@code target} is then the BFD peer
 */
public record TrackSpec(int id, Ipv4Address target, Optional<String> sourceInterface, long frequencyNs, long timeoutNs,
                        long upDelayNs, long downDelayNs, Optional<StaticBfdSpec> bfd) {
    public TrackSpec(int id, Ipv4Address target, Optional<String> sourceInterface, long frequencyNs, long timeoutNs,
                     long upDelayNs, long downDelayNs) {
        this(id, target, sourceInterface, frequencyNs, timeoutNs, upDelayNs, downDelayNs, Optional.empty());
    }
}
