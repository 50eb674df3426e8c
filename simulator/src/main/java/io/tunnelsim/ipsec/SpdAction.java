package io.tunnelsim.ipsec;

/** What the SPD decides for matching traffic, RFC 4301 §4.4.1. */
public enum SpdAction {
    /** Send through an SA (ESP). */
    PROTECT,
    /** Send in the clear. */
    BYPASS,
    /** Drop. */
    DISCARD
}
