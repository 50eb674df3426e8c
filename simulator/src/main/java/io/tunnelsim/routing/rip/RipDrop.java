package io.tunnelsim.routing.rip;

import io.tunnelsim.wire.DropReason;

/**
 * Drop reasons of RIP packet reception (RFC 2453 §3.9.2). Each constant's {@link #label()} is the stable
 * name the node counts the drop under ({@code show counters}, {@code summary.json}).
 */
public enum RipDrop implements DropReason {
    RIP_BAD_ENTRY("rip-bad-entry"),
    RIP_BAD_SOURCE_PORT("rip-bad-source-port"),
    RIP_NOT_ENABLED("rip-not-enabled"),
    RIP_OWN_PACKET("rip-own-packet"),
    RIP_SOURCE_NOT_ON_LINK("rip-source-not-on-link"),
    RIP_UNSUPPORTED_VERSION("rip-unsupported-version");

    private final String label;

    RipDrop(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
