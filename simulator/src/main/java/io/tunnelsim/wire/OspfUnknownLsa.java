package io.tunnelsim.wire;

/**
 * The body of an LSA whose type this model does not interpret (e.g. NSSA or opaque LSAs). Its
 * bytes stay available through {@link Lsa#toByteArray()}; RFC 2328 §13 step 2 has the
 * receiver discard LSAs of unknown type, which is the OSPF layer's decision.
 */
public record OspfUnknownLsa(int type) implements LsaBody {
    public OspfUnknownLsa {
        if (type < 0 || type > 0xff) {
            throw new IllegalArgumentException("LS type " + type);
        }
    }
}
