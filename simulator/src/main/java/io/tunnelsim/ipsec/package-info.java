/**
 * IPsec with ESP (RFC 4301, RFC 4303) on simulated routers. In the layer order it sits above
 * {@code node} and {@code tunnel} and below the routing protocols: it attaches to interfaces
 * through the node's hooks ({@link io.tunnelsim.node.PacketHook},
 * {@link io.tunnelsim.tunnel.TunnelProtection}), receives IP protocol 50 through the node's
 * protocol registry and hands decrypted packets back through it, calling no receiver of another
 * protocol itself. The YAML ({@code ipsec:} profiles,
 * {@code protection:}, {@code crypto-map:}), its checks, the attachment to a built network
 * ({@code IpsecWiring}) and {@code show crypto ipsec sa} ({@code IpsecShow}) are the network
 * module in {@code io.tunnelsim.ipsec.module}.
 *
 * <p>Pieces: {@link io.tunnelsim.ipsec.Spd} of {@link io.tunnelsim.ipsec.SpdEntry} selectors
 * (first match; PROTECT, BYPASS, DISCARD); {@link io.tunnelsim.ipsec.Sad} of
 * {@link io.tunnelsim.ipsec.SecurityAssociation}s, inbound by SPI — the node's only SPI index,
 * sorted primitive SPIs searched without allocation — and outbound by SPD entry; the
 * {@link io.tunnelsim.ipsec.ReplayWindow}; {@link io.tunnelsim.ipsec.EspProcessor}, which seals
 * and opens packets in place; {@link io.tunnelsim.ipsec.KeyDerivation} for deterministic
 * {@code keys: auto}; and {@link io.tunnelsim.ipsec.WiresharkEspSa} for the capture key table.
 * The cryptography sits behind {@code io.tunnelsim.ipsec.crypto}.
 *
 * <p>How a router uses it:
 * <ul>
 *   <li>Outbound, tunnel protection ({@link io.tunnelsim.ipsec.IpsecTunnelProtection}, the GRE
 *       tunnel's protection hook): every packet the tunnel sends is sealed with the end's
 *       current outbound SA — in transport mode the GRE packet is the payload (next header 47)
 *       and the outer IPv4 header is put back in front with protocol 50, a new total length and
 *       checksum; in tunnel mode the whole GRE packet is the payload (next header 4) behind a new
 *       outer header.</li>
 *   <li>Outbound, crypto map ({@link io.tunnelsim.ipsec.CryptoMap}, the interface's packet hook
 *       after routing): (source, destination, protocol, ports) are looked up in the map's SPD.
 *       PROTECT seals with the SA bound to the entry ({@link io.tunnelsim.ipsec.Sad#outboundFor})
 *       in tunnel mode (next header 4, a new outer header to the peer, routed by the FIB);
 *       DISCARD drops; BYPASS or no match sends in the clear. Tunnel protection puts its own
 *       entry (GRE between the two endpoints, {@code Tunnel0-head-0}) on every Ethernet
 *       interface of the node, sealed in place when its profile is in transport mode. The same hook refuses cleartext
 *       that an inbound PROTECT selector says must arrive inside ESP.</li>
 *   <li>Inbound: the node's {@link io.tunnelsim.ipsec.IpsecEngine} is the receiver of IP protocol
 *       50. It finds the SA and the end it belongs to by SPI ({@link io.tunnelsim.ipsec.Sad#find}),
 *       and the end opens the packet with {@link io.tunnelsim.ipsec.EspProcessor} (replay, ICV,
 *       decryption, padding). The next header and
 *       the SA's mode give the cleartext packet (59, a dummy packet, is discarded), which must
 *       match the end's inbound selector. A packet for the node whose protocol registered a
 *       {@link io.tunnelsim.node.ProtectedIpHandler} (GRE) goes to it marked as protected; any
 *       other re-enters the node's receive path. Every refusal is a counted drop under its
 *       reason ({@link io.tunnelsim.ipsec.EspDropReason}, {@link io.tunnelsim.ipsec.IpsecDrop}).</li>
 * </ul>
 *
 * <p>Attachment: {@link io.tunnelsim.ipsec.IpsecSetup} wires both ends from plain values with an
 * {@link io.tunnelsim.ipsec.IpsecProfile}. Each node has one {@link io.tunnelsim.ipsec.IpsecEngine}
 * (its SAD, its ends, the protocol 50 receiver); each end is an {@link io.tunnelsim.ipsec.IpsecPeer};
 * an {@link io.tunnelsim.ipsec.IpsecSession} installs and rekeys the SA pairs of two ends in place
 * of IKE. See {@code docs/ipsec.md}.
 */
package io.tunnelsim.ipsec;
