package io.tunnelsim.wire;

import java.util.Arrays;

/**
 * A packet's bytes with headroom and tailroom, so that encapsulation (push a header in front)
 * and decapsulation (pull a header off) move an offset instead of copying the payload — the
 * shape of ns-3's AddHeader/RemoveHeader and of kernel socket buffers.
 *
 * <p>The valid bytes are {@code array()[offset() .. offset() + length())}. A buffer belongs to
 * one owner at a time: a node that hands it to a link no longer touches it.
 */
public final class PacketBuffer {
    /** Room for Ethernet + outer IPv4 + GRE with all options + ESP header and IV, with margin. */
    public static final int DEFAULT_HEADROOM = 128;
    /** Room for ESP padding, trailer and a 16-byte ICV. */
    public static final int DEFAULT_TAILROOM = 48;

    private byte[] data;
    private int start;
    private int end;
    /** Which probe this packet is (0: none); see {@link #trace()}. */
    private long trace;

    private PacketBuffer(byte[] data, int start, int end) {
        this.data = data;
        this.start = start;
        this.end = end;
    }

    /** An empty buffer with default headroom, ready to receive {@code capacity} bytes by {@link #append}. */
    public static PacketBuffer allocate(int capacity) {
        byte[] d = new byte[DEFAULT_HEADROOM + capacity + DEFAULT_TAILROOM];
        return new PacketBuffer(d, DEFAULT_HEADROOM, DEFAULT_HEADROOM);
    }

    /** A buffer holding a copy of {@code bytes[off .. off+len)} with default head- and tailroom. */
    public static PacketBuffer copyOf(byte[] bytes, int off, int len) {
        PacketBuffer b = allocate(len);
        System.arraycopy(bytes, off, b.data, b.start, len);
        b.end = b.start + len;
        return b;
    }

    public static PacketBuffer copyOf(byte[] bytes) {
        return copyOf(bytes, 0, bytes.length);
    }

    /** Wraps an array without copying; there is no headroom until the first {@link #push}. */
    public static PacketBuffer wrap(byte[] bytes, int off, int len) {
        return new PacketBuffer(bytes, off, off + len);
    }

    public byte[] array() {
        return data;
    }

    public int offset() {
        return start;
    }

    public int length() {
        return end - start;
    }

    public int end() {
        return end;
    }

    public int headroom() {
        return start;
    }

    public int tailroom() {
        return data.length - end;
    }

    /** Prepends {@code n} bytes and returns the offset at which they start. */
    public int push(int n) {
        if (n > start) {
            grow(n - start + DEFAULT_HEADROOM, 0);
        }
        start -= n;
        return start;
    }

    /** Removes {@code n} bytes from the front. */
    public void pull(int n) {
        if (n > length()) {
            throw new IllegalArgumentException("pull " + n + " from " + length() + " bytes");
        }
        start += n;
    }

    /** Appends {@code n} bytes (contents unspecified) and returns the offset at which they start. */
    public int append(int n) {
        if (n > tailroom()) {
            grow(0, n - tailroom() + DEFAULT_TAILROOM);
        }
        int at = end;
        end += n;
        return at;
    }

    /** Shortens the packet to {@code len} bytes, dropping the tail (e.g. Ethernet padding). */
    public void truncate(int len) {
        if (len < 0 || len > length()) {
            throw new IllegalArgumentException("truncate to " + len + " of " + length() + " bytes");
        }
        end = start + len;
    }

    /** An independent copy with the default head- and tailroom; the trace tag goes with it. */
    public PacketBuffer copy() {
        PacketBuffer c = copyOf(data, start, length());
        c.trace = trace;
        return c;
    }

    /**
     * The trace tag: which probe packet this is, 0 for every other packet. It is metadata, not
     * bytes on the wire (the shape of an ns-3 packet tag): a probe application sets it, it stays
     * with the buffer through encapsulation, encryption and decapsulation (they work in place),
     * and copies and fragments inherit it, so a drop deep inside a tunnel can still name the
     * probe it lost.
     */
    public long trace() {
        return trace;
    }

    public void setTrace(long tag) {
        this.trace = tag;
    }

    public byte[] toByteArray() {
        return Arrays.copyOfRange(data, start, end);
    }

    public int getU8(int pos) {
        return data[start + pos] & 0xff;
    }

    public int getU16(int pos) {
        int p = start + pos;
        return ((data[p] & 0xff) << 8) | (data[p + 1] & 0xff);
    }

    private void grow(int extraHead, int extraTail) {
        int len = length();
        byte[] d = new byte[extraHead + start + len + (data.length - end) + extraTail];
        int newStart = start + extraHead;
        System.arraycopy(data, start, d, newStart, len);
        data = d;
        start = newStart;
        end = newStart + len;
    }

    @Override
    public String toString() {
        return "PacketBuffer[" + length() + " bytes]";
    }
}
