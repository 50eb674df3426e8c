package io.tunnelsim.sim;

/**
 * A restartable one-shot timer (hello, dead, retransmission, keepalive timers). Restarting
 * cancels the pending expiry and schedules a new one; both are O(log n) at most.
 */
public final class Timer {
    private final Scheduler scheduler;
    private final Runnable onExpiry;
    private final Runnable fire = this::fire;
    private Event pending;

    Timer(Scheduler scheduler, Runnable onExpiry) {
        this.scheduler = scheduler;
        this.onExpiry = onExpiry;
    }

    /** Starts the timer to expire after {@code delay}; a running timer is restarted. */
    public void start(long delay) {
        cancel();
        pending = scheduler.scheduleIn(delay, fire);
    }

    /** Same as {@link #start}: named for call sites that reset a running timer. */
    public void restart(long delay) {
        start(delay);
    }

    /** Starts the timer only when it is not already running. */
    public void startIfIdle(long delay) {
        if (!isRunning()) {
            start(delay);
        }
    }

    public void cancel() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }

    public boolean isRunning() {
        return pending != null;
    }

    /** Absolute expiry time, or -1 when not running. */
    public long expiry() {
        return pending == null ? -1 : pending.time();
    }

    private void fire() {
        pending = null;
        onExpiry.run();
    }
}
