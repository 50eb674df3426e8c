package io.tunnelsim.ipsec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tunnelsim.ipsec.crypto.EspEncryption;
import io.tunnelsim.ipsec.crypto.EspIntegrity;
import io.tunnelsim.node.ProbeFlow;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpsecProfileTest {
    static final String GCM_KEY_AB = "0x000102030405060708090a0b0c0d0e0fdeadbeef";
    static final String GCM_KEY_BA = "10:11:12:13:14:15:16:17:18:19:1a:1b:1c:1d:1e:1f:ca:fe:ba:be";
    static final String CBC_KEY_AB = "0x000102030405060708090a0b0c0d0e0f";
    static final String CBC_KEY_BA = "10:11:12:13:14:15:16:17:18:19:1a:1b:1c:1d:1e:1f";
    static final String AUTH_AB = "2021222324252627282930313233343536373839404142434445464748495051";
    static final String AUTH_BA = "6061626364656667686970717273747576777879808182838485868788899091";

    static IpsecProfile.ManualKeys gcmKeys() {
        return new IpsecProfile.ManualKeys(0x1001, GCM_KEY_AB, "", 0x2002, GCM_KEY_BA, null);
    }

    static IpsecProfile.ManualKeys cbcKeys() {
        return new IpsecProfile.ManualKeys(0x1001, CBC_KEY_AB, AUTH_AB, 0x2002, CBC_KEY_BA, AUTH_BA);
    }

    static IpsecProfile cbc() {
        return IpsecProfile.transport(EspEncryption.AES_CBC_128, EspIntegrity.HMAC_SHA256_128);
    }

    /** RFC 4106 §8: a restarted counter would repeat IVs under a static key, so GCM takes no manual keys. */
    @Test
    void gcmRefusesManualKeys() {
        IpsecProfile p = IpsecProfile.transport(EspEncryption.AES_GCM_128_16, EspIntegrity.NONE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.withManualKeys(gcmKeys()));
        assertEquals(IpsecProfile.GCM_MANUAL_KEYS, e.getMessage());
    }

    @Test
    void defaultsAreRoutersDefaults() {
        IpsecProfile p = IpsecProfile.transport(EspEncryption.AES_GCM_128_16, EspIntegrity.NONE);
        assertEquals(SecurityAssociation.Mode.TRANSPORT, p.mode());
        assertEquals(3600, p.lifetimeSeconds());
        assertEquals(4_608_000_000L, p.lifetimeBytes());
        assertEquals(64, p.replayWindow());
        assertEquals(30, p.overlapSeconds());
        assertEquals(SecurityAssociation.Mode.TUNNEL,
                IpsecProfile.tunnel(EspEncryption.AES_GCM_128_16, EspIntegrity.NONE).mode());
        SaLifetime l = p.saLifetime();
        assertEquals(3240L * 1_000_000_000L, l.softNanos());
        assertEquals(3600L * 1_000_000_000L, l.hardNanos());
        assertEquals(4_147_200_000L, l.softBytes());
    }

    @ParameterizedTest
    @EnumSource(EspEncryption.class)
    void overheadCoversTheLargestPacket(EspEncryption enc) {
        EspIntegrity auth = enc.combinedMode() ? EspIntegrity.NONE : EspIntegrity.HMAC_SHA256_128;
        IpsecProfile p = IpsecProfile.transport(enc, auth);
        int align = Math.max(4, enc.blockSize());
        assertEquals(8 + enc.ivLength() + align - 1 + 2 + enc.icvLength() + auth.icvLength(), p.overhead());
        assertEquals(p.overhead() + 20, p.withMode(SecurityAssociation.Mode.TUNNEL).overhead());
    }

    @Test
    void invalidCombinationsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> IpsecProfile.transport(EspEncryption.AES_GCM_128_16, EspIntegrity.HMAC_SHA1_96));
        assertThrows(IllegalArgumentException.class,
                () -> IpsecProfile.transport(EspEncryption.NULL, EspIntegrity.NONE));
        IpsecProfile p = IpsecProfile.transport(EspEncryption.AES_CBC_128, EspIntegrity.HMAC_SHA256_128);
        assertEquals(0, p.withReplayWindow(0).replayWindow(), "0 disables anti-replay");
        assertThrows(IllegalArgumentException.class, () -> p.withReplayWindow(-1));
        assertThrows(IllegalArgumentException.class, () -> p.withReplayWindow(ReplayWindow.MAX_SIZE + 1));
        assertThrows(IllegalArgumentException.class, () -> p.withLifetime(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> p.withOverlap(-1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x0001", "zz", "0x000102030405060708090a0b0c0d0e0fdeadbe", "abc"})
    void badManualKeysAreRefusedWithAMessage(String key) {
        IpsecProfile p = cbc();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> p.withManualKeys(new IpsecProfile.ManualKeys(0x1001, key, AUTH_AB, 0x2002, CBC_KEY_BA, AUTH_BA)));
        assertEquals(true, e.getMessage() != null && !e.getMessage().isEmpty());
    }

    @Test
    void manualKeysTakeNoLifetimeAndNeedValidDistinctSpis() {
        IpsecProfile p = cbc().withManualKeys(cbcKeys());
        assertEquals(0, p.lifetimeSeconds());
        assertThrows(IllegalArgumentException.class, () -> p.withLifetime(10, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new IpsecProfile.ManualKeys(255, CBC_KEY_AB, AUTH_AB, 0x2002, CBC_KEY_BA, AUTH_BA));
        assertThrows(IllegalArgumentException.class, () -> p.withManualKeys(
                new IpsecProfile.ManualKeys(0x1001, CBC_KEY_AB, AUTH_AB, 0x1001, CBC_KEY_BA, AUTH_BA)));
    }

    @Test
    void manualKeysAreUsedAsGivenAndExportedForWireshark() {
        IpsecSites t = new IpsecSites(1, true);
        IpsecProfile p = cbc().withManualKeys(cbcKeys());
        IpsecSession s = t.protectTunnel(p, 99);
        ProbeFlow f = t.ping("hq-pc", "10.2.0.10", 100 * IpsecSites.MS, 100, IpsecSites.S);
        t.net.runUntil(2 * IpsecSites.S);
        assertEquals(0, IpsecSites.lost(f));
        assertEquals(0x1001, s.a().outboundSa().spi());
        assertEquals(0x2002, s.b().outboundSa().spi());
        assertArrayEquals(IpsecProfile.ManualKeys.parseHex(CBC_KEY_BA), s.a().currentInboundSa().encryptionKey());
        assertEquals(List.of(
                "\"IPv4\",\"203.0.113.2\",\"198.51.100.2\",\"0x00001001\",\"AES-CBC [RFC3602]\","
                        + "\"0x000102030405060708090a0b0c0d0e0f\",\"HMAC-SHA-256-128 [RFC4868]\",\"0x" + AUTH_AB + "\"",
                "\"IPv4\",\"198.51.100.2\",\"203.0.113.2\",\"0x00002002\",\"AES-CBC [RFC3602]\","
                        + "\"0x101112131415161718191a1b1c1d1e1f\",\"HMAC-SHA-256-128 [RFC4868]\",\"0x" + AUTH_BA + "\""),
                IpsecSetup.espSaLines(t.net));
    }

    @Test
    void autoKeysFollowKeyDerivationForTheEndNames() {
        IpsecSites t = new IpsecSites(1, true);
        IpsecSession s = t.protectTunnel(IpsecProfile.transport(EspEncryption.AES_CBC_128, EspIntegrity.HMAC_SHA256_128), 1234);
        t.net.runUntil(IpsecSites.S);
        KeyDerivation.SaKeys k = KeyDerivation.derive(1234, "hq:tunnel0", "br:tunnel0", 0,
                EspEncryption.AES_CBC_128, EspIntegrity.HMAC_SHA256_128);
        assertEquals(k.spi(), s.a().outboundSa().spi());
        assertArrayEquals(k.encryptionKey(), s.b().currentInboundSa().encryptionKey());
        assertArrayEquals(k.integrityKey(), s.a().outboundSa().integrityKey());
        assertEquals(2, IpsecSetup.espSaLines(t.net).size());
        assertEquals(WiresharkEspSa.line(s.a().outboundSa()), IpsecSetup.espSaLines(t.net).get(0));
    }
}
