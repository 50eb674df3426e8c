package io.tunnelsim.wire;

import java.util.Arrays;

/**
 * The body of an opaque LSA (RFC 5250): LS type 9 (link-local), 10 (area) or 11 (AS scope);
 * the opaque type and ID are the Link State ID, the body is the opaque information, kept as
 * bytes (for example FRR's router information LSA, RFC 7770). The OSPF layer does not flood
 * opaque LSAs (RFC 2328 §13 step 2 for a router without the O bit); the codec decodes and
 * re-encodes them exactly.
 *
 * @param type 9, 10 or 11
 * @param information the opaque information (copied)
 */
public record OspfOpaqueLsa(int type, byte[] information) implements LsaBody {
    public static final int LINK_LOCAL = 9;
    public static final int AREA = 10;
    public static final int AS = 11;

    public OspfOpaqueLsa {
        if (type < LINK_LOCAL || type > AS) {
            throw new IllegalArgumentException("opaque LS type " + type);
        }
        information = information.clone();
    }

    @Override
    public byte[] information() {
        return information.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OspfOpaqueLsa x && x.type == type && Arrays.equals(x.information, information);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(information);
    }

    @Override
    public String toString() {
        return "OspfOpaqueLsa[type=" + type + ", " + information.length + " bytes]";
    }
}
