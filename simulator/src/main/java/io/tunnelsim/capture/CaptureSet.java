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
 */
public final class CaptureSet implements Closeable {
    private final List<PcapWriter> writers = new ArrayList<>();
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
            c.writers.add(w);
            c.files.add(file);
            s.addTap((time, bytes, off, len) -> {
                try {
                    w.write(time, bytes, off, len);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write capture " + file, e);
                }
            });
        }
        return c;
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
        for (PcapWriter w : writers) {
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
