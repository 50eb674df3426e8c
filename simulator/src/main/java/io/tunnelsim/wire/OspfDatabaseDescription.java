package io.tunnelsim.wire;

import java.util.List;

/**
 * An OSPF Database Description packet body (RFC 2328 §A.3.3).
 *
 * @param interfaceMtu largest IP datagram the interface sends unfragmented (0 on virtual links)
 * @param options the Options field (§A.2)
 * @param init the I bit: first packet of the sequence
 * @param more the M bit: more packets follow
 * @param master the MS bit: the sender is master
 * @param ddSequenceNumber unsigned 32-bit
 */
public record OspfDatabaseDescription(int interfaceMtu, int options, boolean init, boolean more, boolean master,
                                      long ddSequenceNumber, List<LsaHeader> lsaHeaders) implements OspfMessage {

    public OspfDatabaseDescription {
        if (interfaceMtu < 0 || interfaceMtu > 0xffff || options < 0 || options > 0xff) {
            throw new IllegalArgumentException("MTU/options out of range");
        }
        if (ddSequenceNumber < 0 || ddSequenceNumber > 0xffff_ffffL) {
            throw new IllegalArgumentException("DD sequence number " + ddSequenceNumber);
        }
        lsaHeaders = List.copyOf(lsaHeaders);
    }

    @Override
    public int type() {
        return DATABASE_DESCRIPTION;
    }
}
