package io.tunnelsim.sim;

/**
 * A scheduled action. Cancelling only sets a flag; the scheduler discards the event when it
 * reaches the head of the queue, so a cancel costs O(1).
 */
public final class Event {
    final long time;
    /** Insertion sequence: breaks ties between events at the same time. */
    final long seq;
    Runnable action;

    Event(long time, long seq, Runnable action) {
        this.time = time;
        this.seq = seq;
        this.action = action;
    }

    public long time() {
        return time;
    }

    public void cancel() {
        action = null;
    }

    /** True once the event is no longer pending: cancelled, or already executed. */
    public boolean isCancelled() {
        return action == null;
    }
}
