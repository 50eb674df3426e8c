package io.tunnelsim.live;

import io.tunnelsim.node.ExternalPort;
import io.tunnelsim.node.Network;
import io.tunnelsim.node.Node;
import io.tunnelsim.node.NodeService;
import io.tunnelsim.node.Segment;
import io.tunnelsim.routing.bfd.BfdService;
import io.tunnelsim.routing.ospf.OspfInterfaceConfig;
import io.tunnelsim.routing.ospf.OspfProcess;
import io.tunnelsim.routing.rip.RipProcess;
import io.tunnelsim.sim.Scheduler;
import io.tunnelsim.sim.SimTime;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleConsumer;

/**
 * Live mode: bridges simulated segments to TAP devices and paces the scheduler against the wall
 * clock, so that real routers (FRR in a network namespace, say) exchange frames with simulated
 * ones. Simulated time 0 is the instant {@link #drive} starts; an event at simulated time
 * {@code t} runs as soon as {@code t} has passed on the wall clock; a frame read from a TAP device
 * enters its segment at the simulated time it was picked up, as if the external port had sent it.
 *
 * <p>One reader thread per TAP device waits for frames and queues them; everything else (the
 * scheduler, every simulated node, the writes to the TAP devices) runs on the thread that calls
 * {@link #drive}, so the simulation stays single-threaded.
 *
 * <p>Lag monitor: the lag is how late an event runs compared with its simulated time. Past the
 * {@link LiveSpec#lagWarningNs() warning threshold} it is logged as {@code %LIVE-4-LAG} (at most
 * once per simulated second); past a quarter of the smallest dead interval of the scenario's
 * protocols (OSPF RouterDeadInterval, RIP timeout, BFD detection time) the run stops with
 * {@link LiveException}, because a neighbour could then be declared dead for the simulator's
 * slowness alone. A BFD session's detection time is taken as its own timers give it with a
 * peer of the same timers (multiplier × the larger interval): a peer with faster timers does not
 * tighten the limit.
 *
 * <p>Simplifications: live runs are not deterministic (frame arrival times come from the wall
 * clock) and are marked so in summary.json; the simulation cannot run faster than real time;
 * a frame's arrival is stamped when the driver picks it up, up to one pacing step after the
 * kernel delivered it.
 */
public final class LiveDriver implements AutoCloseable {
    /** Longest poll(2) wait of a reader thread, so that close() is noticed promptly. */
    private static final int READ_POLL_MS = 50;
    private static final int MAX_FRAME = 65_536;

    private record Inbound(ExternalPort port, byte[] frame) {
    }

    private record Attachment(String link, Segment segment, TapDevice tap, ExternalPort port, Thread reader) {
    }

    private final Network net;
    private final LiveSpec spec;
    private final List<Attachment> attachments = new ArrayList<>();
    private final LinkedBlockingQueue<Inbound> inbound = new LinkedBlockingQueue<>();
    private final long lagLimitNs;
    private volatile boolean running = true;
    private volatile IOException readerFailure;
    private long maxLag;
    private long lagSum;
    private long lagSamples;
    private long lagWarnings;
    private long lastWarning = Long.MIN_VALUE;
    private long writeErrors;

    private LiveDriver(Network net, LiveSpec spec) {
        this.net = net;
        this.spec = spec;
        this.lagLimitNs = lagLimit(net);
    }

    /** A quarter of the shortest dead interval or BFD detection time, 0 when there is none. */
    static long lagLimit(Network net) {
        long dead = Math.min(smallestDeadInterval(net), shortestBfdDetectionTime(net));
        return dead == Long.MAX_VALUE ? 0 : dead / 4;
    }

    /**
     * Opens every TAP device of {@code spec} and attaches it to its segment as an external port.
     * On failure, whatever was opened is closed again.
     */
    public static LiveDriver attach(Network net, Map<String, Segment> segmentsByLink, LiveSpec spec) throws IOException {
        LiveDriver d = new LiveDriver(net, spec);
        try {
            for (Map.Entry<String, String> e : spec.segments().entrySet()) {
                Segment s = segmentsByLink.get(e.getKey());
                if (s == null) {
                    throw new LiveException("no link named '" + e.getKey() + "' to attach TAP device " + e.getValue() + " to");
                }
                d.add(e.getKey(), s, TapDevice.open(e.getValue()));
            }
        } catch (IOException | RuntimeException ex) {
            d.close();
            throw ex;
        }
        return d;
    }

    private void add(String link, Segment s, TapDevice tap) {
        ExternalPort port = s.attachExternal(tap.name(), (b, off, len) -> {
            try {
                tap.write(b, off, len);
            } catch (IOException ex) {
                writeErrors++;
                if (writeErrors == 1) {
                    net.log().log("live", "LIVE-3-TAPERR", ex.getMessage());
                }
            }
        });
        Thread reader = new Thread(() -> readLoop(tap, port), "tap-" + tap.name());
        reader.setDaemon(true);
        attachments.add(new Attachment(link, s, tap, port, reader));
        net.log().log("live", "LIVE-5-ATTACH", "segment " + link + " bridged to TAP device " + tap.name());
        reader.start();
    }

    private void readLoop(TapDevice tap, ExternalPort port) {
        byte[] buf = new byte[MAX_FRAME];
        while (running) {
            int n;
            try {
                n = tap.read(buf, READ_POLL_MS);
            } catch (IOException ex) {
                readerFailure = ex;
                return;
            }
            if (n < 0) {
                return;
            }
            if (n >= io.tunnelsim.wire.EthernetHeader.LENGTH) {
                inbound.offer(new Inbound(port, java.util.Arrays.copyOf(buf, n)));
            }
        }
    }

