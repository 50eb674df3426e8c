package io.tunnelsim.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tunnelsim.testutil.HexVectors;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PcapWriterTest {

    @Test
    void fileHeaderBytes() throws IOException {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        new PcapWriter(bo).close();
        // magic a1b23c4d, 2.4, thiszone 0, sigfigs 0, snaplen 65535, linktype 1 — little-endian
        assertEquals("4d3cb2a1" + "0200" + "0400" + "00000000" + "00000000" + "ffff0000" + "01000000",
                HexVectors.format(bo.toByteArray()));
    }

    @Test
    void recordHeaderBytes() throws IOException {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try (PcapWriter w = new PcapWriter(bo)) {
            w.write(3_000_000_007L, new byte[] {9, 8, 7, 6, 5}, 1, 3);
            assertEquals(1, w.records());
        }
        byte[] b = bo.toByteArray();
        assertEquals(24 + 16 + 3, b.length);
        assertEquals("03000000" + "07000000" + "03000000" + "03000000" + "080706", HexVectors.format(b, 24, 19));
    }

    @Test
    void roundTripThroughReader(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("sub/x.pcap");
        Random r = new Random(11);
        List<byte[]> frames = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        try (PcapWriter w = PcapWriter.create(f)) {
            long t = 0;
            for (int i = 0; i < 50; i++) {
                byte[] frame = new byte[14 + r.nextInt(1500)];
                r.nextBytes(frame);
                t += r.nextInt(2_000_000_000);
                frames.add(frame);
                times.add(t);
                w.write(t, frame);
            }
        }
        try (PcapReader rd = PcapReader.open(f)) {
            assertTrue(rd.nanoseconds());
            assertEquals(2, rd.versionMajor());
            assertEquals(4, rd.versionMinor());
            assertEquals(65535, rd.snaplen());
            assertEquals(1, rd.linkType());
            for (int i = 0; i < 50; i++) {
                PcapReader.Record rec = rd.next().orElseThrow();
                assertEquals(times.get(i), rec.timeNs());
                assertEquals(frames.get(i).length, rec.originalLength());
                assertArrayEquals(frames.get(i), rec.data());
            }
            assertEquals(Optional.empty(), rd.next());
        }
        assertEquals(50, PcapReader.readAll(f).size());
    }

    @Test
    void framesLongerThanSnaplenAreCut() throws IOException {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try (PcapWriter w = new PcapWriter(bo)) {
            w.write(0, new byte[70000]);
        }
        try (PcapReader rd = new PcapReader(new ByteArrayInputStream(bo.toByteArray()))) {
            PcapReader.Record rec = rd.next().orElseThrow();
            assertEquals(65535, rec.data().length);
            assertEquals(70000, rec.originalLength());
        }
    }

    @Test
    void readsBigEndianMicrosecondFiles() throws IOException {
        byte[] file = HexVectors.parse("a1b2c3d4 0002 0004 00000000 00000000 0000ffff 00000001"
                + "00000002 000f4240 00000002 0000003c abcd");
        try (PcapReader rd = new PcapReader(new ByteArrayInputStream(file))) {
            assertTrue(rd.bigEndian());
            PcapReader.Record rec = rd.next().orElseThrow();
            assertEquals(3_000_000_000L, rec.timeNs()); // 2 s + 1,000,000 µs
            assertEquals(60, rec.originalLength());
            assertArrayEquals(new byte[] {(byte) 0xab, (byte) 0xcd}, rec.data());
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, Long.MIN_VALUE})
    void negativeTimeIsRejected(long t) throws IOException {
        try (PcapWriter w = new PcapWriter(new ByteArrayOutputStream())) {
            assertThrows(IllegalArgumentException.class, () -> w.write(t, new byte[1]));
        }
    }

    @Test
    void sameInputsSameBytes(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("a.pcap");
        Path b = dir.resolve("b.pcap");
        for (Path p : List.of(a, b)) {
            try (PcapWriter w = PcapWriter.create(p)) {
                w.write(5, new byte[] {1, 2, 3});
                w.write(1_000_000_000_005L, new byte[] {4});
            }
        }
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void garbageIsNotAPcapFile() {
        assertThrows(IOException.class, () -> new PcapReader(new ByteArrayInputStream(new byte[24])));
        assertThrows(IOException.class, () -> new PcapReader(new ByteArrayInputStream(new byte[3])));
    }
}
