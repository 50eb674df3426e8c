package io.tunnelsim.addr;

/** An IPv6 prefix: address (host bits kept as given) and length 0–128. */
public record Ipv6Prefix(Ipv6Address address, int length) {

    public Ipv6Prefix {
        if (address == null) {
            throw new IllegalArgumentException("missing address");
        }
        if (length < 0 || length > 128) {
            throw new IllegalArgumentException("prefix length " + length + " is outside 0-128");
        }
    }

    public static Ipv6Prefix parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return new Ipv6Prefix(Ipv6Address.parse(text), 128);
        }
        int len;
        try {
            len = Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' has no numeric prefix length");
        }
        if (len < 0 || len > 128) {
            throw new IllegalArgumentException("'" + text + "' has prefix length " + len + " outside 0-128");
        }
        return new Ipv6Prefix(Ipv6Address.parse(text.substring(0, slash)), len);
    }

    private static long maskHigh(int length) {
        return length == 0 ? 0 : length >= 64 ? -1L : -1L << (64 - length);
    }

    private static long maskLow(int length) {
        return length <= 64 ? 0 : length == 128 ? -1L : -1L << (128 - length);
    }

    public boolean contains(Ipv6Address a) {
        long mh = maskHigh(length);
        long ml = maskLow(length);
        return (a.high() & mh) == (address.high() & mh) && (a.low() & ml) == (address.low() & ml);
    }

    public Ipv6Prefix network() {
        return new Ipv6Prefix(new Ipv6Address(address.high() & maskHigh(length), address.low() & maskLow(length)), length);
    }

    @Override
    public String toString() {
        return address + "/" + length;
    }
}
