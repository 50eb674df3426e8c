package io.tunnelsim.ipsec;

import static io.tunnelsim.ipsec.TestVectors.concat;
import static io.tunnelsim.ipsec.TestVectors.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.ipsec.crypto.EspEncryption;
import io.tunnelsim.ipsec.crypto.EspIntegrity;
import io.tunnelsim.wire.MalformedPacketException;
import io.tunnelsim.wire.PacketBuffer;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Complete ESP packets from published vectors, produced by {@link EspProcessor#seal} (given the
 * vector's SPI, sequence number and IV) and opened again by {@link EspProcessor#open}.
 */
class EspKnownAnswerTest {

    static Stream<Map<String, String>> gcmCases() {
        // Case 4 uses SPI 0, which RFC 4303 reserves; the cipher-level test covers it.
        return TestVectors.load("gcm-esp-draft-mcgrew-gcm-test-01.txt").stream()
                .filter(c -> Long.parseLong(c.get("spi"), 16) >= Esp.MIN_SPI);
    }

    static Stream<Map<String, String>> cbcPacketCases() {
        return TestVectors.load("aes-cbc-rfc3602.txt").stream().filter(c -> c.containsKey("packet"));
    }

    @ParameterizedTest(name = "draft-mcgrew-gcm-test-01 vector {index}")
    @MethodSource("gcmCases")
    void gcmPackets(Map<String, String> c) throws MalformedPacketException {
        byte[] key = hex(c.get("key"));
        EspEncryption enc = key.length == 16 ? EspEncryption.AES_GCM_128_16 : EspEncryption.AES_GCM_256_16;
        SecurityAssociation.Builder b = SecurityAssociation.builder()
                .spi(Long.parseLong(c.get("spi"), 16))
                .source(Ipv4Address.parse("192.168.1.2"))
                .destination(Ipv4Address.parse("192.168.1.1"))
                .encryption(enc, concat(key, hex(c.get("salt"))))
                .extendedSequenceNumbers(Boolean.parseBoolean(c.get("esn")));
        long seq = Long.parseUnsignedLong(c.get("seq"), 16);
        check(b, seq, c);
    }

    @ParameterizedTest(name = "RFC 3602 packet {index}")
    @MethodSource("cbcPacketCases")
    void cbcPackets(Map<String, String> c) throws MalformedPacketException {
        SecurityAssociation.Builder b = SecurityAssociation.builder()
                .spi(Long.parseLong(c.get("spi"), 16))
                .source(Ipv4Address.parse("192.168.123.3"))
                .destination(Ipv4Address.parse("192.168.123.100"))
                .encryption(EspEncryption.AES_CBC_128, hex(c.get("key")))
                .integrity(EspIntegrity.NONE, null);
        check(b, Long.parseLong(c.get("seq"), 16), c);
    }

    private static void check(SecurityAssociation.Builder b, long seq, Map<String, String> c)
            throws MalformedPacketException {
        byte[] payload = hex(c.get("payload"));
        int nextHeader = Integer.parseInt(c.get("next-header"));
        SecurityAssociation out = b.direction(SecurityAssociation.Direction.OUTBOUND).nextSequence(seq).build();
        PacketBuffer buf = PacketBuffer.copyOf(payload);
        EspProcessor.seal(out, buf, nextHeader, hex(c.get("iv")));
        assertEquals(c.get("packet"), hex(buf.toByteArray()));
        assertEquals(seq, out.lastSequence());

        SecurityAssociation in = b.direction(SecurityAssociation.Direction.INBOUND).build();
        if (seq > 1 || seq < 0) {
            // Place the window just before the vector's sequence number so that ESN inference
            // recovers its high half, as it would after the earlier packets of the SA.
            in.replayWindow().update(seq - 1);
        }
        Sad sad = new Sad();
        sad.addInbound(in);
        PacketBuffer received = PacketBuffer.copyOf(hex(c.get("packet")));
        assertEquals(nextHeader, EspProcessor.open(sad, received));
        assertArrayEquals(payload, received.toByteArray());
        assertEquals(seq, in.replayWindow().top());
        assertEquals(1, in.packets());
    }
}
