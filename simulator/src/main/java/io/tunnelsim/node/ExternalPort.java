package io.tunnelsim.node;

import io.tunnelsim.wire.PacketBuffer;

/**
 * A port of a {@link Segment} whose far side is outside the simulation (a TAP device in live
 * mode, or a test harness). Every frame a simulated interface transmits on the segment reaches
 * the port's {@link Sink} at the frame's arrival time, subject to the segment's loss, silent
 * failure and carrier like any other port; {@link #inject} puts a frame on the segment as if
 * this port had transmitted it, so every simulated port receives it after the segment's
 * serialization and propagation delay.
 *
 * <p>Both directions run on the scheduler's thread: a caller holding frames from another
 * thread hands them to the thread that drives the scheduler first (as the live driver does).
 *
 * <p>Simplifications: the port has no output queue of its own (frames from outside are never
 * tail-dropped; the outside network paces them) and frames it receives are not filtered by MAC
 * (the outside does that, as a bridge port would).
 */
public final class ExternalPort {
    /** Receives the frames the simulated side transmits, on the scheduler's thread. */
    @FunctionalInterface
    public interface Sink {
        void frame(byte[] bytes, int off, int len);
    }

    private final Segment segment;
    private final String name;
    private final Sink sink;
    long txBusyUntil;
    public long framesIn;
    public long framesOut;

    ExternalPort(Segment segment, String name, Sink sink) {
        this.segment = segment;
        this.name = name;
        this.sink = sink;
    }

    public Segment segment() {
        return segment;
    }

    public String name() {
        return name;
    }

    /**
     * Puts a copy of {@code bytes[off .. off+len)} (an Ethernet frame without FCS) on the
     * segment at the current simulated time. Frames shorter than an Ethernet header are refused.
     */
    public void inject(byte[] bytes, int off, int len) {
        if (len < io.tunnelsim.wire.EthernetHeader.LENGTH) {
            throw new IllegalArgumentException("frame of " + len + " bytes is shorter than an Ethernet header");
        }
        framesIn++;
        segment.transmitExternal(this, PacketBuffer.copyOf(bytes, off, len));
    }

    void deliver(PacketBuffer frame) {
        framesOut++;
        sink.frame(frame.array(), frame.offset(), frame.length());
    }

    @Override
    public String toString() {
        return segment.name() + "/" + name;
    }
}
