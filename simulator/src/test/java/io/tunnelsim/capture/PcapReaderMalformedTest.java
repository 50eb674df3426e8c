package io.tunnelsim.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Malformed capture files are clear errors, and no record header makes the reader allocate beyond its bounds. */
class PcapReaderMalformedTest {
    /** Three frames of 60, 100 and 1514 bytes at 1 s, 1.5 s, 2 s. */
    private static byte[] valid() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (PcapWriter w = new PcapWriter(b)) {
            w.write(1_000_000_000L, new byte[60]);
            w.write(1_500_000_000L, new byte[100]);
            w.write(2_000_000_000L, new byte[1514]);
        }
        return b.toByteArray();
    }

    private static void putInt(byte[] b, int p, int v) {
        for (int i = 0; i < 4; i++) {
            b[p + i] = (byte) (v >>> (8 * i));
        }
    }

    private static Path file(Path dir, byte[] content) throws IOException {
        Path f = dir.resolve("x.pcap");
        Files.write(f, content);
        return f;
    }

    private static final int SECOND_RECORD = PcapWriter.FILE_HEADER_LENGTH + PcapWriter.RECORD_HEADER_LENGTH + 60;

    @Test
    void validFileRoundTrips(@TempDir Path dir) throws IOException {
        List<PcapReader.Record> r = PcapReader.readAll(file(dir, valid()));
        assertEquals(3, r.size());
        assertEquals(1_500_000_000L, r.get(1).timeNs());
        assertEquals(1514, r.get(2).data().length);
    }

    @ParameterizedTest
    @ValueSource(ints = {0x7fffffff, 0xffffffff, PcapReader.MAXIMUM_SNAPLEN + 1})
    void aHugeCapturedLengthIsRefusedByTheSnapLength(int caplen, @TempDir Path dir) throws IOException {
        byte[] b = valid();
        putInt(b, 16, 0x7fffffff); // the file header claims a 2 GB snap length too
        putInt(b, SECOND_RECORD + 8, caplen);
        putInt(b, SECOND_RECORD + 12, caplen);
        IOException e = assertThrows(IOException.class, () -> PcapReader.readAll(file(dir, b)));
        assertTrue(e.getMessage().contains("record 2 at byte " + SECOND_RECORD) && e.getMessage().contains("snap length 262144"),
                e.getMessage());
    }

    @Test
    void aCapturedLengthBeyondTheEndOfTheFileIsRefused(@TempDir Path dir) throws IOException {
        byte[] b = valid();
        putInt(b, SECOND_RECORD + 8, 60_000);
        putInt(b, SECOND_RECORD + 12, 60_000);
        IOException e = assertThrows(IOException.class, () -> PcapReader.readAll(file(dir, b)));
        assertTrue(e.getMessage().contains("bytes left in the file"), e.getMessage());
    }

    @Test
    void aCapturedLengthAboveTheFilesSnapLengthIsRefused(@TempDir Path dir) throws IOException {
        byte[] b = valid();
        putInt(b, 16, 96); // snaplen 96: the 100-byte frame does not fit
        IOException e = assertThrows(IOException.class, () -> PcapReader.readAll(file(dir, b)));
        assertTrue(e.getMessage().contains("record 2") && e.getMessage().contains("snap length 96"), e.getMessage());
    }

    @Test
    void originalShorterThanCapturedIsRefused(@TempDir Path dir) throws IOException {
        byte[] b = valid();
        putInt(b, SECOND_RECORD + 12, 10);
        assertTrue(assertThrows(IOException.class, () -> PcapReader.readAll(file(dir, b))).getMessage()
                .contains("original length 10 is below the captured length 100"));
    }

    /** Every cut of a valid file: either the records before the cut or a "truncated" error, never anything else. */
    @Test
    void everyTruncationIsAClearError(@TempDir Path dir) throws IOException {
        byte[] v = valid();
        List<Integer> ends = List.of(PcapWriter.FILE_HEADER_LENGTH, SECOND_RECORD, SECOND_RECORD + 16 + 100, v.length);
        for (int len = 0; len <= v.length; len++) {
            byte[] cut = java.util.Arrays.copyOf(v, len);
            if (ends.contains(len)) {
                assertEquals(ends.indexOf(len), PcapReader.readAll(file(dir, cut)).size(), "cut at " + len);
            } else {
                int at = len;
                IOException e = assertThrows(IOException.class, () -> PcapReader.readAll(file(dir, cut)), "cut at " + len);
                assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("not a pcap"), at + ": " + e.getMessage());
            }
        }
    }

    /** Seeded random corruption, through a stream (no file size known): only clean records or an IOException. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void randomCorruptionIsRecordsOrAnIoError(long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        byte[] v = valid();
        for (int trial = 0; trial < 2_000; trial++) {
            byte[] b = v.clone();
            int flips = 1 + rnd.nextInt(4);
            for (int i = 0; i < flips; i++) {
                b[PcapWriter.FILE_HEADER_LENGTH + rnd.nextInt(b.length - PcapWriter.FILE_HEADER_LENGTH)] = (byte) rnd.nextInt(256);
            }
            try (PcapReader r = new PcapReader(new ByteArrayInputStream(b))) {
                for (Optional<PcapReader.Record> rec = r.next(); rec.isPresent(); rec = r.next()) {
                    assertTrue(rec.get().data().length <= PcapReader.MAXIMUM_SNAPLEN);
                    assertTrue(rec.get().originalLength() >= rec.get().data().length);
                }
            } catch (IOException e) {
                assertTrue(e.getMessage() != null && e.getMessage().startsWith("pcap stream"), e.getMessage());
            }
        }
    }
}
