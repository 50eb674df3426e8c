package io.tunnelsim.topology;

import io.tunnelsim.sim.SimTime;

/** GRE keepalive: one probe every period; the tunnel goes down after {@code retries} unanswered. */
public record KeepaliveSpec(long periodNs, int retries) {

    /** Period 10 s, 3 retries: the tunnel is declared down 30 s after the far side stops answering. */
    public static final KeepaliveSpec DEFAULT = new KeepaliveSpec(SimTime.seconds(10), 3);
}
