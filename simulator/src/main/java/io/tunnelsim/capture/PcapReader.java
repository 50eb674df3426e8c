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
 *
 * <p>A malformed file is an {@link IOException} naming the record and its byte offset, never
 * an allocation of what a corrupt header announces: a record may hold at most the file's snap
 * length (a snap length of 0 or above {@value #MAXIMUM_SNAPLEN} counts as
 * {@value #MAXIMUM_SNAPLEN}, libpcap's {@code MAXIMUM_SNAPLEN}), and, for a file, no more than
 * the bytes left in it.
 */
public final class PcapReader implements Closeable {

    /** One captured frame. {@code data} holds the captured bytes (at most the snap length). */
    public record Record(long timeNs, int originalLength, byte[] data) {
    }

    /** libpcap's largest snap length (pcap-int.h {@code MAXIMUM_SNAPLEN}). */
    public static final int MAXIMUM_SNAPLEN = 262_144;

    private final InputStream in;
    private final String name;
    private long remaining;
    private long offset;
    private long recordNumber;
    private final boolean bigEndian;
    private final boolean nanoseconds;
    private final int versionMajor;
    private final int versionMinor;
    private final int snaplen;
    private final int linkType;

    public PcapReader(InputStream in) throws IOException {
        this(in, "pcap stream", Long.MAX_VALUE);
    }

    private PcapReader(InputStream in, String name, long size) throws IOException {
        this.in = new BufferedInputStream(in);
        this.name = name;
        this.remaining = size;
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
            throw new IOException(String.format("%s: not a pcap file (magic 0x%08x)", name, be));
        }
        versionMajor = getShort(h, 4);
        versionMinor = getShort(h, 6);
        snaplen = getInt(h, 16, bigEndian);
        linkType = getInt(h, 20, bigEndian);
    }

    public static PcapReader open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": not a regular file");
        }
        long size = Files.size(file);
        InputStream s = Files.newInputStream(file);
        try {
            return new PcapReader(s, file.toString(), size);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
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
        long caplen = Integer.toUnsignedLong(getInt(h, 8, bigEndian));
        long origlen = Integer.toUnsignedLong(getInt(h, 12, bigEndian));
        long recordAt = offset - PcapWriter.RECORD_HEADER_LENGTH;
        recordNumber++;
        int limit = snaplen <= 0 || snaplen > MAXIMUM_SNAPLEN ? MAXIMUM_SNAPLEN : snaplen;
        if (caplen > limit) {
            throw malformed(recordAt, "captured length " + caplen + " is above the snap length " + limit);
        }
        if (caplen > remaining) {
            throw malformed(recordAt, "captured length " + caplen + " but only " + remaining + " bytes left in the file"
                    + " (truncated file)");
        }
        if (origlen < caplen) {
            throw malformed(recordAt, "original length " + origlen + " is below the captured length " + caplen);
        }
        byte[] data = readFully((int) caplen, true);
        return Optional.of(new Record(sec * 1_000_000_000L + (nanoseconds ? frac : frac * 1000),
                (int) Math.min(origlen, Integer.MAX_VALUE), data));
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

    private IOException malformed(long at, String what) {
        return new IOException(name + ": record " + recordNumber + " at byte " + at + ": " + what);
    }

    /** Reads n bytes; at a clean end of file returns null unless {@code required}. */
    private byte[] readFully(int n, boolean required) throws IOException {
        if (n > remaining) {
            if (remaining == 0 && !required) {
                return null;
            }
            throw new EOFException(name + ": file ends inside a " + n + "-byte "
                    + (n == PcapWriter.FILE_HEADER_LENGTH ? "file header" : "block") + " at byte " + offset
                    + " (truncated file)");
        }
        byte[] b = new byte[n];
        int got = 0;
        while (got < n) {
            int r = in.read(b, got, n - got);
            if (r < 0) {
                if (got == 0 && !required) {
                    return null;
                }
                throw new EOFException(name + ": file ends inside a " + n + "-byte block at byte " + (offset + got)
                        + " (truncated file)");
            }
            got += r;
        }
        offset += n;
        remaining -= n;
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
