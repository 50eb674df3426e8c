package io.tunnelsim.routing.track;

import io.tunnelsim.node.Node;
import io.tunnelsim.node.NodeService;
import io.tunnelsim.routing.StaticRouting;
import io.tunnelsim.sim.Event;
import java.util.ArrayList;
import java.util.List;

/**
 * A track object following an IP SLA operation's reachability:
 * <pre>
 * track 1 ip sla 1 reachability
 *  delay down 10 up 30
 * </pre>
 * The object is Down until the operation first succeeds. When the operation's reachability
 * differs from the object's state, the object changes after the configured delay (at once
 * when it is 0) — unless reachability returns meanwhile, which cancels the change. Every change
 * is logged as {@code %TRACK-6-STATE: 1 ip sla 1 reachability Up -> Down} and handed to the
 * node's {@link StaticRouting} ({@code ip route ... track 1}) and to any other listener.
 *
 * <p>A track can also follow a BFD session's state (a track with {@code bfd:} in YAML, driven through
 * {@link #setReachability}).
 *
 * <p>Simplifications: no interface line-protocol tracking and no boolean lists.
 */
public final class Track implements NodeService {
    /** Hears every state change of the object. */
    @FunctionalInterface
    public interface Listener {
        void changed(Track track, boolean up);
    }

    private final Node node;
    private final int id;
    private final IpSla sla;
    private final String object;
    private final long upDelay;
    private final long downDelay;
    private final List<Listener> listeners = new ArrayList<>(1);
    private boolean running;
    private boolean up;
    private Event pending;
    private boolean pendingTarget;
    private long changes;
    private long lastChange = -1;

    /**
     * @param upDelay how long reachability must hold before the object goes Up (0 = at once)
     * @param downDelay how long it must stay lost before the object goes Down (0 = at once)
     */
    public Track(Node node, int id, IpSla sla, long upDelay, long downDelay) {
        this(node, id, sla, "ip sla " + sla.id() + " reachability", upDelay, downDelay);
        if (sla.node() != node) {
            throw new IllegalArgumentException("track " + id + " and IP SLA " + sla.id() + " are on different nodes");
        }
        sla.addListener((s, code) -> reachability(s.reachable()));
    }

    /**
     * A track object following another source of reachability (a BFD session), which calls
     * {@link #setReachability}; {@code object} names it in the log ({@code bfd 10.0.0.2}).
     */
    public Track(Node node, int id, String object, long upDelay, long downDelay) {
        this(node, id, null, object, upDelay, downDelay);
    }

    private Track(Node node, int id, IpSla sla, String object, long upDelay, long downDelay) {
        if (id < 1 || id > 1000) {
            throw new IllegalArgumentException("track object number " + id + " outside 1-1000");
        }
        if (upDelay < 0 || downDelay < 0) {
            throw new IllegalArgumentException("track delays must be >= 0");
        }
        this.node = node;
        this.id = id;
        this.sla = sla;
        this.object = object;
        this.upDelay = upDelay;
        this.downDelay = downDelay;
    }

    /** Reachability of the tracked object changed (the source of a non-IP-SLA track calls this). */
    public void setReachability(boolean reachable) {
        reachability(reachable);
    }

    /** Creates the object and registers it as a service of {@code node}. */
    public static Track create(Node node, int id, IpSla sla, long upDelay, long downDelay) {
        Track t = new Track(node, id, sla, upDelay, downDelay);
        node.addService(t);
        return t;
    }

    public int id() {
        return id;
    }

    /** What the object follows, as logged: {@code ip sla 1 reachability}, {@code bfd 10.0.0.2}. */
    public String object() {
        return object;
    }

    /** The IP SLA operation followed, or null when another source drives the object. */
    public IpSla sla() {
        return sla;
    }

    public boolean isUp() {
        return up;
    }

    /** Number of state changes so far. */
    public long changes() {
        return changes;
    }

    /** Time of the latest state change, -1 before the first. */
    public long lastChange() {
        return lastChange;
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    @Override
    public void start() {
        running = true;
        up = false;
        publish();
    }

    @Override
    public void stop() {
        running = false;
        cancelPending();
        up = false;
    }

    private void reachability(boolean reachable) {
        if (!running) {
            return;
        }
        if (reachable == up) {
            cancelPending();
            return;
        }
        if (pending != null && pendingTarget == reachable) {
            return;
        }
        cancelPending();
        long delay = reachable ? upDelay : downDelay;
        if (delay == 0) {
            change(reachable);
        } else {
            pendingTarget = reachable;
            pending = node.scheduler().scheduleIn(delay, () -> {
                pending = null;
                change(pendingTarget);
            });
        }
    }

    private void cancelPending() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }

    private void change(boolean newState) {
        if (!running || newState == up) {
            return;
        }
        node.publish(new TrackChanged(node.now(), node.name(), id, sla == null ? 0 : sla.id(), newState, object));
        up = newState;
        changes++;
        lastChange = node.scheduler().now();
        publish();
        for (int i = 0; i < listeners.size(); i++) {
            listeners.get(i).changed(this, up);
        }
    }

    private void publish() {
        StaticRouting statics = node.service(StaticRouting.class);
        if (statics != null) {
            statics.setTrackState(id, up);
        }
    }
}
