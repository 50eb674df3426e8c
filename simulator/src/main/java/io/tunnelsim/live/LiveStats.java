package io.tunnelsim.live;

import java.util.Map;

/**
 * What a live run measured, for summary.json.
 *
 * @param segments     link name → TAP device
 * @param maxLagNs     the largest delay between an event's simulated time and the wall-clock
 *                     instant it ran at
 * @param meanLagNs    the mean of that delay over every pacing step that had an event due
 * @param lagLimitNs   the lag that stops the run (a quarter of the smallest dead interval or BFD detection time), or 0 when none
 * @param lagWarnings  how many times the lag warning was logged
 * @param framesIn     frames read from each TAP device and put on the segment, by link
 * @param framesOut    frames the segment delivered to each TAP device, by link
 */
public record LiveStats(Map<String, String> segments, long maxLagNs, long meanLagNs, long lagLimitNs, long lagWarnings,
                        Map<String, Long> framesIn, Map<String, Long> framesOut) {
}
