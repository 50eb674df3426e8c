package io.tunnelsim.sim;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Named random streams derived from one scenario seed. A stream's sequence depends only on
 * the seed and its name (e.g. {@code "link/hq:eth0-isp-a:eth0/loss"}), so adding a stream
 * elsewhere never shifts another one, and a run repeats exactly for the same seed.
 */
public final class RandomStreams {
    private final long seed;

    public RandomStreams(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    /** A fresh generator for {@code name}; equal names give equal sequences. */
    public SplittableRandom stream(String name) {
        return new SplittableRandom(mix(seed ^ fnv1a64(name)));
    }

    /** A seed for a derived run (e.g. sweep trial {@code i}), independent of the stream names. */
    public long derive(String name) {
        return mix(seed + 0x9E37_79B9_7F4A_7C15L * (fnv1a64(name) | 1));
    }

    static long fnv1a64(String s) {
        long h = 0xcbf2_9ce4_8422_2325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100_0000_01b3L;
        }
        return h;
    }

    /** The SplitMix64 finaliser: spreads nearby inputs over the whole 64-bit space. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58_476d_1ce4_e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d0_49bb_1331_11ebL;
        return z ^ (z >>> 31);
    }
}
