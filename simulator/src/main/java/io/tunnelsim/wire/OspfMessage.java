package io.tunnelsim.wire;

/** The body of an OSPFv2 packet, one record per packet type (RFC 2328 §A.3.2-§A.3.6). */
public sealed interface OspfMessage
        permits OspfHello, OspfDatabaseDescription, OspfLinkStateRequest, OspfLinkStateUpdate, OspfLinkStateAck {

    int HELLO = 1;
    int DATABASE_DESCRIPTION = 2;
    int LINK_STATE_REQUEST = 3;
    int LINK_STATE_UPDATE = 4;
    int LINK_STATE_ACK = 5;

    /** The OSPF packet type, 1..5. */
    int type();
}
