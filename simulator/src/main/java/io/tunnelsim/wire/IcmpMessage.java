package io.tunnelsim.wire;

/**
 * An ICMP message (RFC 792): type, code, the 4-byte rest-of-header word and the data. For echo
 * the rest holds identifier and sequence; for fragmentation-needed (RFC 1191) the low 16 bits
 * hold the next-hop MTU. See {@link IcmpCodec}.
 */
public record IcmpMessage(int type, int code, long rest, byte[] data) {
    public static final int ECHO_REPLY = 0;
    public static final int DEST_UNREACHABLE = 3;
    public static final int ECHO_REQUEST = 8;
    public static final int TIME_EXCEEDED = 11;
    public static final int CODE_NET_UNREACHABLE = 0;
    public static final int CODE_HOST_UNREACHABLE = 1;
    public static final int CODE_PROTOCOL_UNREACHABLE = 2;
    public static final int CODE_PORT_UNREACHABLE = 3;
    public static final int CODE_FRAGMENTATION_NEEDED = 4;

    public static IcmpMessage echo(boolean request, int identifier, int sequence, byte[] data) {
        return new IcmpMessage(request ? ECHO_REQUEST : ECHO_REPLY, 0, ((long) identifier << 16) | sequence, data);
    }

    public int identifier() {
        return (int) (rest >>> 16) & 0xffff;
    }

    public int sequence() {
        return (int) rest & 0xffff;
    }

    public int nextHopMtu() {
        return (int) rest & 0xffff;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IcmpMessage m && m.type == type && m.code == code && m.rest == rest
                && java.util.Arrays.equals(m.data, data);
    }

    @Override
    public int hashCode() {
        return (type * 31 + code) * 31 + Long.hashCode(rest) * 31 + java.util.Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "IcmpMessage[type=" + type + ", code=" + code + ", rest=" + rest + ", " + data.length + " data bytes]";
    }
}
