package io.tunnelsim.bench;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.ipsec.EspProcessor;
import io.tunnelsim.ipsec.KeyDerivation;
import io.tunnelsim.ipsec.SecurityAssociation;
import io.tunnelsim.ipsec.crypto.BareCipher;
import io.tunnelsim.ipsec.crypto.EspEncryption;
import io.tunnelsim.ipsec.crypto.EspIntegrity;
import io.tunnelsim.wire.MalformedPacketException;
import io.tunnelsim.wire.PacketBuffer;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Packets per second of ESP seal and open for a 1400-byte payload, next to the bare
 * BouncyCastle primitive on the same bytes in the same run, so the cost of ESP framing (header,
 * padding, trailer, sequence and replay handling) shows against the cryptography itself.
 *
 * <p>Each operation gets a warm-up, then all of a transform's operations run {@value #ROUNDS} timed
 * rounds round-robin; the table reports the median and best round. "open" includes copying the 1440-odd sealed bytes back into the work
 * buffer before each call, since opening decrypts in place. Wall-clock time is read here and only
 * here: benchmarks are outside the simulation.
 */
public final class EspBenchmark {
    static final int PAYLOAD = 1400;
    static final int ROUNDS = 5;
    private static final int BATCH = 128;
    private static volatile int sink;

    private EspBenchmark() {
    }

    public static void main(String[] args) throws MalformedPacketException {
        run(System.out, args.length > 0 ? Integer.parseInt(args[0]) : 30);
    }

    private interface Op {
        void run(long i) throws MalformedPacketException;
    }

    private record Result(String transform, String operation, double median, double best) {
    }

    /** Runs every measurement in about {@code seconds} seconds in total and prints the table. */
    public static void run(PrintStream out, int seconds) throws MalformedPacketException {
        long perOpNanos = Math.max(1, seconds) * 1_000_000_000L / 6;
        List<Result> results = new ArrayList<>();
        measureSuite(results, "AES-GCM-128", EspEncryption.AES_GCM_128_16, EspIntegrity.NONE, perOpNanos);
        measureSuite(results, "AES-CBC-128+HMAC-SHA-256-128", EspEncryption.AES_CBC_128,
                EspIntegrity.HMAC_SHA256_128, perOpNanos);

        out.printf(Locale.ROOT, "ESP benchmark: %d-byte payload, %d timed rounds, Java %s%n",
                PAYLOAD, ROUNDS, System.getProperty("java.version"));
        out.printf(Locale.ROOT, "%-30s %-12s %12s %12s %10s %9s%n",
                "transform", "operation", "median pkt/s", "best pkt/s", "MB/s", "vs bare");
        for (int i = 0; i < results.size(); i++) {
            Result r = results.get(i);
            Result bare = results.get(i - i % 3 + 2);
            out.printf(Locale.ROOT, "%-30s %-12s %12.0f %12.0f %10.1f %8.0f%%%n", r.transform, r.operation,
                    r.median, r.best, r.median * PAYLOAD / 1e6, 100.0 * r.median / bare.median);
        }
    }

    private static void measureSuite(List<Result> results, String name, EspEncryption enc, EspIntegrity integ,
                                     long perOpNanos) throws MalformedPacketException {
        KeyDerivation.SaKeys keys = KeyDerivation.derive(1, "bench-a", "bench-b", 0, enc, integ);
        SecurityAssociation.Builder b = SecurityAssociation.builder().spi(keys.spi())
                .source(Ipv4Address.parse("203.0.113.2")).destination(Ipv4Address.parse("198.51.100.2"))
                .encryption(enc, keys.encryptionKey()).integrity(integ, keys.integrityKey())
                .extendedSequenceNumbers(true);
        SecurityAssociation outbound = b.direction(SecurityAssociation.Direction.OUTBOUND).build();
        SecurityAssociation inbound = b.direction(SecurityAssociation.Direction.INBOUND).antiReplay(false).build();

        int headroom = PacketBuffer.DEFAULT_HEADROOM;
        byte[] work = new byte[headroom + PAYLOAD + PacketBuffer.DEFAULT_TAILROOM];
        Arrays.fill(work, (byte) 0x42);

        Op seal = i -> {
            PacketBuffer p = PacketBuffer.wrap(work, headroom, PAYLOAD);
            EspProcessor.seal(outbound, p, 4);
            sink += work[headroom + 100];
        };

        PacketBuffer sealed = PacketBuffer.copyOf(new byte[PAYLOAD]);
        EspProcessor.seal(b.direction(SecurityAssociation.Direction.OUTBOUND).build(), sealed, 4);
        byte[] wire = sealed.toByteArray();
        byte[] openWork = new byte[wire.length];
        Op open = i -> {
            System.arraycopy(wire, 0, openWork, 0, wire.length);
            sink += EspProcessor.open(inbound, PacketBuffer.wrap(openWork, 0, wire.length));
        };

        Op bare;
        if (enc.combinedMode()) {
            BareCipher gcm = BareCipher.aesGcm(Arrays.copyOf(keys.encryptionKey(), enc.keyLength()));
            bare = i -> {
                gcm.encrypt(work, headroom, PAYLOAD, i);
                sink += work[headroom];
            };
        } else {
            // CBC needs whole blocks: 1408 bytes, exactly what ESP encrypts for a 1400-byte payload.
            BareCipher cbc = BareCipher.aesCbcHmacSha256(keys.encryptionKey(), keys.integrityKey());
            int blocks = (PAYLOAD + 2 + 15) / 16 * 16;
            bare = i -> {
                cbc.encrypt(work, headroom, blocks, i);
                sink += work[headroom];
            };
        }
        measure(results, name, List.of("ESP seal", "ESP open", "bare cipher"), List.of(seal, open, bare), perOpNanos);
    }

    /**
     * Warms every operation up, then times them round-robin, so that a change in machine load
     * affects all of them alike instead of whichever happened to run at that moment.
     */
    private static void measure(List<Result> results, String transform, List<String> names, List<Op> ops,
                                long budgetNanos) throws MalformedPacketException {
        long warmup = budgetNanos / (ROUNDS + 1);
        long roundNanos = (budgetNanos - warmup) / ROUNDS;
        long[] counters = new long[ops.size()];
        double[][] rates = new double[ops.size()][ROUNDS];
        for (int o = 0; o < ops.size(); o++) {
            counters[o] = timed(ops.get(o), warmup, 1)[1];
        }
        for (int r = 0; r < ROUNDS; r++) {
            for (int o = 0; o < ops.size(); o++) {
                long[] res = timed(ops.get(o), roundNanos, counters[o]);
                rates[o][r] = res[0] * 1e9 / res[2];
                counters[o] = res[1];
            }
        }
        for (int o = 0; o < ops.size(); o++) {
            Arrays.sort(rates[o]);
            results.add(new Result(transform, names.get(o), rates[o][ROUNDS / 2], rates[o][ROUNDS - 1]));
        }
    }

    /** Runs batches until {@code nanos} elapse; returns {operations, next counter, elapsed}. */
    private static long[] timed(Op op, long nanos, long counter) throws MalformedPacketException {
        long start = System.nanoTime();
        long elapsed;
        long ops = 0;
        do {
            for (int k = 0; k < BATCH; k++) {
                op.run(counter++);
            }
            ops += BATCH;
            elapsed = System.nanoTime() - start;
        } while (elapsed < nanos);
        return new long[] {ops, counter, elapsed};
    }
}
