package io.tunnelsim.node.event;

/** A node crashed (power off, {@code %SYS-5-CRASH}) or restarted ({@code %SYS-5-RESTART}). */
public record NodeStateChanged(long timeNs, String node, boolean crashed) implements LoggedEvent {

    @Override
    public String facility() {
        return crashed ? "SYS-5-CRASH" : "SYS-5-RESTART";
    }

    @Override
    public String message() {
        return crashed ? "Node crashed (power off)" : "System restarted";
    }
}
