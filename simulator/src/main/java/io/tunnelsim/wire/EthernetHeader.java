package io.tunnelsim.wire;

import io.tunnelsim.addr.MacAddress;

/** An Ethernet II header: destination, source, EtherType. See {@link EthernetCodec}. */
public record EthernetHeader(MacAddress destination, MacAddress source, int etherType) {
    public static final int LENGTH = 14;
    public static final int TYPE_IPV4 = 0x0800;
    public static final int TYPE_ARP = 0x0806;
    public static final int TYPE_IPV6 = 0x86DD;
    /** Minimum frame length without FCS; shorter frames are padded on the wire. */
    public static final int MIN_FRAME = 60;

    public EthernetHeader {
        if (etherType < 0 || etherType > 0xffff) {
            throw new IllegalArgumentException("EtherType out of range: " + etherType);
        }
    }
}
