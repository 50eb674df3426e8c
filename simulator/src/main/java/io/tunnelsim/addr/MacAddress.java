package io.tunnelsim.addr;

/** A 48-bit IEEE MAC address held in the low bits of a long. */
public record MacAddress(long bits) {

    public static final MacAddress BROADCAST = new MacAddress(0xFFFF_FFFF_FFFFL);
    public static final MacAddress ZERO = new MacAddress(0);

    public MacAddress {
        if ((bits & ~0xFFFF_FFFF_FFFFL) != 0) {
            throw new IllegalArgumentException("MAC address wider than 48 bits");
        }
    }

    public static MacAddress parse(String text) {
        String[] parts = text.split("[:-]");
        if (parts.length != 6) {
            throw new IllegalArgumentException("'" + text + "' is not a MAC address (expected aa:bb:cc:dd:ee:ff)");
        }
        long v = 0;
        for (String p : parts) {
            if (p.length() != 2) {
                throw new IllegalArgumentException("'" + text + "' is not a MAC address (expected aa:bb:cc:dd:ee:ff)");
            }
            v = (v << 8) | Integer.parseInt(p, 16);
        }
        return new MacAddress(v);
    }

    /** A locally administered unicast address (02:…) built from a node and interface index. */
    public static MacAddress local(int nodeIndex, int ifIndex) {
        return new MacAddress(0x0200_0000_0000L | ((long) (nodeIndex & 0xFFFFFF) << 8) | (ifIndex & 0xff));
    }

    /** The Ethernet multicast address an IPv4 multicast group maps to (RFC 1112 §6.4). */
    public static MacAddress ipv4Multicast(Ipv4Address group) {
        return new MacAddress(0x0100_5E00_0000L | (group.bits() & 0x7FFFFF));
    }

    /** The Ethernet multicast address an IPv6 multicast group maps to (RFC 2464 §7). */
    public static MacAddress ipv6Multicast(Ipv6Address group) {
        return new MacAddress(0x3333_0000_0000L | (group.low() & 0xFFFF_FFFFL));
    }

    public static MacAddress read(byte[] buf, int off) {
        return new MacAddress(readBits(buf, off));
    }

    public static long readBits(byte[] buf, int off) {
        long v = 0;
        for (int i = 0; i < 6; i++) {
            v = (v << 8) | (buf[off + i] & 0xff);
        }
        return v;
    }

    public static void writeBits(byte[] buf, int off, long bits) {
        for (int i = 5; i >= 0; i--) {
            buf[off + i] = (byte) bits;
            bits >>>= 8;
        }
    }

    public void write(byte[] buf, int off) {
        writeBits(buf, off, bits);
    }

    public boolean isMulticast() {
        return (bits & 0x0100_0000_0000L) != 0;
    }

    public boolean isBroadcast() {
        return bits == BROADCAST.bits;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(17);
        for (int shift = 40; shift >= 0; shift -= 8) {
            int b = (int) (bits >>> shift) & 0xff;
            sb.append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xf, 16));
            if (shift > 0) {
                sb.append(':');
            }
        }
        return sb.toString();
    }
}
