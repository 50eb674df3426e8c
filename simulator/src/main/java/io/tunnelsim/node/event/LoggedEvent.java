package io.tunnelsim.node.event;

/**
 * An event with a line in the run's event log, in the shape router consoles print
 * ({@code %LINEPROTO-5-UPDOWN: Line protocol on Interface Tunnel0, changed state to down}).
 * The event log formats these and nothing else; the text is derived from the event's fields.
 */
public interface LoggedEvent extends NetEvent {

    /** The IOS-style tag, e.g. {@code LINEPROTO-5-UPDOWN}. */
    String facility();

    /** The line's text after the tag. */
    String message();
}
