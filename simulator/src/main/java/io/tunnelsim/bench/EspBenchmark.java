package io.tunnelsim.bench;

import io.tunnelsim.addr.Ipv4Address;
import io.tunnelsim.ipsec.EspProcessor;
import io.tunnelsim.ipsec.KeyDerivation;
import io.tunnelsim.ipsec.SecurityAssociation;
import io.tunnelsim.ipsec.crypto.BareCipher;
import io.tunnelsim.ipsec.crypto.BouncyCastleEspCipherProvider;
import io.tunnelsim.ipsec.crypto.EspCipherProvider;
import io.tunnelsim.ipsec.crypto.EspEncryption;
import io.tunnelsim.ipsec.crypto.EspIntegrity;
import io.tunnelsim.ipsec.crypto.JdkEspCipherProvider;
import io.tunnelsim.wire.MalformedPacketException;
import io.tunnelsim.wire.PacketBuffer;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Packets per second of ESP seal and open for a 1400-byte payload, next to the bare cipher on the
 * same bytes in the same run, so the cost of ESP framing (header, padding, trailer, sequence and
 * replay handling) shows against the cryptography itself.
 *
 * <p>Per transform it times ESP seal and open with the default (JDK) provider, the JDK's bare
 * cipher (AES-GCM; AES-CBC + HmacSHA256) encrypting and decrypting the same number of bytes, and
 * the same four with BouncyCastle, the reference provider. The ratio column compares ESP seal with
 * the bare encryption and ESP open with the bare decryption of its own provider;
 * "alloc" is the heap allocated per packet (the JVM's per-thread allocation counter).
 *
 * <p>Each operation gets a warm-up, then all of a transform's operations run in short timed rounds,
 * round-robin; the table reports the median and best round, and the ratio to the bare cipher as
 * the median of the per-round ratios. "open" includes copying the 1440-odd sealed bytes back into the work
 * buffer before each call, since opening decrypts in place. Wall-clock time is read here and only
 * here: benchmarks are outside the simulation.
 */
public final class EspBenchmark {
    static final int PAYLOAD = 1400;
    static final int SLICE_MILLIS = 20;
    static final int MIN_ROUNDS = 5;
    private static final int BATCH = 32;
    private static final int OPS_PER_SUITE = 8;
    private static volatile int sink;

    private EspBenchmark() {
    }

    public static void main(String[] args) throws MalformedPacketException {
        run(System.out, args.length > 0 ? Integer.parseInt(args[0]) : 30);
    }

    private interface Op {
        void run(long i) throws MalformedPacketException;
    }

    private record Result(String transform, String operation, double median, double best, double ratio,
                          double allocPerOp, int rounds) {
    }

    /** Runs every measurement in about {@code seconds} seconds in total and prints the table. */
    public static void run(PrintStream out, int seconds) throws MalformedPacketException {
        long perOpNanos = Math.max(1, seconds) * 1_000_000_000L / (2 * OPS_PER_SUITE);
        List<Result> results = new ArrayList<>();
        measureSuite(results, "AES-GCM-128", EspEncryption.AES_GCM_128_16, EspIntegrity.NONE, perOpNanos);
        measureSuite(results, "AES-CBC-128+HMAC-SHA-256-128", EspEncryption.AES_CBC_128,
                EspIntegrity.HMAC_SHA256_128, perOpNanos);

        out.printf(Locale.ROOT, "ESP benchmark: %d-byte payload, %d timed rounds of %d ms per operation, Java %s (%s)%n",
                PAYLOAD, results.get(0).rounds, SLICE_MILLIS, System.getProperty("java.version"),
                System.getProperty("os.arch"));
        out.printf(Locale.ROOT, "%-30s %-24s %12s %12s %10s %9s %10s%n",
                "transform", "operation", "median pkt/s", "best pkt/s", "MB/s", "vs bare", "alloc B/pkt");
        for (Result r : results) {
            out.printf(Locale.ROOT, "%-30s %-24s %12.0f %12.0f %10.1f %8.2fx %10.0f%n", r.transform, r.operation,
                    r.median, r.best, r.median * PAYLOAD / 1e6, r.ratio, r.allocPerOp);
        }
    }

    private static void measureSuite(List<Result> results, String name, EspEncryption enc, EspIntegrity integ,
                                     long perOpNanos) throws MalformedPacketException {
        KeyDerivation.SaKeys keys = KeyDerivation.derive(1, "bench-a", "bench-b", 0, enc, integ);
        byte[] cipherKey = Arrays.copyOf(keys.encryptionKey(), enc.keyLength());
        List<String> names = new ArrayList<>();
        List<Op> ops = new ArrayList<>();
        for (EspCipherProvider provider : List.of(JdkEspCipherProvider.INSTANCE, BouncyCastleEspCipherProvider.INSTANCE)) {
            boolean jdk = provider == JdkEspCipherProvider.INSTANCE;
            String label = jdk ? "JDK" : "BouncyCastle";
            addEspOps(names, ops, label, keys, enc, integ, provider);
            BareCipher bareCipher = enc.combinedMode()
                    ? (jdk ? BareCipher.jdkAesGcm(cipherKey) : BareCipher.aesGcm(cipherKey))
                    : (jdk ? BareCipher.jdkAesCbcHmacSha256(cipherKey, keys.integrityKey())
                            : BareCipher.aesCbcHmacSha256(cipherKey, keys.integrityKey()));
            int headroom = PacketBuffer.DEFAULT_HEADROOM;
            byte[] work = new byte[headroom + PAYLOAD + PacketBuffer.DEFAULT_TAILROOM];
            Arrays.fill(work, (byte) 0x42);
            // CBC needs whole blocks: 1408 bytes, exactly what ESP encrypts for a 1400-byte payload.
            int len = enc.combinedMode() ? PAYLOAD : (PAYLOAD + 2 + 15) / 16 * 16;
            names.add("bare encrypt (" + label + ")");
            ops.add(i -> {
                bareCipher.encrypt(work, headroom, len, i);
                sink += work[headroom];
            });
            byte[] sealed = work.clone();
            bareCipher.encrypt(sealed, headroom, len, 0);
            names.add("bare decrypt (" + label + ")");
            ops.add(i -> {
                if (!bareCipher.decrypt(sealed, headroom, len, 0)) {
                    throw new IllegalStateException("bare " + label + " cipher refused its own output");
                }
                sink++;
            });
        }
        measure(results, name, names, ops, perOpNanos);
    }

    private static void addEspOps(List<String> names, List<Op> ops, String label, KeyDerivation.SaKeys keys,
                                  EspEncryption enc, EspIntegrity integ, EspCipherProvider provider)
            throws MalformedPacketException {
        SecurityAssociation.Builder b = SecurityAssociation.builder().spi(keys.spi())
                .source(Ipv4Address.parse("203.0.113.2")).destination(Ipv4Address.parse("198.51.100.2"))
                .encryption(enc, keys.encryptionKey()).integrity(integ, keys.integrityKey())
                .extendedSequenceNumbers(true);
        SecurityAssociation outbound = b.direction(SecurityAssociation.Direction.OUTBOUND).build(provider);
        SecurityAssociation inbound = b.direction(SecurityAssociation.Direction.INBOUND).antiReplay(false).build(provider);

        int headroom = PacketBuffer.DEFAULT_HEADROOM;
        byte[] work = new byte[headroom + PAYLOAD + PacketBuffer.DEFAULT_TAILROOM];
        Arrays.fill(work, (byte) 0x42);
        names.add("ESP seal (" + label + ")");
        ops.add(i -> {
            PacketBuffer p = PacketBuffer.wrap(work, headroom, PAYLOAD);
            EspProcessor.seal(outbound, p, 4);
            sink += work[headroom + 100];
        });

        PacketBuffer sealed = PacketBuffer.copyOf(new byte[PAYLOAD]);
        EspProcessor.seal(b.direction(SecurityAssociation.Direction.OUTBOUND).build(provider), sealed, 4);
        byte[] wire = sealed.toByteArray();
        byte[] openWork = new byte[wire.length];
        names.add("ESP open (" + label + ")");
        ops.add(i -> {
            System.arraycopy(wire, 0, openWork, 0, wire.length);
            sink += EspProcessor.open(inbound, PacketBuffer.wrap(openWork, 0, wire.length));
        });
    }

    /**
     * Warms every operation up, then times them round-robin in short slices of
     * {@value #SLICE_MILLIS} ms, so that a change in machine load affects all of them alike instead
     * of whichever happened to run at that moment. The ratio of an operation is the median over
     * rounds of its rate divided by its provider's bare-cipher rate in the same round.
     */
    private static void measure(List<Result> results, String transform, List<String> names, List<Op> ops,
                                long budgetNanos) throws MalformedPacketException {
        long warmup = budgetNanos / 6;
        long slice = SLICE_MILLIS * 1_000_000L;
        int rounds = (int) Math.max(MIN_ROUNDS, (budgetNanos - warmup) / slice);
        int n = ops.size();
        long[] counters = new long[n];
        double[][] rates = new double[n][rounds];
        long[] allocated = new long[n];
        long[] done = new long[n];
        for (int o = 0; o < n; o++) {
            counters[o] = timed(ops.get(o), warmup, 1)[1];
        }
        for (int r = 0; r < rounds; r++) {
            for (int o = 0; o < n; o++) {
                long before = allocatedBytes();
                long[] res = timed(ops.get(o), slice, counters[o]);
                allocated[o] += allocatedBytes() - before;
                done[o] += res[0];
                rates[o][r] = res[0] * 1e9 / res[2];
                counters[o] = res[1];
            }
        }
        for (int o = 0; o < n; o++) {
            double[] ratios = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                ratios[r] = rates[o][r] / rates[bareOf(o)][r];
            }
            Arrays.sort(ratios);
            double[] sorted = rates[o].clone();
            Arrays.sort(sorted);
            results.add(new Result(transform, names.get(o), sorted[rounds / 2], sorted[rounds - 1],
                    ratios[rounds / 2], (double) allocated[o] / done[o], rounds));
        }
    }

    /**
     * Per provider the operations are ESP seal, ESP open, bare encrypt, bare decrypt: seal is
     * compared with encrypt, open with decrypt, and each bare row with itself.
     */
    private static int bareOf(int o) {
        int base = o - o % 4;
        int k = o % 4;
        return base + (k == 0 || k == 2 ? 2 : 3);
    }

    /** Bytes this thread has allocated so far (HotSpot's counter), 0 where the JVM has none. */
    private static long allocatedBytes() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t) {
            return t.getThreadAllocatedBytes(Thread.currentThread().getId());
        }
        return 0;
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
