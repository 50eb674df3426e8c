package io.tunnelsim.ipsec;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.ipsec.crypto.EspEncryption;
import io.tunnelsim.ipsec.crypto.EspIntegrity;
import java.util.HexFormat;

/**
 * One line of Wireshark's ESP SA table ({@code esp_sa} UAT): eight quoted, comma-separated fields
 * — protocol, source, destination, SPI, encryption algorithm, encryption key, authentication
 * algorithm, authentication key. The algorithm names are the exact strings of Wireshark's
 * {@code epan/dissectors/packet-ipsec.c} value tables; keys are {@code 0x}-prefixed hex, an absent
 * key is the empty string. For AES-GCM the key field is the key followed by the 4-byte salt.
 *
 * <pre>
 * "IPv4","203.0.113.2","198.51.100.2","0x00001001","AES-GCM with 16 octet ICV [RFC4106]","0x000102…0fdeadbeef","NULL",""
 * </pre>
 *
 * <p>Simplifications: Wireshark's ESP dissector takes no ESN setting in this table; captures of
 * SAs with extended sequence numbers will not verify there.
 */
public final class WiresharkEspSa {

    private WiresharkEspSa() {
    }

    public static String line(SecurityAssociation sa) {
        return line(sa.source(), sa.destination(), sa.spi(), sa.encryption(), sa.encryptionKey(),
                sa.integrity(), sa.integrityKey());
    }

    public static String line(Ipv4Address source, Ipv4Address destination, long spi,
                              EspEncryption encryption, byte[] encryptionKey,
                              EspIntegrity integrity, byte[] integrityKey) {
        return quote("IPv4") + ',' + quote(source.toString()) + ',' + quote(destination.toString()) + ','
                + quote(String.format("0x%08x", spi)) + ',' + quote(encryptionName(encryption)) + ','
                + quote(key(encryptionKey)) + ',' + quote(authenticationName(integrity)) + ','
                + quote(key(integrityKey));
    }

    /** Wireshark's name for an encryption algorithm. */
    public static String encryptionName(EspEncryption encryption) {
        return switch (encryption) {
            case NULL -> "NULL";
            case AES_CBC_128, AES_CBC_256 -> "AES-CBC [RFC3602]";
            case AES_GCM_128_16, AES_GCM_256_16 -> "AES-GCM with 16 octet ICV [RFC4106]";
        };
    }

    /** Wireshark's name for an authentication algorithm. */
    public static String authenticationName(EspIntegrity integrity) {
        return switch (integrity) {
            case NONE -> "NULL";
            case HMAC_SHA1_96 -> "HMAC-SHA-1-96 [RFC2404]";
            case HMAC_SHA256_128 -> "HMAC-SHA-256-128 [RFC4868]";
        };
    }

    private static String key(byte[] key) {
        return key == null || key.length == 0 ? "" : "0x" + HexFormat.of().formatHex(key);
    }

    private static String quote(String s) {
        return '"' + s + '"';
    }
}
