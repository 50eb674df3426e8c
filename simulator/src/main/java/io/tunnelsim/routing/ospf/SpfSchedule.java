package io.tunnelsim.routing.ospf;

/**
 * The state of an {@link SpfThrottle}: when the next routing table calculation may run, given
 * when the previous one ran and how far the hold time has backed off.
 */
final class SpfSchedule {
    private final SpfThrottle throttle;
    private long lastRun = Long.MIN_VALUE;
    private long hold;

    SpfSchedule(SpfThrottle throttle) {
        this.throttle = throttle;
        this.hold = throttle.holdTime();
    }

    /** A change at {@code now} with no calculation pending: the time the calculation should run. */
    long nextRun(long now) {
        if (lastRun == Long.MIN_VALUE || now - lastRun > 2 * throttle.maxWait()) {
            hold = throttle.holdTime();
            return now + throttle.initialDelay();
        }
        long at = Math.max(now + throttle.initialDelay(), lastRun + hold);
        hold = Math.min(throttle.maxWait(), hold * 2);
        return at;
    }

    void ran(long now) {
        lastRun = now;
    }

    void reset() {
        lastRun = Long.MIN_VALUE;
        hold = throttle.holdTime();
    }
}
