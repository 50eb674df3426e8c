package io.tunnelsim.sim;

/**
 * A scheduled action. Cancelling only sets a flag; the scheduler discards the event when it
 * reaches the head of the queue, so a cancel costs O(1).
 */
public final class Event {
    final long time;
    Runnable action;

    Event(long time, Runnable action) {
        this.time = time;
        this.action = action;
    }

    public long time() {
        return time;
    }

    public void cancel() {
        action = null;
    }

    public boolean isCancelled() {
        return action == null;
    }
}
