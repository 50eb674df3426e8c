package io.tunnelsim.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The codecs' malformed-packet reasons: one {@link WireDrop} per stable label. */
class WireDropTest {

    private static final Path MAIN = Path.of("src/main/java/io/tunnelsim");
    private static final Pattern THROW = Pattern.compile("new MalformedPacketException\\(\\s*([^,]+),");
    private static final Pattern WIRE_CONSTANT = Pattern.compile("WireDrop\\.([A-Z0-9_]+)");

    @Test
    void labelsAreUniqueAndSpelledAfterTheirConstants() {
        Set<String> labels = new HashSet<>();
        for (WireDrop d : WireDrop.values()) {
            assertTrue(d.label().matches("[a-z0-9]+(-[a-z0-9]+)+"), d.label());
            // the label is the constant's name, so a rename cannot change what users see unnoticed
            assertEquals(d.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), d.label());
            assertTrue(labels.add(d.label()), "label used twice: " + d.label());
        }
    }

    @Test
    void everyReasonRaisedInTheSourcesIsAConstantAndEveryConstantIsRaised() throws IOException {
        Set<WireDrop> raised = EnumSet.noneOf(WireDrop.class);
        List<String> untyped = new ArrayList<>();
        int throwSites = 0;
        for (Path f : sources()) {
            String src = Files.readString(f);
            Matcher t = THROW.matcher(src);
            while (t.find()) {
                throwSites++;
                String arg = t.group(1).trim();
                // a codec here names a WireDrop; a codec above wire its layer's enum; EspProcessor's
                // helper passes its EspDropReason parameter on
                if (!arg.matches("(WireDrop|BfdDrop|EspDropReason)\\.[A-Z0-9_]+|reason")) {
                    untyped.add(MAIN.relativize(f) + ": " + arg);
                }
            }
            Matcher c = WIRE_CONSTANT.matcher(src);
            while (c.find()) {
                if (!f.endsWith("WireDrop.java")) {
                    raised.add(WireDrop.valueOf(c.group(1)));
                }
            }
        }
        assertTrue(throwSites > 80, "throw sites found: " + throwSites);
        assertEquals(List.of(), untyped);
        assertEquals(EnumSet.allOf(WireDrop.class), raised, "constants no source raises");
    }

    @Test
    void theExceptionCarriesTheReasonAndItsLabel() {
        MalformedPacketException e = new MalformedPacketException(WireDrop.IPV4_BAD_CHECKSUM, "checksum 0x1234");
        assertSame(WireDrop.IPV4_BAD_CHECKSUM, e.dropReason());
        assertEquals("ipv4-bad-checksum", e.reason());
        assertEquals("ipv4-bad-checksum: checksum 0x1234", e.getMessage());
    }

    @Test
    void aCodecRaisesTheTypedReason() {
        byte[] b = new byte[19];
        b[0] = 0x45;
        MalformedPacketException e = assertThrows(MalformedPacketException.class, () -> Ipv4Codec.validate(b, 0, b.length));
        assertSame(WireDrop.IPV4_TRUNCATED, e.dropReason());
        assertEquals("ipv4-truncated", e.reason());
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> s = Files.walk(MAIN)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
