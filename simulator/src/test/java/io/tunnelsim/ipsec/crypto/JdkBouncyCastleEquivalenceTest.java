package io.tunnelsim.ipsec.crypto;

import static io.tunnelsim.ipsec.TestVectors.concat;
import static io.tunnelsim.ipsec.TestVectors.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.ipsec.TestVectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JDK-backed transforms ({@link JdkEspCipherProvider}, the default) against the BouncyCastle
 * reference ({@link BouncyCastleEspCipherProvider}): byte-identical IVs, ciphertexts and ICVs on
 * the published vectors and on seeded random packets, for every transform, and each opens what
 * the other sealed.
 */
class JdkBouncyCastleEquivalenceTest {
    private static final EspCipherProvider JDK = JdkEspCipherProvider.INSTANCE;
    private static final EspCipherProvider BC = BouncyCastleEspCipherProvider.INSTANCE;

    static Stream<Map<String, String>> gcmCases() {
        return TestVectors.load("gcm-esp-draft-mcgrew-gcm-test-01.txt").stream();
    }

    static Stream<Map<String, String>> rawCbcCases() {
        return TestVectors.load("aes-cbc-rfc3602.txt").stream().filter(c -> c.containsKey("ciphertext"));
    }

    /** Every valid transform, with and without extended sequence numbers, each with its own seed. */
    static Stream<Arguments> transforms() {
        List<Arguments> list = new ArrayList<>();
        long seed = 17;
        for (EspEncryption e : EspEncryption.values()) {
            for (EspIntegrity i : EspIntegrity.values()) {
                if (e.combinedMode() && i != EspIntegrity.NONE || e == EspEncryption.NULL && i == EspIntegrity.NONE) {
                    continue;
                }
                for (boolean esn : new boolean[] {false, true}) {
                    list.add(Arguments.of(e, i, esn, seed++));
                }
            }
        }
        return list.stream();
    }

    @ParameterizedTest(name = "GCM draft case {index}")
    @MethodSource("gcmCases")
    void gcmVectorsGiveTheSameBytes(Map<String, String> c) {
        byte[] key = hex(c.get("key"));
        EspEncryption enc = key.length == 16 ? EspEncryption.AES_GCM_128_16 : EspEncryption.AES_GCM_256_16;
        boolean esn = Boolean.parseBoolean(c.get("esn"));
        int high = (int) (Long.parseUnsignedLong(c.get("seq"), 16) >>> 32);
        byte[] packet = hex(c.get("packet"));
        byte[] payload = hex(c.get("payload"));
        int pad = Math.floorMod(-(payload.length + 2), 4);
        byte[] text = Arrays.copyOf(payload, payload.length + pad + 2);
        for (int i = 0; i < pad; i++) {
            text[payload.length + i] = (byte) (i + 1);
        }
        text[text.length - 2] = (byte) pad;
        text[text.length - 1] = (byte) Integer.parseInt(c.get("next-header"));
        byte[] material = concat(key, hex(c.get("salt")));
        for (EspCipherProvider p : List.of(JDK, BC)) {
            EspCipher cipher = p.create(enc, material, EspIntegrity.NONE, null, esn);
            byte[] buf = concat(Arrays.copyOf(packet, 16), concat(text, new byte[16]));
            cipher.seal(buf, 0, text.length, high);
            assertEquals(hex(packet), hex(buf), p.getClass().getSimpleName());
            assertTrue(cipher.open(buf, 0, text.length, high));
            assertArrayEquals(text, Arrays.copyOfRange(buf, 16, 16 + text.length));
        }
    }

    @ParameterizedTest(name = "RFC 3602 case {index}")
    @MethodSource("rawCbcCases")
    void cbcVectorsGiveTheSameBytes(Map<String, String> c) {
        byte[] iv = hex(c.get("iv"));
        byte[] plaintext = hex(c.get("plaintext"));
        for (EspCipherProvider p : List.of(JDK, BC)) {
            EspCipher cipher = p.create(EspEncryption.AES_CBC_128, hex(c.get("key")), EspIntegrity.NONE, null, false);
            byte[] buf = concat(concat(new byte[8], iv), plaintext);
            cipher.seal(buf, 0, plaintext.length, 0);
            assertEquals(c.get("ciphertext"), hex(Arrays.copyOfRange(buf, 24, buf.length)), p.getClass().getSimpleName());
            assertTrue(cipher.open(buf, 0, plaintext.length, 0));
            assertArrayEquals(plaintext, Arrays.copyOfRange(buf, 24, buf.length));
        }
    }