    /**
     * A quarter of the smallest OSPF dead interval, RIP timeout or BFD detection time in the
     * network, 0 when it runs none of them.
     */
    public long lagLimitNs() {
        return lagLimitNs;
    }

    /** The smallest OSPF RouterDeadInterval or RIP route timeout configured on any node. */
    static long smallestDeadInterval(Network net) {
        long min = Long.MAX_VALUE;
        for (Node n : net.nodes()) {
            for (NodeService svc : n.services()) {
                if (svc instanceof OspfProcess o) {
                    for (OspfInterfaceConfig c : o.config().interfaces().values()) {
                        min = Math.min(min, c.deadInterval() * SimTime.SECOND);
                    }
                } else if (svc instanceof RipProcess r) {
                    min = Math.min(min, r.config().timeout());
                }
            }
        }
        return min;
    }

    /**
     * The shortest BFD detection time of any node ({@link BfdService#shortestDetectionTime()}:
     * configured peers, static routes and tracks with BFD, OSPF interfaces with {@code bfd}),
     * {@link Long#MAX_VALUE} when no node runs BFD. A lag near it would let a peer declare a
     * session down for the simulator's slowness alone, or let a detection timer run before the
     * packets that arrived in time.
     */
    static long shortestBfdDetectionTime(Network net) {
        long min = Long.MAX_VALUE;
        for (Node n : net.nodes()) {
            BfdService b = n.service(BfdService.class);
            if (b != null && b.shortestDetectionTime() > 0) {
                min = Math.min(min, b.shortestDetectionTime());
            }
        }
        return min;
    }

    /**
     * Runs the scheduler in step with the wall clock until simulated time {@code end}.
     *
     * @throws LiveException when the lag exceeds the limit or a TAP device fails
     */
    public void drive(long end, DoubleConsumer progress) {
        Scheduler sch = net.scheduler();
        long origin = System.nanoTime() - sch.now();
        long lastProgress = 0;
        while (true) {
            long wall = System.nanoTime() - origin;
            long due = sch.peekTime();
            if (due <= wall && due <= end) {
                monitor(wall - due, sch.now());
            }
            long target = Math.min(wall, end);
            if (target > sch.now() || due <= target) {
                sch.runUntil(Math.max(target, sch.now()));
            }
            for (Inbound in; (in = inbound.poll()) != null; ) {
                in.port().inject(in.frame(), 0, in.frame().length);
            }
            if (readerFailure != null) {
                throw new LiveException(readerFailure.getMessage(), readerFailure);
            }
            if (target >= end) {
                break;
            }
            if (progress != null && target - lastProgress >= end / 200) {
                lastProgress = target;
                progress.accept(target / (double) end);
            }
            long next = Math.min(sch.peekTime(), end);
            long wait = next - (System.nanoTime() - origin);
            if (wait > 0) {
                try {
                    Inbound in = inbound.poll(wait, TimeUnit.NANOSECONDS);
                    if (in != null) {
                        // the frame enters at the instant it was picked up
                        long at = Math.min(System.nanoTime() - origin, end);
                        if (at > sch.now()) {
                            sch.runUntil(at);
                        }
                        in.port().inject(in.frame(), 0, in.frame().length);
                    }
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new LiveException("interrupted at " + SimTime.formatShort(sch.now()));
                }
            }
        }
    }

    private void monitor(long lag, long now) {
        lagSum += lag;
        lagSamples++;
        if (lag > maxLag) {
            maxLag = lag;
        }
        if (lagLimitNs > 0 && lag > lagLimitNs) {
            String msg = String.format(java.util.Locale.ROOT,
                    "scheduler %s behind the wall clock at %s, more than a quarter of the smallest dead interval"
                            + " or BFD detection time (%s); "
                            + "the simulation is too large or the machine too busy to run live",
                    SimTime.formatShort(lag), SimTime.formatShort(now), SimTime.formatShort(lagLimitNs * 4));
            net.log().log("live", "LIVE-3-LAGLIMIT", msg);
            throw new LiveException(msg);
        }
        if (lag > spec.lagWarningNs() && (lastWarning == Long.MIN_VALUE || now - lastWarning >= SimTime.SECOND)) {
            lastWarning = now;
            lagWarnings++;
            net.log().log("live", "LIVE-4-LAG", "scheduler " + SimTime.formatShort(lag) + " behind the wall clock");
        }
    }

    public LiveStats stats() {
        Map<String, String> segs = new LinkedHashMap<>();
        Map<String, Long> in = new LinkedHashMap<>();
        Map<String, Long> out = new LinkedHashMap<>();
        for (Attachment a : attachments) {
            segs.put(a.link(), a.tap().name());
            in.put(a.link(), a.port().framesIn);
            out.put(a.link(), a.port().framesOut);
        }
        return new LiveStats(segs, maxLag, lagSamples == 0 ? 0 : lagSum / lagSamples, lagLimitNs, lagWarnings, in, out);
    }

    /** Stops the reader threads and closes the TAP devices. */
    @Override
    public void close() {
        running = false;
        for (Attachment a : attachments) {
            try {
                a.reader().join(5 * READ_POLL_MS + 1000);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            a.tap().close();
        }
    }
}
