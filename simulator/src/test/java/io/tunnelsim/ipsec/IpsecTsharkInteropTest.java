package io.tunnelsim.ipsec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.capture.PcapWriter;
import io.tunnelsim.ipsec.crypto.EspEncryption;
import io.tunnelsim.ipsec.crypto.EspIntegrity;
import io.tunnelsim.testutil.Tshark;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Interop: Wireshark decrypts and authenticates every ESP packet of a simulated run with the
 * keys the simulator exports ({@link IpsecSetup#espSaLines}), and finds GRE and ICMP (or the
 * inner IPv4 packet, in tunnel mode) inside. The runs include rekeys, so several generations of
 * SAs appear in one capture.
 */
class IpsecTsharkInteropTest {
    static final long S = IpsecSites.S;
    static final long MS = IpsecSites.MS;

    static Stream<Arguments> cases() {
        List<Arguments> a = new ArrayList<>();
        for (boolean gre : new boolean[] {true, false}) {
            a.add(Arguments.of(gre, EspEncryption.AES_GCM_128_16, EspIntegrity.NONE));
            a.add(Arguments.of(gre, EspEncryption.AES_CBC_128, EspIntegrity.HMAC_SHA256_128));
        }
        return a.stream();
    }

    @ParameterizedTest(name = "gre={0} {1} {2}")
    @MethodSource("cases")
    void everyEspPacketDecryptsWithAGoodIcv(boolean gre, EspEncryption enc, EspIntegrity auth, @TempDir Path dir)
            throws IOException {
        Tshark.assumeInstalled();
        IpsecSites t = new IpsecSites(5, gre);
        Path pcap = dir.resolve("wan.pcap");
        try (PcapWriter w = PcapWriter.create(pcap)) {
            t.net.segment("hq-isp").addTap((time, bytes, off, len) -> {
                try {
                    w.write(time, bytes, off, len);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            IpsecProfile profile = gre ? IpsecProfile.transport(enc, auth) : IpsecProfile.tunnel(enc, auth);
            IpsecSession s = gre ? t.protectTunnel(profile.withLifetime(2, 0), 77)
                    : t.cryptoMap(profile.withLifetime(2, 0), 77);
            t.ping("hq-pc", "10.2.0.10", 200 * MS, 300, 4 * S);
            t.net.runUntil(5 * S);
            assertEquals(2, s.rekeys());
        }
        Path table = dir.resolve("esp_sa");
        IpsecSetup.writeEspSa(t.net, table);
        List<String> lines = Files.readAllLines(table);
        assertEquals(6, lines.size(), "three generations, two directions");
        List<String> options = new ArrayList<>(List.of("esp.enable_encryption_decode:TRUE",
                "esp.enable_authentication_check:TRUE"));
        for (String l : lines) {
            options.add("uat:esp_sa:" + l);
        }
        List<String[]> rows = Tshark.fields(pcap, options, "ip.proto", "esp.spi", "esp.icv_good", "esp.protocol",
                "gre.proto", "icmp.type", "_ws.malformed", "_ws.expert.severity");
        int esp = 0;
        List<String> spis = new ArrayList<>();
        for (String[] r : rows) {
            if (!r[0].startsWith("50")) {
                continue;
            }
            esp++;
            String what = String.join(" | ", r);
            assertEquals("1", r[2], "ICV verified: " + what);
            assertEquals(gre ? "0x2f" : "0x04", r[3], "next header 47 (GRE) or 4 (IPv4): " + what);
            if (gre) {
                assertEquals("0x0800", r[4], "GRE carrying IPv4: " + what);
            } else {
                assertTrue(r[0].startsWith("50,1"), "inner IPv4 packet carrying ICMP: " + what);
            }
            assertTrue(r[5].equals("8") || r[5].equals("0"), "ICMP echo inside: " + what);
            assertEquals("", r[6], "not malformed: " + what);
            if (!spis.contains(r[1])) {
                spis.add(r[1]);
            }
        }
        assertEquals(40, esp, "20 requests and 20 replies on the hq link");
        assertEquals(6, spis.size(), "packets of all three generations, both directions");
        assertFalse(rows.isEmpty());
    }
}
