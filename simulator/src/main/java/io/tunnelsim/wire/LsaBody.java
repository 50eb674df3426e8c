package io.tunnelsim.wire;

/**
 * The decoded part of an LSA after its header. Each body knows the LS type it belongs to;
 * {@link LsaCodec} encodes and decodes them.
 */
public sealed interface LsaBody
        permits OspfRouterLsa, OspfNetworkLsa, OspfSummaryLsa, OspfAsExternalLsa, OspfOpaqueLsa, OspfUnknownLsa {

    /** The LS type this body is carried under. */
    int type();
}
