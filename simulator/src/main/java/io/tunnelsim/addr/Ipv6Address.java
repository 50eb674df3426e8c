package io.tunnelsim.addr;

/** An IPv6 address as two 64-bit halves, network order. */
public record Ipv6Address(long high, long low) implements Comparable<Ipv6Address> {

    public static final Ipv6Address UNSPECIFIED = new Ipv6Address(0, 0);

    /** Parses RFC 4291 §2.2 text forms, including {@code ::} compression and an embedded IPv4 tail. */
    public static Ipv6Address parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("missing IPv6 address");
        }
        String s = text;
        int[] groups = new int[8];
        int dbl = s.indexOf("::");
        if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) {
            throw new IllegalArgumentException("'" + text + "' has more than one '::'");
        }
        String head = dbl >= 0 ? s.substring(0, dbl) : s;
        String tail = dbl >= 0 ? s.substring(dbl + 2) : "";
        int[] h = groups(head, text);
        int[] t = groups(tail, text);
        if (dbl < 0 && h.length != 8) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv6 address (needs 8 groups or '::')");
        }
        if (h.length + t.length > (dbl >= 0 ? 7 : 8)) {
            throw new IllegalArgumentException("'" + text + "' has too many groups");
        }
        System.arraycopy(h, 0, groups, 0, h.length);
        System.arraycopy(t, 0, groups, 8 - t.length, t.length);
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 4; i++) {
            hi = (hi << 16) | groups[i];
            lo = (lo << 16) | groups[i + 4];
        }
        return new Ipv6Address(hi, lo);
    }

    private static int[] groups(String part, String whole) {
        if (part.isEmpty()) {
            return new int[0];
        }
        String[] items = part.split(":", -1);
        int extra = items[items.length - 1].contains(".") ? 1 : 0;
        int[] out = new int[items.length + extra];
        for (int i = 0; i < items.length; i++) {
            String g = items[i];
            if (i == items.length - 1 && g.contains(".")) {
                int v4 = Ipv4Address.parse(g).bits();
                out[i] = v4 >>> 16;
                out[i + 1] = v4 & 0xffff;
                break;
            }
            if (g.isEmpty() || g.length() > 4) {
                throw new IllegalArgumentException("'" + whole + "' is not an IPv6 address");
            }
            try {
                out[i] = Integer.parseInt(g, 16);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + whole + "' is not an IPv6 address");
            }
        }
        return out;
    }

    public static Ipv6Address read(byte[] buf, int off) {
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 8; i++) {
            hi = (hi << 8) | (buf[off + i] & 0xff);
            lo = (lo << 8) | (buf[off + 8 + i] & 0xff);
        }
        return new Ipv6Address(hi, lo);
    }

    public void write(byte[] buf, int off) {
        long hi = high;
        long lo = low;
        for (int i = 7; i >= 0; i--) {
            buf[off + i] = (byte) hi;
            buf[off + 8 + i] = (byte) lo;
            hi >>>= 8;
            lo >>>= 8;
        }
    }

    public boolean isMulticast() {
        return (high >>> 56) == 0xff;
    }

    public boolean isLinkLocal() {
        return (high >>> 54) == (0xfe80L >>> 6);
    }

    /** Solicited-node multicast group for this address (RFC 4291 §2.7.1). */
    public Ipv6Address solicitedNode() {
        return new Ipv6Address(0xff02_0000_0000_0000L, 0x0000_0001_ff00_0000L | (low & 0xFF_FFFFL));
    }

    @Override
    public int compareTo(Ipv6Address o) {
        int c = Long.compareUnsigned(high, o.high);
        return c != 0 ? c : Long.compareUnsigned(low, o.low);
    }

    /** RFC 5952 canonical text: lower case, longest zero run (2+ groups) compressed. */
    @Override
    public String toString() {
        int[] g = new int[8];
        for (int i = 0; i < 4; i++) {
            g[i] = (int) (high >>> (48 - 16 * i)) & 0xffff;
            g[i + 4] = (int) (low >>> (48 - 16 * i)) & 0xffff;
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] == 0) {
                int j = i;
                while (j < 8 && g[j] == 0) {
                    j++;
                }
                if (j - i > bestLen) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }
}