    /**
     * 200 random packets per transform (random keys, SPI, sequence numbers including ESN high
     * halves, text lengths 0-1500 aligned as ESP aligns them): the JDK and BouncyCastle produce the
     * same IV, ciphertext and ICV; each side opens the other's packet to the original text; a
     * flipped bit anywhere in the authenticated bytes is refused by both.
     */
    @ParameterizedTest(name = "{0} + {1}, esn {2}")
    @MethodSource("transforms")
    void randomPacketsGiveTheSameBytes(EspEncryption enc, EspIntegrity integ, boolean esn, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        byte[] encKey = random(rnd, enc.keyMaterialLength());
        byte[] authKey = random(rnd, integ.keyLength());
        EspCipher jdk = JDK.create(enc, encKey, integ, authKey, esn);
        EspCipher bc = BC.create(enc, encKey, integ, authKey, esn);
        assertEquals(bc.ivLength(), jdk.ivLength());
        assertEquals(bc.icvLength(), jdk.icvLength());
        assertEquals(bc.alignment(), jdk.alignment());
        int align = jdk.alignment();
        int ivLen = jdk.ivLength();
        int icvLen = jdk.icvLength();
        long seq = esn ? rnd.nextLong() >>> 1 : rnd.nextLong(1L << 32);
        for (int n = 0; n < 200; n++, seq++) {
            int textLength = rnd.nextInt(1500 / align + 1) * align;
            int espOff = rnd.nextInt(40);
            byte[] text = random(rnd, textLength);
            byte[] a = new byte[espOff + 8 + ivLen + textLength + icvLen + rnd.nextInt(8)];
            rnd.nextBytes(a);
            header(a, espOff, rnd.nextInt(), (int) seq);
            System.arraycopy(text, 0, a, espOff + 8 + ivLen, textLength);
            byte[] b = a.clone();
            int high = (int) (seq >>> 32);

            jdk.writeIv(seq, a, espOff + 8);
            bc.writeIv(seq, b, espOff + 8);
            jdk.seal(a, espOff, textLength, high);
            bc.seal(b, espOff, textLength, high);
            assertEquals(hex(b), hex(a), "packet " + n + ", " + textLength + " bytes of text");

            byte[] tampered = a.clone();
            int packetLength = 8 + ivLen + textLength + icvLen;
            if (integ != EspIntegrity.NONE || enc.combinedMode()) {
                int bit = rnd.nextInt(packetLength * 8);
                tampered[espOff + bit / 8] ^= (byte) (1 << (bit % 8));
                assertFalse(jdk.open(tampered.clone(), espOff, textLength, high), "JDK accepted a flipped bit " + bit);
                assertFalse(bc.open(tampered, espOff, textLength, high), "BouncyCastle accepted a flipped bit " + bit);
            }

            assertTrue(jdk.open(b, espOff, textLength, high));
            assertTrue(bc.open(a, espOff, textLength, high));
            int textOff = espOff + 8 + ivLen;
            assertArrayEquals(text, Arrays.copyOfRange(a, textOff, textOff + textLength));
            assertArrayEquals(text, Arrays.copyOfRange(b, textOff, textOff + textLength));
        }
    }

    /** Resealing under a nonce just used (explicit-IV test paths) still gives the reference bytes. */
    @Test
    void gcmRepeatedNonceStillMatchesTheReference() {
        SplittableRandom rnd = new SplittableRandom(4106);
        byte[] material = random(rnd, EspEncryption.AES_GCM_128_16.keyMaterialLength());
        EspCipher jdk = JDK.create(EspEncryption.AES_GCM_128_16, material, EspIntegrity.NONE, null, false);
        EspCipher bc = BC.create(EspEncryption.AES_GCM_128_16, material, EspIntegrity.NONE, null, false);
        byte[] text = random(rnd, 64);
        byte[] first = new byte[8 + 8 + 64 + 16];
        header(first, 0, 0x1234, 7);
        jdk.writeIv(7, first, 8);
        System.arraycopy(text, 0, first, 16, 64);
        byte[] second = first.clone();
        byte[] reference = first.clone();
        jdk.seal(first, 0, 64, 0);
        jdk.seal(second, 0, 64, 0);
        bc.seal(reference, 0, 64, 0);
        assertEquals(hex(reference), hex(first));
        assertEquals(hex(reference), hex(second));
    }

    private static void header(byte[] a, int off, int spi, int seqLow) {
        for (int i = 0; i < 4; i++) {
            a[off + i] = (byte) (spi >>> (24 - 8 * i));
            a[off + 4 + i] = (byte) (seqLow >>> (24 - 8 * i));
        }
    }

    private static byte[] random(SplittableRandom rnd, int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        return b;
    }
}
