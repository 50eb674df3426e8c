package io.tunnelsim.ipsec;

import io.tunnelsim.wire.DropReason;

/**
 * IPsec policy drops (RFC 4301 §5) and ESP packets dropped after decryption (RFC 4303 §2.6);
 * the ESP processing drops themselves are {@link EspDropReason}. The label is the stable name
 * the node counts the drop under.
 */
public enum IpsecDrop implements DropReason {
    /** Outbound packet to protect, but no outbound SA is installed. */
    NO_SA("ipsec-no-sa"),
    /** Decrypted packet outside the SA's selectors (RFC 4301 §5.2). */
    INBOUND_SELECTOR_MISMATCH("ipsec-inbound-selector-mismatch"),
    /** Cleartext packet that policy says must arrive protected (RFC 4301 §5.2). */
    CLEARTEXT_POLICY_VIOLATION("ipsec-cleartext-policy-violation"),
    /** ESP dummy packet (next header 59), discarded as RFC 4303 §2.6 asks. */
    ESP_DUMMY("esp-dummy"),
    /** Decrypted payload of a protocol the mode cannot carry. */
    ESP_UNSUPPORTED_NEXT_HEADER("esp-unsupported-next-header"),
    /** A crypto map entry with action DISCARD matched (RFC 4301 §4.4.1). */
    POLICY_DISCARD("ipsec-policy-discard"),
    /** The crypto map's peer is not reachable by the FIB. */
    NO_ROUTE_TO_PEER("ipsec-no-route-to-peer");

    private final String label;

    IpsecDrop(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
