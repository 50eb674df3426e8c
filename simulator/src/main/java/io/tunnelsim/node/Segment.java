package io.tunnelsim.node;

import io.tunnelsim.sim.Scheduler;
import io.tunnelsim.sim.SimTime;
import io.tunnelsim.wire.PacketBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A layer-2 medium joining Ethernet interfaces: a point-to-point link with two ends, or a
 * multi-access LAN segment with more. Each sending end has its own transmitter: a frame waits
 * in that end's output queue (tail drop beyond the queue limit), is serialized at the link
 * bandwidth, then arrives at every other end after the propagation delay.
 *
 * <p>Two failure kinds, as the scenarios need them: <em>carrier loss</em> brings every
 * attached interface's line protocol down at once; a <em>silent failure</em> makes frames
 * vanish while every interface stays up, as when a path inside a provider breaks. An
 * administrative shutdown of one end of a two-port cable takes the other end's carrier down
 * (its transmitter is off); on a LAN segment a shut port affects only itself.
 *
 * <p>Simplifications: serialization counts 24 octets of overhead per frame (preamble, start
 * delimiter, FCS and inter-frame gap); a LAN segment behaves as a hub (every frame reaches
 * every other port, the interfaces filter by MAC), not as a learning switch; frames in flight
 * when a failure starts are lost if they arrive while it lasts.
 */
public final class Segment {
    /** Preamble + SFD (8) + FCS (4) + inter-frame gap (12). */
    public static final int WIRE_OVERHEAD = 24;

    private final String name;
    private final Scheduler scheduler;
    private final SplittableRandom random;
    private final List<EthernetInterface> ports = new ArrayList<>(2);
    private long bandwidthBps;
    private long delay;
    private double loss;
    private int mtu;
    private int queueLimit;
    private boolean carrier = true;
    private boolean silent;
    private final List<FrameTap> taps = new ArrayList<>(1);
    private final List<ExternalPort> externals = new ArrayList<>(0);
    public long framesSent;
    public long framesLost;
    public long framesSilentlyDropped;
    public long framesQueueDropped;
    /** Where {@link io.tunnelsim.node.event.FrameLost} goes (set by the network that owns the segment). */
    io.tunnelsim.node.event.EventBus events;

    public Segment(String name, Scheduler scheduler, SplittableRandom random, long bandwidthBps, long delay,
                   double loss, int mtu, int queueLimit) {
        this.name = name;
        this.scheduler = scheduler;
        this.random = random;
        this.bandwidthBps = bandwidthBps;
        this.delay = delay;
        this.loss = loss;
        this.mtu = mtu;
        this.queueLimit = queueLimit;
    }

    public String name() {
        return name;
    }

    public List<EthernetInterface> ports() {
        return java.util.Collections.unmodifiableList(ports);
    }

    void attach(EthernetInterface itf) {
        ports.add(itf);
        for (EthernetInterface p : ports) {
            if (p != itf) {
                p.carrierChanged(); // a cable's far end may already be shut down
            }
        }
    }

    public long bandwidthBps() {
        return bandwidthBps;
    }

    public long delay() {
        return delay;
    }

    public double loss() {
        return loss;
    }

    public int mtu() {
        return mtu;
    }

    public int queueLimit() {
        return queueLimit;
    }

    public boolean hasCarrier() {
        return carrier;
    }

    public boolean isSilentlyFailed() {
        return silent;
    }

    /** Ports whose far side is outside the simulation (live mode). */
    public List<ExternalPort> externalPorts() {
        return java.util.Collections.unmodifiableList(externals);
    }

    /**
     * Adds a port whose far side is outside the simulation; frames the simulated ports transmit
     * reach {@code sink}, and {@link ExternalPort#inject} puts frames on the segment.
     */
    public ExternalPort attachExternal(String portName, ExternalPort.Sink sink) {
        ExternalPort p = new ExternalPort(this, portName, sink);
        externals.add(p);
        return p;
    }

    public void addTap(FrameTap tap) {
        taps.add(tap);
    }

    /** Carrier loss or restoration: every attached interface sees it at once. */
    public void setCarrier(boolean up) {
        if (carrier == up) {
            return;
        }
        carrier = up;
        for (EthernetInterface p : ports) {
            p.carrierChanged();
        }
    }

    /**
     * Whether {@code port} sees carrier. On a point-to-point cable (two ports) a far end that is
     * administratively shut down stops transmitting, so the near end loses carrier as on a real
     * Ethernet cable; on a LAN segment (a switch or hub) one port's shutdown affects only itself.
     */
    public boolean hasCarrierFor(EthernetInterface port) {
        if (!carrier) {
            return false;
        }
        if (ports.size() == 2) {
            EthernetInterface far = ports.get(0) == port ? ports.get(1) : ports.get(0);
            return far.isAdminUp();
        }
        return true;
    }

