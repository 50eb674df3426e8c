package io.tunnelsim.topology;

/** A node's interface, written {@code node:iface}. */
public record Endpoint(String node, String iface) implements Comparable<Endpoint> {

    /** Splits {@code node:iface} at its last colon; throws {@link IllegalArgumentException} when malformed. */
    public static Endpoint parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("'" + text + "' is not an endpoint (write node:interface, e.g. hq:eth0)");
        }
        return new Endpoint(text.substring(0, colon), text.substring(colon + 1));
    }

    @Override
    public int compareTo(Endpoint o) {
        int c = node.compareTo(o.node);
        return c != 0 ? c : iface.compareTo(o.iface);
    }

    @Override
    public String toString() {
        return node + ":" + iface;
    }
}
