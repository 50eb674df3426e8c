package io.tunnelsim.routing.ospf;

import io.tunnelsim.wire.DropReason;

/**
 * Drop reasons of OSPF packet reception (RFC 2328 §8.2, §10.5, §10.6). Each constant's {@link #label()} is the stable
 * name the node counts the drop under ({@code show counters}, {@code summary.json}).
 */
public enum OspfDrop implements DropReason {
    OSPF_AREA_MISMATCH("ospf-area-mismatch"),
    OSPF_AUTH_BAD_DIGEST("ospf-auth-bad-digest"),
    OSPF_AUTH_BAD_KEY_ID("ospf-auth-bad-key-id"),
    OSPF_AUTH_MISMATCH("ospf-auth-mismatch"),
    OSPF_AUTH_OLD_SEQUENCE("ospf-auth-old-sequence"),
    OSPF_DBD_MTU_MISMATCH("ospf-dbd-mtu-mismatch"),
    OSPF_HELLO_MISMATCH("ospf-hello-mismatch"),
    OSPF_NOT_DR("ospf-not-dr"),
    OSPF_NOT_ENABLED("ospf-not-enabled"),
    OSPF_OWN_PACKET("ospf-own-packet"),
    OSPF_STUB_MISMATCH("ospf-stub-mismatch"),
    OSPF_UNKNOWN_NEIGHBOR("ospf-unknown-neighbor"),
    OSPF_WRONG_SUBNET("ospf-wrong-subnet");

    private final String label;

    OspfDrop(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
