package io.tunnelsim.routing.track;

import io.tunnelsim.node.event.LoggedEvent;

/**
 * A tracked object changed state ({@code %TRACK-6-STATE}), after its up or down delay.
 *
 * @param track the track number
 * @param sla   the IP SLA operation it follows (0 when it follows something else)
 * @param up    the new state
 * @param object what the track follows, as the log line names it ({@code ip sla 10 reachability},
 *              {@code bfd 10.0.0.2})
 */
public record TrackChanged(long timeNs, String node, int track, int sla, boolean up, String object)
        implements LoggedEvent {

    /** A track following IP SLA operation {@code sla}. */
    public TrackChanged(long timeNs, String node, int track, int sla, boolean up) {
        this(timeNs, node, track, sla, up, "ip sla " + sla + " reachability");
    }

    @Override
    public String facility() {
        return "TRACK-6-STATE";
    }

    @Override
    public String message() {
        return track + " " + object + " " + (up ? "Down" : "Up") + " -> " + (up ? "Up" : "Down");
    }
}
