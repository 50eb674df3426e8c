package io.tunnelsim.node;

import io.tunnelsim.node.event.EventBus;
import io.tunnelsim.node.event.LogLine;
import io.tunnelsim.node.event.LoggedEvent;
import io.tunnelsim.sim.Scheduler;
import io.tunnelsim.sim.SimTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The run's log of state changes, one line per change, simulated time first, in the shape
 * operators know from router consoles:
 * <pre>   40.123000000 hq %LINEPROTO-5-UPDOWN: Line protocol on Interface Tunnel0, changed state to down</pre>
 *
 * <p>The log only formats: it subscribes to the {@link LoggedEvent}s published on the network's
 * {@link EventBus} and keeps one entry per event, in publication order.
 */
public final class EventLog {
    /** One logged state change. {@code facility} is the IOS-style tag, e.g. {@code LINEPROTO-5-UPDOWN}. */
    public record Entry(long time, String node, String facility, String message) {
        public String format() {
            return String.format(java.util.Locale.ROOT, "%16s %s %%%s: %s", SimTime.format(time), node, facility, message);
        }
    }

    private final Scheduler scheduler;
    private final List<Entry> entries = new ArrayList<>();
    private final List<Consumer<Entry>> listeners = new ArrayList<>();

    private final EventBus bus;

    public EventLog(Scheduler scheduler, EventBus bus) {
        this.scheduler = scheduler;
        this.bus = bus;
        bus.subscribe(LoggedEvent.class, this::record);
    }

    /** Publishes a line that no typed event carries (see {@link LogLine}). */
    public void log(String node, String facility, String message) {
        bus.publish(new LogLine(scheduler.now(), node, facility, message));
    }

    private void record(LoggedEvent le) {
        Entry e = new Entry(le.timeNs(), le.node(), le.facility(), le.message());
        entries.add(e);
        for (Consumer<Entry> l : listeners) {
            l.accept(e);
        }
    }

    public void addListener(Consumer<Entry> listener) {
        listeners.add(listener);
    }

    public List<Entry> entries() {
        return java.util.Collections.unmodifiableList(entries);
    }
}
