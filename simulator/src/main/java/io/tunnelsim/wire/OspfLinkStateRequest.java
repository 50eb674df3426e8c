package io.tunnelsim.wire;

import java.util.List;

/** An OSPF Link State Request packet body (RFC 2328 §A.3.4): the LSAs the sender wants. */
public record OspfLinkStateRequest(List<LsaKey> requests) implements OspfMessage {

    public OspfLinkStateRequest {
        requests = List.copyOf(requests);
    }

    @Override
    public int type() {
        return LINK_STATE_REQUEST;
    }
}
