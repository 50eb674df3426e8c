package io.tunnelsim.ipsec.crypto;

import static io.tunnelsim.ipsec.TestVectors.concat;
import static io.tunnelsim.ipsec.TestVectors.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.ipsec.TestVectors;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Known-answer tests of the BouncyCastle transforms at the {@link EspCipher} level. */
class EspCipherKnownAnswerTest {
    private static final EspCipherProvider BC = BouncyCastleEspCipherProvider.INSTANCE;

    static Stream<Map<String, String>> rawCbcCases() {
        return TestVectors.load("aes-cbc-rfc3602.txt").stream().filter(c -> c.containsKey("ciphertext"));
    }

    static Stream<Map<String, String>> gcmCases() {
        return TestVectors.load("gcm-esp-draft-mcgrew-gcm-test-01.txt").stream();
    }

    /** RFC 3602 §4 cases 1-4: the CBC transform alone, with an 8-byte dummy ESP header in front. */
    @ParameterizedTest(name = "RFC 3602 case {index}")
    @MethodSource("rawCbcCases")
    void aesCbcMatchesRfc3602(Map<String, String> c) {
        byte[] iv = hex(c.get("iv"));
        byte[] plaintext = hex(c.get("plaintext"));
        byte[] ciphertext = hex(c.get("ciphertext"));
        EspCipher cipher = BC.create(EspEncryption.AES_CBC_128, hex(c.get("key")), EspIntegrity.NONE, null, false);
        byte[] buf = concat(concat(new byte[8], iv), plaintext);

        cipher.seal(buf, 0, plaintext.length, 0);
        assertArrayEquals(ciphertext, Arrays.copyOfRange(buf, 24, buf.length));

        assertTrue(cipher.open(buf, 0, plaintext.length, 0));
        assertArrayEquals(plaintext, Arrays.copyOfRange(buf, 24, buf.length));
    }

    /** draft-mcgrew-gcm-test-01: ciphertext and ICV from the transform, framing built here. */
    @ParameterizedTest(name = "GCM draft case {index}")
    @MethodSource("gcmCases")
    void aesGcmMatchesDraftPackets(Map<String, String> c) {
        byte[] key = hex(c.get("key"));
        EspEncryption enc = key.length == 16 ? EspEncryption.AES_GCM_128_16 : EspEncryption.AES_GCM_256_16;
        boolean esn = Boolean.parseBoolean(c.get("esn"));
        long seq = Long.parseUnsignedLong(c.get("seq"), 16);
        byte[] packet = hex(c.get("packet"));
        byte[] payload = hex(c.get("payload"));
        int pad = Math.floorMod(-(payload.length + 2), 4);
        byte[] text = Arrays.copyOf(payload, payload.length + pad + 2);
        for (int i = 0; i < pad; i++) {
            text[payload.length + i] = (byte) (i + 1);
        }
        text[text.length - 2] = (byte) pad;
        text[text.length - 1] = (byte) Integer.parseInt(c.get("next-header"));

        EspCipher cipher = BC.create(enc, concat(key, hex(c.get("salt"))), EspIntegrity.NONE, null, esn);
        byte[] buf = concat(Arrays.copyOf(packet, 16), concat(text, new byte[16]));
        cipher.seal(buf, 0, text.length, (int) (seq >>> 32));
        assertEquals(TestVectors.hex(packet), TestVectors.hex(buf));

        assertTrue(cipher.open(buf, 0, text.length, (int) (seq >>> 32)));
        assertArrayEquals(text, Arrays.copyOfRange(buf, 16, 16 + text.length));
    }

    /** RFC 4868 §2.7.2.1 (AUTH256 test cases 1 and 2): the ICV is the first 128 bits of HMAC-SHA-256. */
    @Test
    void hmacSha256TruncatesTo128Bits() {
        assertIcv(EspIntegrity.HMAC_SHA256_128, repeat(0x0b, 32), "Hi There",
                "198a607eb44bfbc69903a0f1cf2bbdc5");
        assertIcv(EspIntegrity.HMAC_SHA256_128, "JefeJefeJefeJefeJefeJefeJefeJefe".getBytes(StandardCharsets.US_ASCII),
                "what do ya want for nothing?", "167f928588c5cc2eef8e3093caa0e87c");
    }

    /** RFC 2404 §5 test case 1 (= RFC 2202 case 1): HMAC-SHA-1 truncated to 96 bits. */
    @Test
    void hmacSha1TruncatesTo96Bits() {
        assertIcv(EspIntegrity.HMAC_SHA1_96, repeat(0x0b, 20), "Hi There", "b617318655057264e28bc0b6");
    }

