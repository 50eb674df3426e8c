package io.tunnelsim.routing.track;

import io.tunnelsim.node.event.LoggedEvent;

/**
 * A tracked object changed state ({@code %TRACK-6-STATE}), after its up or down delay.
 *
 * @param track the track number
 * @param sla   the IP SLA operation it follows
 * @param up    the new state
 */
public record TrackChanged(long timeNs, String node, int track, int sla, boolean up) implements LoggedEvent {

    @Override
    public String facility() {
        return "TRACK-6-STATE";
    }

    @Override
    public String message() {
        return track + " ip sla " + sla + " reachability " + (up ? "Down" : "Up") + " -> " + (up ? "Up" : "Down");
    }
}
