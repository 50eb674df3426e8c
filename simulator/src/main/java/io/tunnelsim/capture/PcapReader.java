package io.tunnelsim.capture;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads classic libpcap files (either byte order, microsecond or nanosecond timestamps), for
 * tests and for tools that post-process captures. Timestamps are returned in nanoseconds.
 */
public final class PcapReader implements Closeable {

    /** One captured frame. {@code data} holds the captured bytes (at most the snap length). */
    public record Record(long timeNs, int originalLength, byte[] data) {
    }

    private final InputStream in;
    private final boolean bigEndian;
    private final boolean nanoseconds;
    private final int versionMajor;
    private final int versionMinor;
    private final int snaplen;
    private final int linkType;

    public PcapReader(InputStream in) throws IOException {
        this.in = new BufferedInputStream(in);
        byte[] h = readFully(PcapWriter.FILE_HEADER_LENGTH, true);
        int le = getInt(h, 0, false);
        int be = getInt(h, 0, true);
        if (le == PcapWriter.MAGIC_NANOSECONDS || le == PcapWriter.MAGIC_MICROSECONDS) {
            bigEndian = false;
            nanoseconds = le == PcapWriter.MAGIC_NANOSECONDS;
        } else if (be == PcapWriter.MAGIC_NANOSECONDS || be == PcapWriter.MAGIC_MICROSECONDS) {
            bigEndian = true;
            nanoseconds = be == PcapWriter.MAGIC_NANOSECONDS;
        } else {
            throw new IOException(String.format("not a pcap file (magic 0x%08x)", be));
        }
        versionMajor = getShort(h, 4);
        versionMinor = getShort(h, 6);
        snaplen = getInt(h, 16, bigEndian);
        linkType = getInt(h, 20, bigEndian);
    }

    public static PcapReader open(Path file) throws IOException {
        return new PcapReader(Files.newInputStream(file));
    }

    /** Reads every record of {@code file}. */
    public static List<Record> readAll(Path file) throws IOException {
        try (PcapReader r = open(file)) {
            List<Record> list = new ArrayList<>();
            for (Optional<Record> rec = r.next(); rec.isPresent(); rec = r.next()) {
                list.add(rec.get());
            }
            return list;
        }
    }

    /** The next record, or empty at the end of the file. */
    public Optional<Record> next() throws IOException {
        byte[] h = readFully(PcapWriter.RECORD_HEADER_LENGTH, false);
        if (h == null) {
            return Optional.empty();
        }
        long sec = Integer.toUnsignedLong(getInt(h, 0, bigEndian));
        long frac = Integer.toUnsignedLong(getInt(h, 4, bigEndian));
        int caplen = getInt(h, 8, bigEndian);
        int origlen = getInt(h, 12, bigEndian);
        if (caplen < 0 || caplen > Math.max(snaplen, PcapWriter.SNAPLEN)) {
            throw new IOException("record of " + caplen + " captured bytes");
        }
        byte[] data = readFully(caplen, true);
        return Optional.of(new Record(sec * 1_000_000_000L + (nanoseconds ? frac : frac * 1000), origlen, data));
    }

    public boolean nanoseconds() {
        return nanoseconds;
    }

    public boolean bigEndian() {
        return bigEndian;
    }

    public int versionMajor() {
        return versionMajor;
    }

    public int versionMinor() {
        return versionMinor;
    }

    public int snaplen() {
        return snaplen;
    }

    public int linkType() {
        return linkType;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Reads n bytes; at a clean end of file returns null unless {@code required}. */
    private byte[] readFully(int n, boolean required) throws IOException {
        byte[] b = new byte[n];
        int got = 0;
        while (got < n) {
            int r = in.read(b, got, n - got);
            if (r < 0) {
                if (got == 0 && !required) {
                    return null;
                }
                throw new EOFException("pcap file ends inside a " + n + "-byte block");
            }
            got += r;
        }
        return b;
    }

    private int getShort(byte[] b, int p) {
        return bigEndian ? ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff) : ((b[p + 1] & 0xff) << 8) | (b[p] & 0xff);
    }

    private static int getInt(byte[] b, int p, boolean bigEndian) {
        if (bigEndian) {
            return ((b[p] & 0xff) << 24) | ((b[p + 1] & 0xff) << 16) | ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
        }
        return ((b[p + 3] & 0xff) << 24) | ((b[p + 2] & 0xff) << 16) | ((b[p + 1] & 0xff) << 8) | (b[p] & 0xff);
    }
}
