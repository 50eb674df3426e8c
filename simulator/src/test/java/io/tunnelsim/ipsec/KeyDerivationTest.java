package io.tunnelsim.ipsec;

import static io.tunnelsim.ipsec.TestVectors.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.ipsec.crypto.EspEncryption;
import io.tunnelsim.ipsec.crypto.EspIntegrity;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeyDerivationTest {
    private static final EspEncryption GCM = EspEncryption.AES_GCM_128_16;
    private static final EspIntegrity NONE = EspIntegrity.NONE;

    /** RFC 5869 Appendix A.1 (test case 1), for the HKDF building blocks. */
    @Test
    void hkdfMatchesRfc5869() {
        byte[] prk = KeyDerivation.hmac(hex("000102030405060708090a0b0c"), hex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"));
        assertEquals("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5", hex(prk));
        assertEquals("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865",
                hex(KeyDerivation.expand(prk, hex("f0f1f2f3f4f5f6f7f8f9"), 42)));
    }

    @Test
    void sameInputsSameKeys() {
        assertEquals(KeyDerivation.derive(7, "hq", "branch1", 0, GCM, NONE),
                KeyDerivation.derive(7, "hq", "branch1", 0, GCM, NONE));
    }

    @Test
    void everyInputChangesTheKeys() {
        Set<KeyDerivation.SaKeys> all = new HashSet<>();
        Set<Long> spis = new HashSet<>();
        String[][] pairs = {{"hq", "branch1"}, {"branch1", "hq"}, {"hq", "branch2"}, {"branch2", "branch1"}};
        for (long seed : new long[] {1, 2}) {
            for (String[] p : pairs) {
                for (int gen = 0; gen < 3; gen++) {
                    KeyDerivation.SaKeys k = KeyDerivation.derive(seed, p[0], p[1], gen, GCM, NONE);
                    all.add(k);
                    spis.add(k.spi());
                }
            }
        }
        assertEquals(2 * 4 * 3, all.size());
        assertEquals(2 * 4 * 3, spis.size());
        assertNotEquals(KeyDerivation.derive(1, "a", "b", 0, EspEncryption.AES_CBC_128, EspIntegrity.HMAC_SHA1_96).spi(),
                KeyDerivation.derive(1, "a", "b", 0, EspEncryption.AES_CBC_128, EspIntegrity.HMAC_SHA256_128).spi());
    }

    @ParameterizedTest
    @EnumSource(EspEncryption.class)
    void lengthsFollowTheAlgorithms(EspEncryption enc) {
        EspIntegrity integ = enc.combinedMode() ? NONE : EspIntegrity.HMAC_SHA256_128;
        KeyDerivation.SaKeys k = KeyDerivation.derive(99, "x", "y", 1, enc, integ);
        assertEquals(enc.keyMaterialLength(), k.encryptionKey().length);
        assertEquals(integ.keyLength(), k.integrityKey().length);
        assertTrue(Esp.isValidSpi(k.spi()));
    }

    @Test
    void spisStayOutOfTheReservedRange() {
        for (int gen = 0; gen < 2000; gen++) {
            long spi = KeyDerivation.derive(3, "r1", "r2", gen, GCM, NONE).spi();
            assertTrue(spi >= 256 && spi <= 0xFFFF_FFFFL, Long.toHexString(spi));
        }
    }

    /**
     * Pins the derivation: published captures and their esp_sa files must stay decryptable by a
     * later version of the simulator.
     */
    @Test
    void derivationIsStable() {
        KeyDerivation.SaKeys k = KeyDerivation.derive(1, "hq", "branch", 0, GCM, NONE);
        assertEquals(PINNED_SPI, k.spi());
        assertEquals(PINNED_KEY, hex(k.encryptionKey()));
    }

    @Test
    void rejectsBadPeers() {
        assertThrows(IllegalArgumentException.class, () -> KeyDerivation.derive(1, "a", "a", 0, GCM, NONE));
        assertThrows(IllegalArgumentException.class, () -> KeyDerivation.derive(1, "a", "b", -1, GCM, NONE));
    }

    // Computed independently from the documented construction (HKDF-SHA-256 as in the class doc).
    private static final long PINNED_SPI = 3039875470L;
    private static final String PINNED_KEY = "0e9ec456a3ee748a99c08ccfdd51abb3558b7632";
}
