package io.tunnelsim.wire;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.addr.MacAddress;

/** An ARP packet for IPv4 over Ethernet (RFC 826). See {@link ArpCodec}. */
public record ArpPacket(int operation, MacAddress senderMac, Ipv4Address senderIp, MacAddress targetMac, Ipv4Address targetIp) {
    public static final int LENGTH = 28;
    public static final int REQUEST = 1;
    public static final int REPLY = 2;
}
