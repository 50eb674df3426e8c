package io.tunnelsim.node.event;

/**
 * A log line not (yet) carried by a more specific event type: received-packet errors,
 * scenario actions, live-mode notices. Consumers that analyse state changes subscribe to the
 * typed events instead and never read these.
 */
public record LogLine(long timeNs, String node, String facility, String message) implements LoggedEvent {
}
