package io.tunnelsim.routing.track.module;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.tunnelsim.topology.TrackNumbers;

/**
 * A router's {@code track:} section: its tracked objects by track number, in file order.
 *
 * @param byNumber the tracked objects, by track number 1..1000
 */
public record Tracks(Map<Integer, TrackSpec> byNumber) implements TrackNumbers {
    public Tracks {
        byNumber = Collections.unmodifiableMap(new LinkedHashMap<>(byNumber));
    }

    @Override
    public boolean defines(int number) {
        return byNumber.containsKey(number);
    }
}
