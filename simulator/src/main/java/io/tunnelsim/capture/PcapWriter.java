package io.tunnelsim.capture;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a classic libpcap capture file with nanosecond timestamps, link type Ethernet, so
 * that tshark and Wireshark show exactly the bytes the simulated nodes exchanged.
 *
 * <pre>
 * File header (24 bytes)                      Record header (16 bytes), then the frame
 * +----------------------------------+        +----------------------------------+
 * | magic 0xa1b23c4d (ns resolution) |        | timestamp seconds                |
 * | version major 2 | minor 4        |        | timestamp nanoseconds            |
 * | thiszone 0                       |        | captured length                  |
 * | sigfigs 0                        |        | original length                  |
 * | snaplen 65535                    |        +----------------------------------+
 * | link type 1 (Ethernet)           |
 * +----------------------------------+
 * </pre>
 *
 * <p>All fields are written little-endian; readers recognise the byte order from the magic.
 * Timestamps are simulated time (nanoseconds since the start of the run), never the wall
 * clock, so the same run writes the same file. Frames longer than the snap length are cut,
 * with their original length kept in the record header.
 */
public final class PcapWriter implements Closeable {
    public static final int MAGIC_NANOSECONDS = 0xa1b23c4d;
    public static final int MAGIC_MICROSECONDS = 0xa1b2c3d4;
    public static final int VERSION_MAJOR = 2;
    public static final int VERSION_MINOR = 4;
    public static final int SNAPLEN = 65535;
    public static final int LINKTYPE_ETHERNET = 1;
    public static final int FILE_HEADER_LENGTH = 24;
    public static final int RECORD_HEADER_LENGTH = 16;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final OutputStream out;
    private final byte[] recordHeader = new byte[RECORD_HEADER_LENGTH];
    private long records;

    /** Writes the file header to {@code out} at once; the stream is buffered and owned from now on. */
    public PcapWriter(OutputStream out) throws IOException {
        this.out = new BufferedOutputStream(out, 1 << 16);
        byte[] h = new byte[FILE_HEADER_LENGTH];
        putInt(h, 0, MAGIC_NANOSECONDS);
        putShort(h, 4, VERSION_MAJOR);
        putShort(h, 6, VERSION_MINOR);
        putInt(h, 8, 0);
        putInt(h, 12, 0);
        putInt(h, 16, SNAPLEN);
        putInt(h, 20, LINKTYPE_ETHERNET);
        this.out.write(h);
    }

    /** Creates (or truncates) {@code file}, creating missing parent directories. */
    public static PcapWriter create(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return new PcapWriter(Files.newOutputStream(file));
    }

    /** Appends one frame {@code frame[off .. off+len)} captured at simulated time {@code timeNs}. */
    public void write(long timeNs, byte[] frame, int off, int len) throws IOException {
        if (timeNs < 0) {
            throw new IllegalArgumentException("negative capture time " + timeNs);
        }
        if (len < 0 || off < 0 || off + len > frame.length) {
            throw new IndexOutOfBoundsException("frame range " + off + "+" + len + " of " + frame.length);
        }
        int caplen = Math.min(len, SNAPLEN);
        putInt(recordHeader, 0, (int) (timeNs / NANOS_PER_SECOND));
        putInt(recordHeader, 4, (int) (timeNs % NANOS_PER_SECOND));
        putInt(recordHeader, 8, caplen);
        putInt(recordHeader, 12, len);
        out.write(recordHeader);
        out.write(frame, off, caplen);
        records++;
    }

    public void write(long timeNs, byte[] frame) throws IOException {
        write(timeNs, frame, 0, frame.length);
    }

    /** Number of records written so far. */
    public long records() {
        return records;
    }

    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private static void putInt(byte[] b, int p, int v) {
        b[p] = (byte) v;
        b[p + 1] = (byte) (v >>> 8);
        b[p + 2] = (byte) (v >>> 16);
        b[p + 3] = (byte) (v >>> 24);
    }

    private static void putShort(byte[] b, int p, int v) {
        b[p] = (byte) v;
        b[p + 1] = (byte) (v >>> 8);
    }
}
