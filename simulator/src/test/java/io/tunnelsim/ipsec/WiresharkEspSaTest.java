package io.tunnelsim.ipsec;

import static io.tunnelsim.ipsec.TestVectors.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.ipsec.crypto.EspEncryption;
import io.tunnelsim.ipsec.crypto.EspIntegrity;
import org.junit.jupiter.api.Test;

class WiresharkEspSaTest {
    private static final Ipv4Address SRC = Ipv4Address.parse("203.0.113.2");
    private static final Ipv4Address DST = Ipv4Address.parse("198.51.100.2");

    @Test
    void gcmLineCarriesKeyAndSalt() {
        SecurityAssociation sa = SecurityAssociation.builder().spi(0x1001).source(SRC).destination(DST)
                .direction(SecurityAssociation.Direction.OUTBOUND)
                .encryption(EspEncryption.AES_GCM_128_16, hex("000102030405060708090a0b0c0d0e0fdeadbeef")).build();
        assertEquals("\"IPv4\",\"203.0.113.2\",\"198.51.100.2\",\"0x00001001\",\"AES-GCM with 16 octet ICV [RFC4106]\","
                + "\"0x000102030405060708090a0b0c0d0e0fdeadbeef\",\"NULL\",\"\"", WiresharkEspSa.line(sa));
    }

    @Test
    void cbcWithHmacSha256() {
        assertEquals("\"IPv4\",\"198.51.100.2\",\"203.0.113.2\",\"0xfedcba98\",\"AES-CBC [RFC3602]\",\"0x"
                + "11".repeat(32) + "\",\"HMAC-SHA-256-128 [RFC4868]\",\"0x" + "22".repeat(32) + "\"",
                WiresharkEspSa.line(DST, SRC, 0xfedcba98L, EspEncryption.AES_CBC_256, hex("11".repeat(32)),
                        EspIntegrity.HMAC_SHA256_128, hex("22".repeat(32))));
    }

    @Test
    void nullWithHmacSha1() {
        assertEquals("\"IPv4\",\"203.0.113.2\",\"198.51.100.2\",\"0x00000100\",\"NULL\",\"\",\"HMAC-SHA-1-96 [RFC2404]\",\"0x"
                + "ab".repeat(20) + "\"",
                WiresharkEspSa.line(SRC, DST, 256, EspEncryption.NULL, new byte[0], EspIntegrity.HMAC_SHA1_96,
                        hex("ab".repeat(20))));
    }
}