    /**
     * With NULL encryption the ICV input is exactly header + text, so an 8-byte message is an empty
     * ESP packet and a longer one a packet with text.
     */
    private static void assertIcv(EspIntegrity integrity, byte[] key, String data, String expectedIcv) {
        byte[] msg = data.getBytes(StandardCharsets.US_ASCII);
        EspCipher cipher = BC.create(EspEncryption.NULL, null, integrity, key, false);
        byte[] buf = Arrays.copyOf(msg, msg.length + integrity.icvLength());
        cipher.seal(buf, 0, msg.length - 8, 0);
        assertEquals(expectedIcv, TestVectors.hex(Arrays.copyOfRange(buf, msg.length, buf.length)));
        assertArrayEquals(msg, Arrays.copyOf(buf, msg.length), "NULL encryption leaves the text alone");
        assertTrue(cipher.open(buf, 0, msg.length - 8, 0));
        buf[buf.length - 1] ^= 1;
        assertFalse(cipher.open(buf, 0, msg.length - 8, 0));
    }

    @Test
    void esnHighBitsAreAuthenticatedButNotSent() {
        byte[] key = repeat(0x11, 32);
        EspCipher plain = BC.create(EspEncryption.NULL, null, EspIntegrity.HMAC_SHA256_128, key, false);
        EspCipher esn = BC.create(EspEncryption.NULL, null, EspIntegrity.HMAC_SHA256_128, key, true);
        byte[] a = new byte[8 + 4 + 16];
        byte[] b = a.clone();
        plain.seal(a, 0, 4, 7);
        esn.seal(b, 0, 4, 0);
        // RFC 4303 §2.2.1: the high half is appended to the ICV input; a high half of zero still
        // adds four bytes, so even then the ICVs differ.
        assertFalse(Arrays.equals(a, b));
        assertTrue(esn.open(b, 0, 4, 0));
        assertFalse(esn.open(b, 0, 4, 1), "a different high half must fail the ICV");
    }

    @Test
    void cbcIvIsDeterministicUniqueAndNotTheCounter() {
        EspCipher a = BC.create(EspEncryption.AES_CBC_128, repeat(7, 16), EspIntegrity.HMAC_SHA256_128, repeat(9, 32), false);
        EspCipher b = BC.create(EspEncryption.AES_CBC_128, repeat(7, 16), EspIntegrity.HMAC_SHA256_128, repeat(9, 32), false);
        byte[] iv1 = new byte[16];
        byte[] iv1again = new byte[16];
        byte[] iv2 = new byte[16];
        a.writeIv(1, iv1, 0);
        b.writeIv(1, iv1again, 0);
        a.writeIv(2, iv2, 0);
        assertArrayEquals(iv1, iv1again);
        assertFalse(Arrays.equals(iv1, iv2));
        assertFalse(Arrays.equals(iv2, Arrays.copyOf(new byte[] {0, 0, 0, 0, 0, 0, 0, 2}, 16)));
    }

    @Test
    void gcmIvIsTheSequenceNumber() {
        EspCipher gcm = BC.create(EspEncryption.AES_GCM_256_16, repeat(1, 36), EspIntegrity.NONE, null, true);
        byte[] iv = new byte[8];
        gcm.writeIv(0x0102030405060708L, iv, 0);
        assertEquals("0102030405060708", TestVectors.hex(iv));
    }

    @Test
    void rejectsBadCombinationsAndKeyLengths() {
        assertThrows(IllegalArgumentException.class,
                () -> BC.create(EspEncryption.AES_GCM_128_16, new byte[20], EspIntegrity.HMAC_SHA256_128, new byte[32], false));
        assertThrows(IllegalArgumentException.class,
                () -> BC.create(EspEncryption.NULL, null, EspIntegrity.NONE, null, false));
        assertThrows(IllegalArgumentException.class,
                () -> BC.create(EspEncryption.AES_GCM_128_16, new byte[16], EspIntegrity.NONE, null, false));
        assertThrows(IllegalArgumentException.class,
                () -> BC.create(EspEncryption.AES_CBC_256, new byte[16], EspIntegrity.HMAC_SHA1_96, new byte[20], false));
        assertThrows(IllegalArgumentException.class,
                () -> BC.create(EspEncryption.AES_CBC_128, new byte[16], EspIntegrity.HMAC_SHA1_96, new byte[32], false));
    }

    @Test
    void algorithmSizes() {
        for (EspEncryption e : List.of(EspEncryption.values())) {
            assertEquals(e.keyLength() + e.saltLength(), e.keyMaterialLength());
        }
        assertEquals(36, EspEncryption.AES_GCM_256_16.keyMaterialLength());
        assertEquals(16, EspEncryption.AES_CBC_128.ivLength());
        assertEquals(12, EspIntegrity.HMAC_SHA1_96.icvLength());
    }

    private static byte[] repeat(int value, int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) value);
        return b;
    }
}
