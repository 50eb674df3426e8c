package io.tunnelsim.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.capture.PcapReader;
import io.tunnelsim.wire.Authentication;
import io.tunnelsim.wire.Lsa;
import io.tunnelsim.wire.LsaHeader;
import io.tunnelsim.wire.OspfCodec;
import io.tunnelsim.wire.OspfLinkStateUpdate;
import io.tunnelsim.wire.OspfPacket;
import io.tunnelsim.wire.RipCodec;
import io.tunnelsim.wire.RipPacket;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Codec replay against real FRR traffic: the captures under {@code interop/pcap/} were made by
 * {@code examples/live/capture-frr.sh} (two FRR 8.4 routers in namespaces). Every OSPF and RIP
 * message decodes with tunnelsim's codecs and re-encodes byte for byte (checksum, MD5 digest
 * and all); every LSA is also rebuilt from its decoded body with {@link Lsa#originate}, which
 * recomputes the Fletcher checksum, and must equal FRR's bytes. Authenticated captures are
 * verified with the key the script configured ({@code s3cret}, simple OSPF {@code tunnel1}),
 * and fail verification with another key.
 */
class FrrCaptureReplayTest {
    private static final Path DIR = Path.of("src/test/resources/interop/pcap");
    private static final int ETH = 14;

    @ParameterizedTest
    @ValueSource(strings = {"ospf-broadcast.pcap", "ospf-p2p-md5.pcap", "ospf-p2p-simple.pcap"})
    void ospfPacketsAndLsasReencodeByteForByte(String file) throws Exception {
        MessageDigest md = Authentication.newMd5();
        byte[] key = Authentication.md5(1, "s3cret").paddedKey(16);
        byte[] wrong = Authentication.md5(1, "s3creT").paddedKey(16);
        byte[] scratch = new byte[16];
        TreeSet<Integer> types = new TreeSet<>();
        TreeSet<Integer> lsaTypes = new TreeSet<>();
        int packets = 0;
        int lsas = 0;
        int maxAge = 0;
        for (PcapReader.Record r : PcapReader.readAll(DIR.resolve(file))) {
            byte[] f = r.data();
            if (f.length < ETH + 20 || (f[ETH + 9] & 0xff) != OspfCodec.IP_PROTOCOL) {
                continue;
            }
            int ihl = (f[ETH] & 0x0f) * 4;
            int totalLength = ((f[ETH + 2] & 0xff) << 8) | (f[ETH + 3] & 0xff);
            int off = ETH + ihl;
            int len = totalLength - ihl;
            OspfPacket p = OspfCodec.decode(f, off, len);
            packets++;
            types.add(p.type());
            byte[] again = new byte[OspfCodec.wireLength(p)];
            OspfCodec.encode(p, key, md, again, 0);
            assertArrayEquals(Arrays.copyOfRange(f, off, off + again.length), again, file + " packet " + packets + " (" + p.type() + ")");
            switch (file) {
                case "ospf-p2p-md5.pcap" -> {
                    assertEquals(OspfPacket.AUTH_CRYPTOGRAPHIC, p.auType());
                    assertEquals(1, p.keyId());
                    assertTrue(OspfCodec.digestVerifies(f, off, len, key, md, scratch));
                    assertTrue(!OspfCodec.digestVerifies(f, off, len, wrong, md, scratch), "another key fails");
                }
                case "ospf-p2p-simple.pcap" -> {
                    assertEquals(OspfPacket.AUTH_SIMPLE, p.auType());
                    assertEquals(OspfPacket.passwordField("tunnel1"), p.authentication());
                }
                default -> assertEquals(OspfPacket.AUTH_NULL, p.auType());
            }
            if (p.message() instanceof OspfLinkStateUpdate u) {
                for (Lsa l : u.lsas()) {
                    LsaHeader h = l.header();
                    Lsa rebuilt = Lsa.originate(h.age(), h.options(), h.linkStateId(), h.advertisingRouter(), h.sequenceNumber(), l.body());
                    assertArrayEquals(l.toByteArray(), rebuilt.toByteArray(), file + " LSA " + h);
                    lsas++;
                    lsaTypes.add(h.type());
                    if (h.isMaxAge()) {
                        maxAge++;
                    }
                }
            }
        }
        assertEquals(new TreeSet<>(List.of(1, 2, 3, 4, 5)), types, file + ": every OSPF packet type");
        assertTrue(lsas >= 2, file + ": LSAs " + lsas);
        if (file.equals("ospf-broadcast.pcap")) {
            // router, network, AS-external and opaque area-scope (router information, RFC 7770)
            assertTrue(lsaTypes.containsAll(List.of(1, 2, 5, 10)), "LSA types " + lsaTypes);
            assertTrue(maxAge >= 1, "the AS-external LSA's flush at MaxAge");
        }
        System.out.printf("replay %s: %d packets, %d LSAs (types %s), %d at MaxAge%n", file, packets, lsas, lsaTypes, maxAge);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rip.pcap", "rip-simple.pcap", "rip-md5.pcap"})
    void ripMessagesReencodeByteForByte(String file) throws Exception {
        MessageDigest md = Authentication.newMd5();
        Authentication conf = switch (file) {
            case "rip-simple.pcap" -> Authentication.simple("s3cret");
            case "rip-md5.pcap" -> Authentication.md5(1, "s3cret");
            default -> Authentication.NONE;
        };
        byte[] scratch = new byte[16];
        int messages = 0;
        int routes = 0;
        int requests = 0;
        for (PcapReader.Record r : PcapReader.readAll(DIR.resolve(file))) {
            byte[] f = r.data();
            if (f.length < ETH + 28 || (f[ETH + 9] & 0xff) != 17) {
                continue;
            }
            int ihl = (f[ETH] & 0x0f) * 4;
            int udp = ETH + ihl;
            int off = udp + 8;
            int len = (((f[udp + 4] & 0xff) << 8) | (f[udp + 5] & 0xff)) - 8;
            RipPacket m = RipCodec.decode(f, off, len);
            RipCodec.AuthField a = RipCodec.authentication(f, off, len);
            messages++;
            routes += m.command() == RipPacket.RESPONSE ? m.entries().size() : 0;
            byte[] again = new byte[RipCodec.encodedLength(m, a)];
            assertEquals(len, RipCodec.encode(m, a, conf.mode() == Authentication.Mode.MD5 ? conf.paddedKey(16) : null, md, again, 0));
            assertArrayEquals(Arrays.copyOfRange(f, off, off + len), again, file + " message " + messages);
            if (conf.mode() != Authentication.Mode.NONE && m.command() == RipPacket.REQUEST && a == null) {
                // FRR sends its start-up whole-table request unauthenticated; RFC 2453 §5.2 has an
                // authenticating router discard it (the periodic updates follow anyway)
                requests++;
                assertEquals("rip-auth-mismatch", RipCodec.verify(f, off, len, conf, md, scratch));
                continue;
            }
            assertNull(RipCodec.verify(f, off, len, conf, md, scratch), file + " message " + messages + " verifies");
            if (conf.mode() == Authentication.Mode.NONE) {
                assertNull(a);
                assertEquals("rip-auth-mismatch", RipCodec.verify(f, off, len, Authentication.md5(1, "s3cret"), md, scratch));
            } else {
                assertNotNull(a);
                Authentication other = conf.mode() == Authentication.Mode.MD5 ? Authentication.md5(1, "other") : Authentication.simple("other");
                assertEquals(conf.mode() == Authentication.Mode.MD5 ? "rip-auth-bad-digest" : "rip-auth-mismatch",
                        RipCodec.verify(f, off, len, other, md, scratch));
                assertEquals("rip-auth-mismatch", RipCodec.verify(f, off, len, Authentication.NONE, md, scratch));
            }
        }
        assertTrue(messages >= 3, file + ": " + messages + " messages");
        assertTrue(routes >= 2, file + ": " + routes + " routes");
        assertTrue(messages - requests >= 3, file + ": authenticated messages " + (messages - requests));
        System.out.printf("replay %s: %d messages (%d unauthenticated requests), %d routes%n", file, messages, requests, routes);
    }
}
