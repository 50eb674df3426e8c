package io.tunnelsim.wire;

/** A UDP header (RFC 768). See {@link UdpCodec}. */
public record UdpHeader(int sourcePort, int destinationPort, int length, int checksum) {
    public static final int LENGTH = 8;
}
