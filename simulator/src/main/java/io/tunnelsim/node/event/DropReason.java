package io.tunnelsim.node.event;

/**
 * Why a packet was dropped: one enum per layer implements this ({@code NodeDrop},
 * {@code TunnelDrop}, {@code OspfDrop}, {@code RipDrop}, {@code EspDropReason}, …), in the
 * manner of ns-3's per-layer drop reasons with their drop trace sources. The label is the
 * stable printed name the node counts the drop under.
 */
public interface DropReason {

    /** The printed name, e.g. {@code ttl-expired}. */
    String label();
}
