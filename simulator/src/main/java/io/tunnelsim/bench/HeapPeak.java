package io.tunnelsim.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Peak heap as the garbage collector measures it: on every collection the JVM reports the heap
 * in use just before (the high-water mark of allocation, since the heap fills until a collection
 * empties it) and just after (what was still live). The peak is the largest "before" figure, or
 * the heap in use now if that is larger; the peak live heap is the largest "after" figure, a
 * lower bound on the {@code -Xmx} the work needs.
 *
 * <p>Benchmark use only: one instance per measured run, {@link #close()} it afterwards.
 */
final class HeapPeak implements AutoCloseable {
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::onNotification;
    private volatile long peakBefore;
    private volatile long peakAfter;
    private volatile long collections;

    HeapPeak() {
        System.gc();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter e) {
                e.addNotificationListener(listener, null, null);
                emitters.add(e);
            }
        }
    }

    private void onNotification(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        long before = sum(info.getGcInfo().getMemoryUsageBeforeGc());
        long after = sum(info.getGcInfo().getMemoryUsageAfterGc());
        synchronized (this) {
            peakBefore = Math.max(peakBefore, before);
            peakAfter = Math.max(peakAfter, after);
            collections++;
        }
    }

    /** Heap pools only: code cache and metaspace are not heap. */
    private static long sum(Map<String, MemoryUsage> pools) {
        long total = 0;
        for (Map.Entry<String, MemoryUsage> e : pools.entrySet()) {
            String name = e.getKey();
            if (name.contains("Eden") || name.contains("Survivor") || name.contains("Old") || name.contains("Tenured")
                    || name.contains("ZHeap") || name.contains("Shenandoah")) {
                total += e.getValue().getUsed();
            }
        }
        return total;
    }

    /** Largest heap in use observed: before any collection so far, or now. */
    synchronized long peakBytes() {
        long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return Math.max(peakBefore, now);
    }

    /** Largest heap still live after a collection (0 before the first collection). */
    synchronized long peakLiveBytes() {
        return peakAfter;
    }

    synchronized long collections() {
        return collections;
    }

    /** The maximum heap this JVM may grow to ({@code -Xmx} or its percentage-of-RAM default). */
    static long maxHeapBytes() {
        return Runtime.getRuntime().maxMemory();
    }

    @Override
    public void close() {
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(listener);
            } catch (ListenerNotFoundException ignored) {
                // already gone: nothing to remove
            }
        }
    }
}
