package io.tunnelsim.wire;

/**
 * The first 8 bytes of an ICMPv6 message (RFC 4443 §2.1): type, code, and the 32-bit word
 * that follows the checksum, whose meaning depends on the type (identifier and sequence number
 * of an echo, the MTU of a Packet Too Big, unused in the other errors). The checksum is
 * computed by {@link Icmpv6Codec} and is not part of the record.
 *
 * @param type message type, 0..255
 * @param code message code, 0..255
 * @param rest the 32 bits after the checksum, unsigned
 */
public record Icmpv6Header(int type, int code, long rest) {

    public static final int DESTINATION_UNREACHABLE = 1;
    public static final int PACKET_TOO_BIG = 2;
    public static final int TIME_EXCEEDED = 3;
    public static final int PARAMETER_PROBLEM = 4;
    public static final int ECHO_REQUEST = 128;
    public static final int ECHO_REPLY = 129;
    public static final int NEIGHBOR_SOLICITATION = 135;
    public static final int NEIGHBOR_ADVERTISEMENT = 136;

    /** Destination Unreachable codes (RFC 4443 §3.1). */
    public static final int UNREACHABLE_NO_ROUTE = 0;
    public static final int UNREACHABLE_ADMIN_PROHIBITED = 1;
    public static final int UNREACHABLE_BEYOND_SCOPE = 2;
    public static final int UNREACHABLE_ADDRESS = 3;
    public static final int UNREACHABLE_PORT = 4;
    public static final int UNREACHABLE_POLICY_FAILED = 5;
    public static final int UNREACHABLE_REJECT_ROUTE = 6;

    /** Time Exceeded codes (RFC 4443 §3.3). */
    public static final int HOP_LIMIT_EXCEEDED = 0;
    public static final int REASSEMBLY_TIME_EXCEEDED = 1;

    public Icmpv6Header {
        if (type < 0 || type > 0xff || code < 0 || code > 0xff) {
            throw new IllegalArgumentException("type/code out of range: " + type + "/" + code);
        }
        if (rest < 0 || rest > 0xffff_ffffL) {
            throw new IllegalArgumentException("rest of header out of range: " + rest);
        }
    }

    public static Icmpv6Header echoRequest(int identifier, int sequence) {
        return new Icmpv6Header(ECHO_REQUEST, 0, echoWord(identifier, sequence));
    }

    public static Icmpv6Header echoReply(int identifier, int sequence) {
        return new Icmpv6Header(ECHO_REPLY, 0, echoWord(identifier, sequence));
    }

    public static Icmpv6Header destinationUnreachable(int code) {
        if (code > UNREACHABLE_REJECT_ROUTE) {
            throw new IllegalArgumentException("destination unreachable code " + code);
        }
        return new Icmpv6Header(DESTINATION_UNREACHABLE, code, 0);
    }

    public static Icmpv6Header packetTooBig(long mtu) {
        return new Icmpv6Header(PACKET_TOO_BIG, 0, mtu);
    }

    public static Icmpv6Header timeExceeded(int code) {
        if (code > REASSEMBLY_TIME_EXCEEDED) {
            throw new IllegalArgumentException("time exceeded code " + code);
        }
        return new Icmpv6Header(TIME_EXCEEDED, code, 0);
    }

    /** True for error messages (types 0-127, RFC 4443 §2.1). */
    public boolean isError() {
        return type < 128;
    }

    /** Echo identifier (high 16 bits of {@link #rest}). */
    public int identifier() {
        return (int) (rest >>> 16);
    }

    /** Echo sequence number (low 16 bits of {@link #rest}). */
    public int sequence() {
        return (int) (rest & 0xffff);
    }

    /** The MTU of a Packet Too Big message. */
    public long mtu() {
        return rest;
    }

    private static long echoWord(int identifier, int sequence) {
        if (identifier < 0 || identifier > 0xffff || sequence < 0 || sequence > 0xffff) {
            throw new IllegalArgumentException("echo identifier/sequence out of range");
        }
        return ((long) identifier << 16) | sequence;
    }
}
