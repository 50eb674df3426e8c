package io.tunnelsim.routing.track.module;

import java.util.OptionalLong;

/**
 * A scenario variant's {@code track:} timers: the IP SLA frequency and timeout of every track a
 * {@code routing: static} choice generates ({@link TrackVariant}); absent fields keep IOS's
 * defaults ({@link io.tunnelsim.routing.track.IpSlaConfig#DEFAULT_FREQUENCY}, timeout the smaller
 * of {@link io.tunnelsim.routing.track.IpSlaConfig#DEFAULT_TIMEOUT} and the frequency).
 */
public record TrackOverrides(OptionalLong frequencyNs, OptionalLong timeoutNs) {
}
