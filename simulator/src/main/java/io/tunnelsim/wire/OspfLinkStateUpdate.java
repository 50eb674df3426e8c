package io.tunnelsim.wire;

import java.util.List;

/** An OSPF Link State Update packet body (RFC 2328 §A.3.5): complete LSAs. */
public record OspfLinkStateUpdate(List<Lsa> lsas) implements OspfMessage {

    public OspfLinkStateUpdate {
        lsas = List.copyOf(lsas);
    }

    @Override
    public int type() {
        return LINK_STATE_UPDATE;
    }
}
