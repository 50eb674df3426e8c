package io.tunnelsim.node;

/** Where a route came from, with the IOS route code and default administrative distance. */
public enum RouteSource {
    CONNECTED("C", 0),
    STATIC("S", 1),
    OSPF("O", 110),
    RIP("R", 120);

    private final String code;
    private final int defaultDistance;

    RouteSource(String code, int defaultDistance) {
        this.code = code;
        this.defaultDistance = defaultDistance;
    }

    /** The one-letter code of {@code show ip route}. */
    public String code() {
        return code;
    }

    public int defaultDistance() {
        return defaultDistance;
    }
}
