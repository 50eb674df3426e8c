package io.tunnelsim.wire;

import java.util.List;

/** An OSPF Link State Acknowledgment packet body (RFC 2328 §A.3.6): headers of the LSAs acknowledged. */
public record OspfLinkStateAck(List<LsaHeader> lsaHeaders) implements OspfMessage {

    public OspfLinkStateAck {
        lsaHeaders = List.copyOf(lsaHeaders);
    }

    @Override
    public int type() {
        return LINK_STATE_ACK;
    }
}
