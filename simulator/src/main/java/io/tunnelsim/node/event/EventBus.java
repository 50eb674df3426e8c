package io.tunnelsim.node.event;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The network's publish/subscribe point for {@link NetEvent}s. Subscribers are called
 * synchronously, in subscription order, at the simulated time of the publication, so a run's
 * observers see the events in the (time, sequence) order of the scheduler. Publishing walks
 * the subscriber list by index and allocates nothing.
 */
public final class EventBus {

    private record Subscription<T>(Class<T> type, Consumer<? super T> consumer) {
        void offer(NetEvent e) {
            if (type.isInstance(e)) {
                consumer.accept(type.cast(e));
            }
        }
    }

    private final List<Subscription<?>> subscriptions = new ArrayList<>();

    /** Calls {@code consumer} with every published event of {@code type} (subtypes included). */
    public <T> void subscribe(Class<T> type, Consumer<? super T> consumer) {
        subscriptions.add(new Subscription<>(type, consumer));
    }

    /** Whether any subscriber would receive an event of {@code type}; lets hot paths skip building one. */
    public boolean wants(Class<? extends NetEvent> type) {
        for (int i = 0; i < subscriptions.size(); i++) {
            if (subscriptions.get(i).type().isAssignableFrom(type)) {
                return true;
            }
        }
        return false;
    }

    public void publish(NetEvent e) {
        for (int i = 0; i < subscriptions.size(); i++) {
            subscriptions.get(i).offer(e);
        }
    }
}
