/**
 * IPsec with ESP (RFC 4301, RFC 4303), independent of the node layer: it works on
 * {@link io.tunnelsim.wire.PacketBuffer}s and addresses, and knows nothing of interfaces or routes.
 *
 * <p>Pieces: {@link io.tunnelsim.ipsec.Spd} of {@link io.tunnelsim.ipsec.SpdEntry} selectors
 * (first match; PROTECT, BYPASS, DISCARD), {@link io.tunnelsim.ipsec.Sad} of
 * {@link io.tunnelsim.ipsec.SecurityAssociation}s (inbound by SPI, outbound by SPD entry), the
 * {@link io.tunnelsim.ipsec.ReplayWindow}, {@link io.tunnelsim.ipsec.EspProcessor} which seals and
 * opens packets in place, {@link io.tunnelsim.ipsec.KeyDerivation} for deterministic
 * {@code keys: auto}, and {@link io.tunnelsim.ipsec.WiresharkEspSa} for the capture key table.
 * The cryptography sits behind {@code io.tunnelsim.ipsec.crypto}.
 *
 * <p>How a router uses it:
 * <ul>
 *   <li>Outbound: look up (source, destination, protocol, ports) in the SPD. BYPASS sends as is,
 *       DISCARD (or no match) drops. PROTECT takes the SA bound to the entry
 *       ({@link io.tunnelsim.ipsec.Sad#outboundFor}) and calls
 *       {@link io.tunnelsim.ipsec.EspProcessor#seal}; then, in tunnel mode (crypto-map style), the
 *       whole original IPv4 packet was the payload with next header 4, and a new outer IPv4 header
 *       (SA source to SA destination, protocol 50) is pushed; in transport mode (tunnel protection
 *       over GRE) the payload was the GRE packet, next header 47, and the original IPv4 header is
 *       put back in front with protocol 50 and a new total length and checksum.</li>
 *   <li>Inbound: IP protocol 50 hands the ESP packet to
 *       {@link io.tunnelsim.ipsec.EspProcessor#open(Sad, io.tunnelsim.wire.PacketBuffer)}, which
 *       finds the SA by SPI, checks replay and ICV, decrypts and leaves the payload; the returned
 *       next header selects the handler (4: re-inject the inner IPv4 packet, 47: GRE, 59: discard
 *       the dummy packet). A {@link io.tunnelsim.wire.MalformedPacketException} is a counted drop
 *       under its reason name ({@link io.tunnelsim.ipsec.EspDropReason}).</li>
 * </ul>
 *
 * <p>Attachment to simulated routers: {@link io.tunnelsim.ipsec.IpsecSetup} wires both ends from
 * plain values — {@link io.tunnelsim.ipsec.IpsecTunnelProtection} on GRE tunnels (transport mode,
 * next header 47) or a {@link io.tunnelsim.ipsec.CryptoMap} on physical interfaces (tunnel mode,
 * LAN-to-LAN selectors) — with an {@link io.tunnelsim.ipsec.IpsecProfile}. Each node has one
 * {@link io.tunnelsim.ipsec.IpsecEngine} (SAD, protocol 50 receiver, {@code show crypto ipsec sa});
 * each end is an {@link io.tunnelsim.ipsec.IpsecPeer}; an {@link io.tunnelsim.ipsec.IpsecSession}
 * installs and rekeys the SA pairs of two ends in place of IKE. See {@code docs/ipsec.md}.
 */
package io.tunnelsim.ipsec;
