package io.tunnelsim.ipsec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.ipsec.SecurityAssociation.Direction;
import io.tunnelsim.ipsec.crypto.EspCipher;
import io.tunnelsim.ipsec.crypto.EspEncryption;
import io.tunnelsim.ipsec.crypto.EspIntegrity;
import io.tunnelsim.wire.MalformedPacketException;
import io.tunnelsim.wire.PacketBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class EspProcessorTest {
    private static final Ipv4Address A = Ipv4Address.parse("203.0.113.2");
    private static final Ipv4Address B = Ipv4Address.parse("198.51.100.2");

    /** Every supported transform: combined modes, CBC with each HMAC, NULL with each HMAC. */
    enum Suite {
        GCM_128(EspEncryption.AES_GCM_128_16, EspIntegrity.NONE),
        GCM_256(EspEncryption.AES_GCM_256_16, EspIntegrity.NONE),
        CBC_128_SHA256(EspEncryption.AES_CBC_128, EspIntegrity.HMAC_SHA256_128),
        CBC_256_SHA256(EspEncryption.AES_CBC_256, EspIntegrity.HMAC_SHA256_128),
        CBC_128_SHA1(EspEncryption.AES_CBC_128, EspIntegrity.HMAC_SHA1_96),
        CBC_256_SHA1(EspEncryption.AES_CBC_256, EspIntegrity.HMAC_SHA1_96),
        NULL_SHA256(EspEncryption.NULL, EspIntegrity.HMAC_SHA256_128),
        NULL_SHA1(EspEncryption.NULL, EspIntegrity.HMAC_SHA1_96);

        final EspEncryption enc;
        final EspIntegrity integ;

        Suite(EspEncryption enc, EspIntegrity integ) {
            this.enc = enc;
            this.integ = integ;
        }

        SecurityAssociation.Builder builder(boolean esn) {
            KeyDerivation.SaKeys k = KeyDerivation.derive(42, "hq", "branch", 0, enc, integ);
            return SecurityAssociation.builder().spi(k.spi()).source(A).destination(B)
                    .encryption(enc, k.encryptionKey()).integrity(integ, k.integrityKey())
                    .extendedSequenceNumbers(esn);
        }
    }

    static Stream<Arguments> suitesAndSeeds() {
        List<Arguments> args = new ArrayList<>();
        for (Suite s : Suite.values()) {
            for (long seed = 1; seed <= 3; seed++) {
                args.add(Arguments.of(s, seed, seed == 2));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} seed {1} esn {2}")
    @MethodSource("suitesAndSeeds")
    void roundTripsRandomPayloads(Suite suite, long seed, boolean esn) throws MalformedPacketException {
        SplittableRandom rnd = new SplittableRandom(seed);
        SecurityAssociation out = suite.builder(esn).direction(Direction.OUTBOUND).build();
        SecurityAssociation in = suite.builder(esn).direction(Direction.INBOUND).build();
        EspCipher cipher = out.cipher();
        for (int i = 0; i < 40; i++) {
            int len = rnd.nextInt(0, 1500);
            byte[] payload = new byte[len];
            rnd.nextBytes(payload);
            int nextHeader = rnd.nextInt(256);
            PacketBuffer buf = PacketBuffer.copyOf(payload);
            EspProcessor.seal(out, buf, nextHeader);

            byte[] wire = buf.toByteArray();
            int text = wire.length - 8 - cipher.ivLength() - cipher.icvLength();
            assertEquals(0, text % cipher.alignment(), "trailer aligned");
            assertTrue(text - len - 2 < cipher.alignment(), "minimal padding");
            assertEquals(out.spi(), Esp.readSpi(wire, 0));
            assertEquals(i + 1, Esp.readSequence(wire, 0));
            if (suite.enc != EspEncryption.NULL && len >= 16) {
                assertFalse(Arrays.equals(Arrays.copyOfRange(payload, 0, 16),
                        Arrays.copyOfRange(wire, 8 + cipher.ivLength(), 24 + cipher.ivLength())), "encrypted");
            }

            assertEquals(nextHeader, EspProcessor.open(in, buf));
            assertArrayEquals(payload, buf.toByteArray());
        }
        assertEquals(40, out.packets());
        assertEquals(40, in.packets());
        assertEquals(out.bytes(), in.bytes());
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void sealingIsDeterministic(Suite suite) throws MalformedPacketException {
        byte[] payload = new byte[333];
        new SplittableRandom(9).nextBytes(payload);
        byte[][] wires = new byte[2][];
        for (int run = 0; run < 2; run++) {
            SecurityAssociation out = suite.builder(false).direction(Direction.OUTBOUND).build();
            PacketBuffer buf = PacketBuffer.copyOf(payload);
            EspProcessor.seal(out, buf, 4);
            wires[run] = buf.toByteArray();
        }
        assertArrayEquals(wires[0], wires[1]);
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void flippingAnyBitFailsTheIcv(Suite suite) throws MalformedPacketException {
        // A sequence number with several bits set: no single flip can turn it into 0 (a replay).
        SecurityAssociation out = suite.builder(false).direction(Direction.OUTBOUND).nextSequence(0x00010203).build();
        byte[] payload = new byte[45];
        new SplittableRandom(5).nextBytes(payload);
        PacketBuffer buf = PacketBuffer.copyOf(payload);
        EspProcessor.seal(out, buf, 47);
        byte[] wire = buf.toByteArray();
        SecurityAssociation in = suite.builder(false).direction(Direction.INBOUND).build();
        Sad sad = new Sad();
        sad.addInbound(in);
        for (int bit = 0; bit < wire.length * 8; bit++) {
            byte[] tampered = wire.clone();
            tampered[bit / 8] ^= (byte) (1 << (bit % 8));
            String expected = bit < 32 ? "esp-unknown-spi" : "esp-icv-failed";
            assertDrop(expected, () -> EspProcessor.open(sad, PacketBuffer.copyOf(tampered)));
        }
        assertEquals(wire.length * 8 - 32, in.drops(EspDropReason.ICV_FAILED));
        assertEquals(47, EspProcessor.open(sad, PacketBuffer.copyOf(wire)), "the untouched packet still opens");
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void wrongKeyFailsTheIcv(Suite suite) throws MalformedPacketException {
        SecurityAssociation out = suite.builder(false).direction(Direction.OUTBOUND).build();
        KeyDerivation.SaKeys other = KeyDerivation.derive(43, "hq", "branch", 0, suite.enc, suite.integ);
        SecurityAssociation in = suite.builder(false).direction(Direction.INBOUND)
                .encryption(suite.enc, other.encryptionKey()).integrity(suite.integ, other.integrityKey()).build();
        PacketBuffer buf = PacketBuffer.copyOf(new byte[100]);
        EspProcessor.seal(out, buf, 4);
        assertDrop("esp-icv-failed", () -> EspProcessor.open(in, buf));
        assertEquals(0, in.replayWindow().top(), "a forged packet does not move the window");
    }

    @Test
    void unknownSpi() throws MalformedPacketException {
        SecurityAssociation out = Suite.GCM_128.builder(false).direction(Direction.OUTBOUND).build();
        PacketBuffer buf = PacketBuffer.copyOf(new byte[20]);
        EspProcessor.seal(out, buf, 4);
        assertDrop("esp-unknown-spi", () -> EspProcessor.open(new Sad(), buf));
    }

    @Test
    void replaysAreDroppedAfterAuthentication() throws MalformedPacketException {
        SecurityAssociation out = Suite.CBC_128_SHA256.builder(false).direction(Direction.OUTBOUND).build();
        SecurityAssociation in = Suite.CBC_128_SHA256.builder(false).direction(Direction.INBOUND).build();
        List<byte[]> sent = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            PacketBuffer buf = PacketBuffer.copyOf(new byte[] {(byte) i});
            EspProcessor.seal(out, buf, 17);
            sent.add(buf.toByteArray());
        }
        // Out of order inside the window: 10, then 5, 9, 1 are all accepted.
        for (int seq : new int[] {10, 5, 9, 1}) {
            assertEquals(17, EspProcessor.open(in, PacketBuffer.copyOf(sent.get(seq - 1))));
        }
        assertDrop("esp-replay", () -> EspProcessor.open(in, PacketBuffer.copyOf(sent.get(4))));
        // 100 slides the window to 37..100: 36 is too old, 37 is still fine.
        EspProcessor.open(in, PacketBuffer.copyOf(sent.get(99)));
        assertDrop("esp-replay", () -> EspProcessor.open(in, PacketBuffer.copyOf(sent.get(35))));
        EspProcessor.open(in, PacketBuffer.copyOf(sent.get(36)));
        assertEquals(2, in.drops(EspDropReason.REPLAY));
        assertEquals(6, in.packets());
    }

    @Test
    void antiReplayCanBeDisabled() throws MalformedPacketException {
        SecurityAssociation out = Suite.GCM_128.builder(false).direction(Direction.OUTBOUND).build();
        SecurityAssociation in = Suite.GCM_128.builder(false).direction(Direction.INBOUND).antiReplay(false).build();
        PacketBuffer buf = PacketBuffer.copyOf(new byte[8]);
        EspProcessor.seal(out, buf, 4);
        byte[] wire = buf.toByteArray();
        EspProcessor.open(in, PacketBuffer.copyOf(wire));
        EspProcessor.open(in, PacketBuffer.copyOf(wire));
        assertEquals(2, in.packets());
    }

    @Test
    void extendedSequenceNumbersCrossTheFourBillionBoundary() throws MalformedPacketException {
        SecurityAssociation out = Suite.CBC_128_SHA1.builder(true).direction(Direction.OUTBOUND)
                .nextSequence(0xFFFF_FFFEL).build();
        SecurityAssociation in = Suite.CBC_128_SHA1.builder(true).direction(Direction.INBOUND).build();
        for (int i = 0; i < 4; i++) {
            PacketBuffer buf = PacketBuffer.copyOf(new byte[30]);
            EspProcessor.seal(out, buf, 4);
            EspProcessor.open(in, buf);
        }
        assertEquals(0x1_0000_0001L, out.lastSequence());
        assertEquals(0x1_0000_0001L, in.replayWindow().top());
    }

    @Test
    void counterWithoutEsnRefusesToCycle() throws MalformedPacketException {
        SecurityAssociation out = Suite.GCM_128.builder(false).direction(Direction.OUTBOUND)
                .nextSequence(0xFFFF_FFFFL).build();
        EspProcessor.seal(out, PacketBuffer.copyOf(new byte[4]), 4);
        assertDrop("esp-seq-overflow", () -> EspProcessor.seal(out, PacketBuffer.copyOf(new byte[4]), 4));
        assertEquals(1, out.drops(EspDropReason.SEQUENCE_OVERFLOW));
    }

    @Test
    void hardByteLifetimeStopsTheSa() throws MalformedPacketException {
        SecurityAssociation out = Suite.GCM_128.builder(false).direction(Direction.OUTBOUND)
                .lifetime(SaLifetime.UNLIMITED.withBytes(100, 250)).build();
        EspProcessor.seal(out, PacketBuffer.copyOf(new byte[120]), 4);
        assertEquals(SecurityAssociation.LifetimeState.SOFT_EXPIRED, out.lifetimeState());
        EspProcessor.seal(out, PacketBuffer.copyOf(new byte[130]), 4);
        assertEquals(SecurityAssociation.LifetimeState.HARD_EXPIRED, out.lifetimeState());
        assertDrop("esp-sa-expired", () -> EspProcessor.seal(out, PacketBuffer.copyOf(new byte[1]), 4));
    }

    @Test
    void badPaddingIsDetectedAfterTheIcv() {
        SecurityAssociation in = Suite.NULL_SHA256.builder(false).direction(Direction.INBOUND).build();
        // payload "abc", padding 1 2 9 (wrong third byte), pad length 3, next header 4
        byte[] text = {'a', 'b', 'c', 1, 2, 9, 3, 4};
        assertDrop("esp-bad-padding", () -> EspProcessor.open(in, sealRaw(in, 1, text)));
        // pad length beyond the text
        byte[] text2 = {'a', 'b', 9, 4};
        assertDrop("esp-bad-padding", () -> EspProcessor.open(in, sealRaw(in, 2, text2)));
        assertEquals(2, in.drops(EspDropReason.BAD_PADDING));
        assertEquals(2, in.replayWindow().top(), "authenticated packets count for replay even if padding is bad");
    }

    @Test
    void truncatedAndMisalignedPackets() throws MalformedPacketException {
        SecurityAssociation out = Suite.CBC_128_SHA256.builder(false).direction(Direction.OUTBOUND).build();
        SecurityAssociation in = Suite.CBC_128_SHA256.builder(false).direction(Direction.INBOUND).build();
        PacketBuffer buf = PacketBuffer.copyOf(new byte[40]);
        EspProcessor.seal(out, buf, 4);
        byte[] wire = buf.toByteArray();
        assertDrop("esp-truncated", () -> EspProcessor.open(in, PacketBuffer.copyOf(wire, 0, 8 + 16 + 16)));
        assertDrop("esp-bad-length", () -> EspProcessor.open(in, PacketBuffer.copyOf(wire, 0, wire.length - 3)));
        assertDrop("esp-truncated", () -> EspProcessor.open(new Sad(), PacketBuffer.copyOf(wire, 0, 7)));
    }

    static Stream<Arguments> garbageSeeds() {
        return Stream.of(Suite.values()).flatMap(s -> Stream.of(Arguments.of(s, 11L), Arguments.of(s, 12L)));
    }

    /** Random bytes under a known SPI never escape as anything but a typed drop. */
    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("garbageSeeds")
    void randomBytesAreTypedDrops(Suite suite, long seed) {
        SecurityAssociation in = suite.builder(false).direction(Direction.INBOUND).build();
        Sad sad = new Sad();
        sad.addInbound(in);
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < 300; i++) {
            byte[] junk = new byte[rnd.nextInt(0, 120)];
            rnd.nextBytes(junk);
            if (junk.length >= 4 && rnd.nextBoolean()) {
                Esp.writeU32(junk, 0, in.spi());
            }
            try {
                EspProcessor.open(sad, PacketBuffer.copyOf(junk));
                fail("random bytes were accepted");
            } catch (MalformedPacketException e) {
                assertTrue(e.reason().startsWith("esp-"), e.reason());
            }
        }
    }

    @Test
    void directionIsEnforced() {
        SecurityAssociation in = Suite.GCM_128.builder(false).direction(Direction.INBOUND).build();
        assertThrows(IllegalArgumentException.class, () -> EspProcessor.seal(in, PacketBuffer.copyOf(new byte[1]), 4));
    }

    @Test
    void sealUsesHeadroomAndTailroomWithoutMovingThePayload() throws MalformedPacketException {
        SecurityAssociation out = Suite.NULL_SHA1.builder(false).direction(Direction.OUTBOUND).build();
        PacketBuffer buf = PacketBuffer.allocate(64);
        int at = buf.append(64);
        byte[] array = buf.array();
        Arrays.fill(array, at, at + 64, (byte) 0x5a);
        EspProcessor.seal(out, buf, 4);
        assertTrue(array == buf.array(), "no reallocation with default head- and tailroom");
        assertEquals(at - 8, buf.offset());
        assertEquals(8 + 64 + 2 + 2 + 12, buf.length());
    }

    /** Builds an ESP packet around {@code text} (payload + trailer, chosen by the test) with a valid ICV. */
    private static PacketBuffer sealRaw(SecurityAssociation sa, long seq, byte[] text) {
        EspCipher c = sa.cipher();
        byte[] wire = new byte[8 + c.ivLength() + text.length + c.icvLength()];
        Esp.writeU32(wire, 0, sa.spi());
        Esp.writeU32(wire, 4, seq);
        System.arraycopy(text, 0, wire, 8 + c.ivLength(), text.length);
        c.seal(wire, 0, text.length, 0);
        return PacketBuffer.copyOf(wire);
    }

    interface Action {
        void run() throws MalformedPacketException;
    }

    static void assertDrop(String reason, Action action) {
        try {
            action.run();
            fail("expected a drop with reason " + reason);
        } catch (MalformedPacketException e) {
            assertEquals(reason, e.reason(), e.getMessage());
        }
    }
}