    /** A port was shut down or enabled: on a cable the far end's carrier follows it. */
    void portAdminChanged(EthernetInterface port) {
        if (ports.size() == 2) {
            (ports.get(0) == port ? ports.get(1) : ports.get(0)).carrierChanged();
        }
    }

    /** Silent failure on or off: frames vanish, interfaces stay up. */
    public void setSilentFailure(boolean failed) {
        silent = failed;
    }

    /** Changes loss probability and/or propagation delay (negative values keep the current one). */
    public void impair(double newLoss, long newDelay) {
        if (newLoss >= 0) {
            loss = newLoss;
        }
        if (newDelay >= 0) {
            delay = newDelay;
        }
    }

    /** Serialization time of a frame of {@code len} octets. */
    public long serialization(int len) {
        return (long) (len + WIRE_OVERHEAD) * 8L * SimTime.SECOND / bandwidthBps;
    }

    /**
     * Queues {@code frame} on {@code from}'s transmitter. Returns false (and counts nothing:
     * the caller counts) when the output queue is full.
     */
    boolean transmit(EthernetInterface from, PacketBuffer frame) {
        long now = scheduler.now();
        if (from.queuedFrames(now) >= queueLimit) {
            framesQueueDropped++;
            return false;
        }
        long start = Math.max(now, from.txBusyUntil);
        long end = start + serialization(frame.length());
        from.enqueueTx(end);
        framesSent++;
        for (int i = 0; i < taps.size(); i++) {
            taps.get(i).frame(start, frame.array(), frame.offset(), frame.length());
        }
        if (loss > 0 && random.nextDouble() < loss) {
            framesLost++;
            lost(frame, LinkDrop.RANDOM_LOSS);
            return true;
        }
        long arrival = end + delay;
        for (int i = 0; i < externals.size(); i++) {
            ExternalPort x = externals.get(i);
            PacketBuffer copy = frame.copy();
            scheduler.schedule(arrival, () -> arriveExternal(x, copy));
        }
        int n = ports.size();
        EthernetInterface last = null;
        for (int i = 0; i < n; i++) {
            EthernetInterface to = ports.get(i);
            if (to == from) {
                continue;
            }
            if (last != null) {
                PacketBuffer copy = frame.copy();
                EthernetInterface target = last;
                scheduler.schedule(arrival, () -> arrive(target, copy));
            }
            last = to;
        }
        if (last != null) {
            EthernetInterface target = last;
            scheduler.schedule(arrival, () -> arrive(target, frame));
        }
        return true;
    }

    /** A frame from outside: serialized on the external port's own transmitter, then delivered. */
    void transmitExternal(ExternalPort from, PacketBuffer frame) {
        long now = scheduler.now();
        long start = Math.max(now, from.txBusyUntil);
        long end = start + serialization(frame.length());
        from.txBusyUntil = end;
        framesSent++;
        for (int i = 0; i < taps.size(); i++) {
            taps.get(i).frame(start, frame.array(), frame.offset(), frame.length());
        }
        if (loss > 0 && random.nextDouble() < loss) {
            framesLost++;
            return;
        }
        long arrival = end + delay;
        for (int i = 0; i < externals.size(); i++) {
            ExternalPort x = externals.get(i);
            if (x != from) {
                PacketBuffer copy = frame.copy();
                scheduler.schedule(arrival, () -> arriveExternal(x, copy));
            }
        }
        for (int i = 0; i < ports.size(); i++) {
            EthernetInterface to = ports.get(i);
            PacketBuffer copy = frame.copy();
            scheduler.schedule(arrival, () -> arrive(to, copy));
        }
    }

    private void arriveExternal(ExternalPort to, PacketBuffer frame) {
        if (silent) {
            framesSilentlyDropped++;
            return;
        }
        if (!carrier) {
            return;
        }
        to.deliver(frame);
    }

    private void arrive(EthernetInterface to, PacketBuffer frame) {
        if (silent) {
            framesSilentlyDropped++;
            lost(frame, LinkDrop.SILENT_FAILURE);
            return;
        }
        if (!carrier) {
            lost(frame, LinkDrop.NO_CARRIER);
            return;
        }
        to.receiveFrame(frame);
    }

    /** A probe's frame vanished here: tell whoever listens (nothing is built otherwise). */
    private void lost(PacketBuffer frame, LinkDrop why) {
        if (frame.trace() != 0 && events != null && events.wants(io.tunnelsim.node.event.FrameLost.class)) {
            events.publish(new io.tunnelsim.node.event.FrameLost(scheduler.now(), name, why, frame.trace()));
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
