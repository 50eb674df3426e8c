package io.tunnelsim.capture;

import io.tunnelsim.node.Network;
import io.tunnelsim.node.Segment;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Captures of every link of a network: one nanosecond pcap file per link or LAN segment,
 * named after it ({@code pcap/hq-isp.pcap}), each frame stamped with the simulated time its
 * transmission started. A frame appears once per link, as a tap on the wire would see it.
 *
 * <p>Records are in time order. On a shared link each sender has its own transmitter, so a frame
 * queued behind earlier ones is handed to the tap when it is queued, with the (later) time its
 * transmission will start, and another sender may start a frame before that. Such a frame is
 * held until simulated time reaches its start and written then, so records never go backwards;
 * every frame handed to a tap starts at the current time or later, which makes this exact.
 */
public final class CaptureSet implements Closeable {
    private final List<InOrder> writers = new ArrayList<>();
    private final List<Path> files = new ArrayList<>();

    private CaptureSet() {
    }

    /** Opens one file per segment in {@code dir} (created when missing) and taps every segment. */
    public static CaptureSet attach(Network network, Path dir) throws IOException {
        Files.createDirectories(dir);
        CaptureSet c = new CaptureSet();
        for (Segment s : network.segments()) {
            Path file = dir.resolve(fileName(s.name()) + ".pcap");
            PcapWriter w = PcapWriter.create(file);
            InOrder o = new InOrder(w, network.scheduler());
            c.writers.add(o);
            c.files.add(file);
            s.addTap((time, bytes, off, len) -> {
                try {
                    o.frame(time, bytes, off, len);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write capture " + file, e);
                }
            });
        }
        return c;
    }

    /** A pcap writer that holds frames starting in the future until simulated time reaches them. */
    static final class InOrder implements Closeable {
        private record Held(long time, long seq, byte[] frame) {
        }

        private final PcapWriter writer;
        private final io.tunnelsim.sim.Scheduler clock;
        private final java.util.PriorityQueue<Held> held = new java.util.PriorityQueue<>(
                java.util.Comparator.comparingLong(Held::time).thenComparingLong(Held::seq));
        private long seq;

        InOrder(PcapWriter writer, io.tunnelsim.sim.Scheduler clock) {
            this.writer = writer;
            this.clock = clock;
        }

        void frame(long time, byte[] bytes, int off, int len) throws IOException {
            long now = clock.now();
            while (!held.isEmpty() && held.peek().time() <= now) {
                Held h = held.poll();
                writer.write(h.time(), h.frame());
            }
            if (time <= now) {
                writer.write(time, bytes, off, len); // every held frame starts later
            } else {
                held.add(new Held(time, seq++, java.util.Arrays.copyOfRange(bytes, off, off + len)));
            }
        }

        @Override
        public void close() throws IOException {
            try {
                while (!held.isEmpty()) {
                    Held h = held.poll();
                    writer.write(h.time(), h.frame());
                }
            } finally {
                writer.close();
            }
        }
    }

    /** A file-system safe name: characters other than letters, digits, '.', '_' and '-' become '_'. */
    static String fileName(String linkName) {
        return io.tunnelsim.topology.Names.fileName(linkName);
    }

    public List<Path> files() {
        return java.util.Collections.unmodifiableList(files);
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (InOrder w : writers) {
            try {
                w.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
