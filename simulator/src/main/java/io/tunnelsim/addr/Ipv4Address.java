package io.tunnelsim.addr;

/**
 * An IPv4 address backed by its 32 bits (network order: the first octet is the most
 * significant byte of {@link #bits()}).
 */
public record Ipv4Address(int bits) implements Comparable<Ipv4Address> {

    /**
     * As the record's own equality, written out: addresses are compared on the hottest paths
     * (LSA, route and forwarding checks), where the generated version is not inlined.
     */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Ipv4Address a && a.bits == bits;
    }

    /** The value the record's generated hash code has (its one component's hash), without its indirection. */
    @Override
    public int hashCode() {
        return bits;
    }


    public static final Ipv4Address ANY = new Ipv4Address(0);
    public static final Ipv4Address BROADCAST = new Ipv4Address(-1);

    /** Parses dotted-quad notation; throws {@link IllegalArgumentException} naming the problem. */
    public static Ipv4Address parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("missing IPv4 address");
        }
        int value = 0;
        int octets = 0;
        int current = -1;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '.';
            if (c == '.') {
                if (current < 0 || octets == 4) {
                    throw new IllegalArgumentException("'" + text + "' is not an IPv4 address (expected a.b.c.d)");
                }
                value = (value << 8) | current;
                octets++;
                current = -1;
            } else if (c >= '0' && c <= '9') {
                current = current < 0 ? c - '0' : current * 10 + (c - '0');
                if (current > 255) {
                    throw new IllegalArgumentException("'" + text + "' has an octet above 255");
                }
            } else {
                throw new IllegalArgumentException("'" + text + "' is not an IPv4 address (expected a.b.c.d)");
            }
        }
        if (octets != 4) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 address (expected a.b.c.d)");
        }
        return new Ipv4Address(value);
    }

    public static Ipv4Address of(int a, int b, int c, int d) {
        return new Ipv4Address((a << 24) | (b << 16) | (c << 8) | d);
    }

    /** Reads four bytes in network order. */
    public static Ipv4Address read(byte[] buf, int off) {
        return new Ipv4Address(readBits(buf, off));
    }

    public static int readBits(byte[] buf, int off) {
        return ((buf[off] & 0xff) << 24) | ((buf[off + 1] & 0xff) << 16)
                | ((buf[off + 2] & 0xff) << 8) | (buf[off + 3] & 0xff);
    }

    public static void writeBits(byte[] buf, int off, int bits) {
        buf[off] = (byte) (bits >>> 24);
        buf[off + 1] = (byte) (bits >>> 16);
        buf[off + 2] = (byte) (bits >>> 8);
        buf[off + 3] = (byte) bits;
    }

    public void write(byte[] buf, int off) {
        writeBits(buf, off, bits);
    }

    public byte[] toBytes() {
        byte[] b = new byte[4];
        write(b, 0);
        return b;
    }

    public boolean isMulticast() {
        return (bits >>> 28) == 0xE;
    }

    public boolean isLimitedBroadcast() {
        return bits == -1;
    }

    public boolean isUnspecified() {
        return bits == 0;
    }

    public Ipv4Address plus(int n) {
        return new Ipv4Address(bits + n);
    }

    @Override
    public int compareTo(Ipv4Address o) {
        return Integer.compareUnsigned(bits, o.bits);
    }

    @Override
    public String toString() {
        return ((bits >>> 24) & 0xff) + "." + ((bits >>> 16) & 0xff) + "." + ((bits >>> 8) & 0xff) + "." + (bits & 0xff);
    }
}
