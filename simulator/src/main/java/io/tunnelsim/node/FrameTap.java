package io.tunnelsim.node;

/** Sees every frame a segment puts on the wire, with the time transmission started (pcap). */
@FunctionalInterface
public interface FrameTap {
    void frame(long time, byte[] bytes, int off, int len);
}
