package io.tunnelsim.routing.rip;

/**
 * What a RIP response sent on an interface says about routes learnt through that same
 * interface (RFC 2453 §3.4.3).
 */
public enum SplitHorizon {
    /** Advertise them with their metric, as if split horizon did not exist: loops count to infinity. */
    OFF,
    /** Leave them out of the response. */
    SIMPLE,
    /** Advertise them with metric 16, so the neighbour drops any route through us at once. */
    POISON_REVERSE
}
