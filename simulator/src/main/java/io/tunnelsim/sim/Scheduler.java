package io.tunnelsim.sim;

import java.util.Arrays;

/**
 * The discrete-event kernel: a queue of events ordered by (time, insertion sequence), so events
 * at the same instant run in the order they were scheduled and every run repeats exactly.
 *
 * <p>The queue is a 4-ary heap whose times live in a primitive array beside the event array:
 * comparisons touch only {@code long}s in contiguous memory and dereference an event only to
 * break a tie by sequence number; a node's four children share cache lines, so the tree is half
 * as deep as a binary heap. This is
 * what makes it faster than {@code java.util.PriorityQueue} with comparable objects (see
 * {@code tunnelsim bench kernel}).
 *
 * <p>Not thread-safe: one scheduler drives one simulation on one thread.
 */
public final class Scheduler {
    private long now;
    private long nextSeq;
    private long executed;
    private boolean stopped;

    private long[] times = new long[64];
    private Event[] events = new Event[64];
    private int size;

    /** Current simulated time in nanoseconds. */
    public long now() {
        return now;
    }

    /** Number of events executed so far (cancelled events are not counted). */
    public long executedEvents() {
        return executed;
    }

    /** Number of queued events, cancelled ones included until they are discarded. */
    public int pending() {
        return size;
    }

    /** Schedules {@code action} at absolute time {@code at}; scheduling into the past is an error. */
    public Event schedule(long at, Runnable action) {
        if (at < now) {
            throw new IllegalArgumentException("cannot schedule at " + SimTime.format(at)
                    + ", before the current time " + SimTime.format(now));
        }
        Event e = new Event(at, nextSeq++, action);
        push(at, e);
        return e;
    }

    /** Schedules {@code action} after {@code delay} nanoseconds (delay ≥ 0). */
    public Event scheduleIn(long delay, Runnable action) {
        if (delay < 0) {
            throw new IllegalArgumentException("negative delay " + delay + "ns");
        }
        return schedule(SimTime.add(now, delay), action);
    }

    /** Creates a timer bound to this scheduler. */
    public Timer timer(Runnable onExpiry) {
        return new Timer(this, onExpiry);
    }

    /**
     * Runs events whose time is at most {@code end}, in order, then leaves the clock at
     * {@code end} (unless {@link #stop()} was called, which leaves it at the last event).
     *
     * @return true when the run reached {@code end}, false when stopped early
     */
    public boolean runUntil(long end) {
        if (!drain(end)) {
            return false;
        }
        if (end > now) {
            now = end;
        }
        return true;
    }

    /** Runs until the queue is empty or {@link #stop()} is called; the clock stays at the last event. */
    public void run() {
        drain(Long.MAX_VALUE);
    }

    private boolean drain(long end) {
        stopped = false;
        while (size > 0 && times[0] <= end) {
            long t = times[0];
            Event e = pop();
            Runnable a = e.action;
            if (a == null) {
                continue;
            }
            e.action = null;
            now = t;
            executed++;
            a.run();
            if (stopped) {
                return false;
            }
        }
        return true;
    }

    /** Makes the current {@link #runUntil} return after the event being executed. */
    public void stop() {
        stopped = true;
    }

    /** Time of the earliest queued event, or {@code Long.MAX_VALUE} when none. */
    public long peekTime() {
        return size == 0 ? Long.MAX_VALUE : times[0];
    }

    private void push(long time, Event e) {
        if (size == times.length) {
            int n = size * 2;
            times = Arrays.copyOf(times, n);
            events = Arrays.copyOf(events, n);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            long pt = times[parent];
            // a parent at the same time was scheduled earlier (smaller sequence): stop there
            if (pt <= time) {
                break;
            }
            times[i] = pt;
            events[i] = events[parent];
            i = parent;
        }
        times[i] = time;
        events[i] = e;
    }

    /**
     * Removes the root of the 4-ary heap: the last element sifts down from the top. Sequence
     * numbers are read (from the events) only when times are equal.
     */
    private Event pop() {
        Event top = events[0];
        int n = --size;
        long t = times[n];
        Event last = events[n];
        events[n] = null;
        if (n > 0) {
            int i = 0;
            while (true) {
                int first = (i << 2) + 1;
                if (first >= n) {
                    break;
                }
                int c = first;
                long ct = times[first];
                int end = Math.min(first + 4, n);
                for (int k = first + 1; k < end; k++) {
                    long kt = times[k];
                    if (kt < ct || (kt == ct && events[k].seq < events[c].seq)) {
                        c = k;
                        ct = kt;
                    }
                }
                if (t < ct || (t == ct && last.seq < events[c].seq)) {
                    break;
                }
                times[i] = ct;
                events[i] = events[c];
                i = c;
            }
            times[i] = t;
            events[i] = last;
        }
        return top;
    }
}
