package io.tunnelsim.wire;

/**
 * Why a packet was dropped: one enum per layer implements this ({@link WireDrop} for the
 * codecs here, {@code NodeDrop}, {@code TunnelDrop}, {@code OspfDrop}, {@code RipDrop},
 * {@code EspDropReason}, …), in the manner of ns-3's per-layer drop reasons with their drop
 * trace sources. The label is the stable printed name the node counts the drop under. It
 * lives in {@code wire}, the lowest layer with drop reasons, so that a
 * {@link MalformedPacketException} carries one typed reason whichever layer's codec raised it.
 */
public interface DropReason {

    /** The printed name, e.g. {@code ttl-expired}. */
    String label();
}
