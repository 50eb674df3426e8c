package io.tunnelsim.ipsec.module;

import io.tunnelsim.addr.Ipv4Prefix;
import io.tunnelsim.ipsec.EspDropReason;
import io.tunnelsim.ipsec.IpsecEngine;
import io.tunnelsim.ipsec.IpsecPeer;
import io.tunnelsim.ipsec.SaLifetime;
import io.tunnelsim.ipsec.SecurityAssociation;
import io.tunnelsim.ipsec.SpdEntry;
import io.tunnelsim.json.JsonWriter;
import io.tunnelsim.node.Node;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * IOS-style {@code show crypto ipsec sa} of one node, read from its {@link IpsecEngine}: per
 * interface and peer the protected idents, the crypto endpoints, packet and drop counters, and
 * the inbound and outbound SAs with their transforms and remaining lifetimes; and the rows of
 * {@code show sa --json}, one per SA of the node's SAD.
 */
public final class IpsecShow {
    private IpsecShow() {
    }

    /** The node's {@code show crypto ipsec sa}; empty when it has no IPsec. */
    public static String cryptoIpsecSa(Node node) {
        IpsecEngine e = node.service(IpsecEngine.class);
        if (e == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        long now = node.scheduler().now();
        for (IpsecPeer p : e.peers()) {
            peer(sb, p, now);
        }
        if (e.unknownSpiDrops() > 0) {
            sb.append('\n').append("ESP packets with unknown SPI: ").append(e.unknownSpiDrops()).append('\n');
        }
        return sb.toString();
    }

    /**
     * The node's SAs as {@code show sa --json} rows, written into the open array: the outbound SAs
     * in the SAD's order, then the inbound ones by SPI. Nothing when the node has no IPsec.
     */
    public static void saRows(Node node, JsonWriter w) {
        IpsecEngine e = node.service(IpsecEngine.class);
        if (e == null) {
            return;
        }
        List<SecurityAssociation> all = new ArrayList<>(e.sad().outboundSas());
        List<SecurityAssociation> in = new ArrayList<>(e.sad().inboundSas());
        in.sort(Comparator.comparingLong(SecurityAssociation::spi));
        all.addAll(in);
        for (SecurityAssociation sa : all) {
            w.beginObject().member("direction", sa.direction().name().toLowerCase(Locale.ROOT))
                    .member("spi", String.format(Locale.ROOT, "0x%08X", sa.spi()))
                    .member("source", sa.source().toString()).member("destination", sa.destination().toString())
                    .member("mode", sa.mode().name().toLowerCase(Locale.ROOT))
                    .member("transform", transformName(sa))
                    .member("last_sequence", sa.lastSequence()).endObject();
        }
    }

    private static void peer(StringBuilder sb, IpsecPeer p, long now) {
        sb.append('\n').append("interface: ").append(p.attachedTo().displayName()).append('\n');
        if (p.mapTag() != null) {
            sb.append("    Crypto map tag: ").append(p.mapTag()).append(", local addr ").append(p.local()).append('\n');
        } else {
            sb.append("    Crypto map tag: ").append(p.attachedTo().displayName()).append("-head-0, local addr ")
                    .append(p.local()).append('\n');
        }
        sb.append('\n');
        sb.append("   local  ident (addr/mask/prot/port): ").append(ident(p.localIdent(), p.outboundPolicy())).append('\n');
        sb.append("   remote ident (addr/mask/prot/port): ").append(ident(p.remoteIdent(), p.outboundPolicy())).append('\n');
        sb.append("   current_peer ").append(p.remote()).append(" port 500\n");
        sb.append("    #pkts encaps: ").append(p.encaps()).append(", #pkts encrypt: ").append(p.encaps())
                .append(", #pkts digest: ").append(p.encaps()).append('\n');
        sb.append("    #pkts decaps: ").append(p.decaps()).append(", #pkts decrypt: ").append(p.decaps())
                .append(", #pkts verify: ").append(p.decaps()).append('\n');
        sb.append("    #pkts drops:");
        String sep = " ";
        for (EspDropReason r : EspDropReason.values()) {
            sb.append(sep).append(r.reason()).append(' ').append(p.drops(r));
            sep = ", ";
        }
        sb.append('\n');
        sb.append("    #pkts policy drops: ").append(IpsecEngine.DROP_CLEARTEXT).append(' ').append(p.cleartextViolations())
                .append(", ").append(IpsecEngine.DROP_SELECTOR_MISMATCH).append(' ').append(p.selectorMismatches())
                .append('\n');
        sb.append('\n');
        sb.append("     local crypto endpt.: ").append(p.local()).append(", remote crypto endpt.: ")
                .append(p.remote()).append('\n');
        sb.append("     current outbound spi: ").append(spiText(p.outboundSa())).append('\n');
        sb.append("     rekeys: ").append(p.session().rekeys()).append(", generation ")
                .append(p.session().generation()).append('\n');
        sb.append('\n').append("     inbound esp sas:\n");
        List<SecurityAssociation> in = p.inboundSas();
        for (int i = in.size() - 1; i >= 0; i--) {
            sa(sb, in.get(i), now, i == in.size() - 1 ? "ACTIVE" : "STANDBY (overlap)");
        }
        sb.append('\n').append("     outbound esp sas:\n");
        if (p.outboundSa() != null) {
            sa(sb, p.outboundSa(), now, "ACTIVE");
        }
    }

    private static String ident(Ipv4Prefix prefix, SpdEntry e) {
        int proto = e.protocol() == SpdEntry.ANY_PROTOCOL ? 0 : e.protocol();
        return "(" + prefix.network().address() + "/" + prefix.mask() + "/" + proto + "/0)";
    }

    private static String spiText(SecurityAssociation sa) {
        return sa == null ? "0x0(0)" : String.format(Locale.ROOT, "0x%X(%d)", sa.spi(), sa.spi());
    }

    private static void sa(StringBuilder sb, SecurityAssociation sa, long now, String status) {
        sb.append("      spi: ").append(spiText(sa)).append('\n');
        sb.append("        transform: ").append(transformName(sa)).append(" ,\n");
        sb.append("        in use settings ={").append(sa.mode() == SecurityAssociation.Mode.TUNNEL ? "Tunnel" : "Transport")
                .append(", }\n");
        SaLifetime l = sa.lifetime();
        String kb = l.hardBytes() == 0 ? "unlimited" : Long.toString(Math.max(0, l.hardBytes() - sa.bytes()) / 1000);
        String sec = sa.hardExpiryTime() == Long.MAX_VALUE ? "unlimited"
                : Long.toString(Math.max(0, sa.hardExpiryTime() - now) / 1_000_000_000L);
        sb.append("        sa timing: remaining key lifetime (k/sec): (").append(kb).append('/').append(sec).append(")\n");
        sb.append("        packets ").append(sa.packets()).append(", bytes ").append(sa.bytes()).append('\n');
        sb.append("        replay detection support: ").append(sa.antiReplay() ? "Y" : "N")
                .append(", window ").append(sa.replayWindow().size()).append('\n');
        sb.append("        Status: ").append(status).append('\n');
    }

    /** The transform-set spelling of an SA's algorithms, e.g. {@code esp-aes esp-sha256-hmac}. */
    public static String transformName(SecurityAssociation sa) {
        String enc = switch (sa.encryption()) {
            case NULL -> "esp-null";
            case AES_CBC_128 -> "esp-aes";
            case AES_CBC_256 -> "esp-aes 256";
            case AES_GCM_128_16 -> "esp-gcm";
            case AES_GCM_256_16 -> "esp-gcm 256";
        };
        String auth = switch (sa.integrity()) {
            case NONE -> "";
            case HMAC_SHA1_96 -> " esp-sha-hmac";
            case HMAC_SHA256_128 -> " esp-sha256-hmac";
        };
        return enc + auth;
    }
}
