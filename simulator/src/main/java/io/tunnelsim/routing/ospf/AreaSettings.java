package io.tunnelsim.routing.ospf;

/**
 * How an area is configured on a router (RFC 2328 appendix C.2): a normal area, or a stub area
 * into which AS-external information is not flooded (§3.6; IOS {@code area N stub}).
 *
 * <p>A stub area's routers send Hellos, Database Descriptions and LSAs with the E bit clear
 * (§10.5, §12.1.2), and a Hello whose E bit disagrees with the area's setting is dropped, so
 * both ends of a link must agree. An area border router originates a default Summary-LSA
 * (0.0.0.0/0) into each attached stub area with cost {@code defaultCost} (§12.4.3.1,
 * StubDefaultCost; IOS {@code area N default-cost}, default 1). With {@code noSummary} (IOS
 * {@code area N stub no-summary}, a "totally stubby" area) it originates only that default and no
 * other Summary-LSA into the area; {@code noSummary} matters only on the area border routers.
 *
 * @param stub        the area is a stub area (the backbone cannot be one)
 * @param noSummary   stub only: the area border router suppresses every Summary-LSA but the default
 * @param defaultCost stub only: the metric of the default Summary-LSA, 0..16777215 (24 bits)
 */
public record AreaSettings(boolean stub, boolean noSummary, int defaultCost) {
    /** IOS {@code area N default-cost}: 1 unless configured. */
    public static final int DEFAULT_STUB_COST = 1;
    /** A normal (transit-capable, externals-carrying) area. */
    public static final AreaSettings NORMAL = new AreaSettings(false, false, DEFAULT_STUB_COST);
    /** A stub area with the default cost. */
    public static final AreaSettings STUB = new AreaSettings(true, false, DEFAULT_STUB_COST);
    /** A totally stubby area with the default cost. */
    public static final AreaSettings TOTALLY_STUBBY = new AreaSettings(true, true, DEFAULT_STUB_COST);

    public AreaSettings {
        if (!stub && noSummary) {
            throw new IllegalArgumentException("no-summary applies to stub areas only");
        }
        if (defaultCost < 0 || defaultCost > 0xFF_FFFF) {
            throw new IllegalArgumentException("default cost " + defaultCost + " is outside 0-16777215");
        }
    }

    /** The Options field's E bit for this area's packets and LSAs (RFC 2328 §A.2). */
    int options() {
        return stub ? 0 : io.tunnelsim.wire.OspfCodec.OPTION_E;
    }

    /** IOS words: {@code stub}, {@code stub no-summary}, or empty for a normal area. */
    public String describe() {
        return stub ? (noSummary ? "stub no-summary" : "stub") : "";
    }
}
