package io.tunnelsim.ipsec;

import java.util.Arrays;

/**
 * Anti-replay sliding window of an inbound SA, RFC 4303 §3.4.3 and RFC 4301 Appendix C, with the
 * extended-sequence-number inference of RFC 4303 Appendix A.
 *
 * <p>Sequence numbers are handled as unsigned 64-bit values (the full ESN; without ESN the high
 * half is zero). The window's right edge is the highest sequence number that passed integrity
 * verification; a number is acceptable if it lies right of the edge, or inside the window and has
 * not been seen. The bitmap is the ring of 64-bit words of RFC 6479: advancing the edge clears only
 * the words it passes, so large windows cost no shifting.
 *
 * <p>Use: {@link #check} before integrity verification, {@link #update} only after it succeeded,
 * so forged packets cannot move the window.
 *
 * <p>Simplifications: when ESN inference guesses wrong after a loss of more than 2^32 packets,
 * RFC 4303 Appendix A3 suggests retrying the ICV with the next high half; this class does not,
 * and such a packet fails integrity verification.
 */
public final class ReplayWindow {
    public static final int DEFAULT_SIZE = 64;
    public static final int MAX_SIZE = 1 << 16;

    private final int size;
    private final long[] words;
    private final int wordMask;
    private long top;

    public ReplayWindow() {
        this(DEFAULT_SIZE);
    }

    public ReplayWindow(int size) {
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("replay window size " + size + " is outside 1-" + MAX_SIZE);
        }
        this.size = size;
        int needed = (size + 63) / 64 + 1;
        int n = Integer.highestOneBit(needed);
        if (n < needed) {
            n <<= 1;
        }
        this.words = new long[n];
        this.wordMask = n - 1;
    }

    public int size() {
        return size;
    }

    /** The highest authenticated sequence number so far (0 before the first packet). */
    public long top() {
        return top;
    }

    /**
     * Whether {@code seq} may be accepted: non-zero, and either beyond the right edge or inside
     * the window and not yet received.
     */
    public boolean check(long seq) {
        if (seq == 0) {
            return false;
        }
        if (Long.compareUnsigned(seq, top) > 0) {
            return true;
        }
        if (Long.compareUnsigned(top - seq, size) >= 0) {
            return false;
        }
        return (words[wordIndex(seq)] & bit(seq)) == 0;
    }

    /** Marks {@code seq} as received, sliding the window if it is beyond the right edge. */
    public void update(long seq) {
        if (Long.compareUnsigned(seq, top) > 0) {
            long oldBlock = top >>> 6;
            long newBlock = seq >>> 6;
            long advance = newBlock - oldBlock;
            if (Long.compareUnsigned(advance, words.length) >= 0) {
                Arrays.fill(words, 0L);
            } else {
                for (long b = oldBlock + 1; b <= oldBlock + advance; b++) {
                    words[(int) (b & wordMask)] = 0L;
                }
            }
            top = seq;
        } else if (Long.compareUnsigned(top - seq, size) >= 0) {
            return;
        }
        words[wordIndex(seq)] |= bit(seq);
    }

    /**
     * The full 64-bit sequence number for a received low half, RFC 4303 Appendix A2.2: the high
     * half that places it nearest to the window.
     */
    public long inferSequence(long low32) {
        int seqLow = (int) low32;
        long th = top >>> 32;
        int tl = (int) top;
        int bottom = tl - size + 1;
        long high;
        if (Integer.compareUnsigned(tl, size - 1) >= 0) {
            // Case A: the window lies within one 2^32 subspace.
            high = Integer.compareUnsigned(seqLow, bottom) >= 0 ? th : th + 1;
        } else {
            // Case B: the window spans two subspaces.
            high = Integer.compareUnsigned(seqLow, bottom) >= 0 && th > 0 ? th - 1 : th;
        }
        return (high << 32) | (seqLow & 0xFFFF_FFFFL);
    }

    private int wordIndex(long seq) {
        return (int) ((seq >>> 6) & wordMask);
    }

    private static long bit(long seq) {
        return 1L << (seq & 63);
    }

    @Override
    public String toString() {
        return "ReplayWindow[size=" + size + ", top=" + Long.toUnsignedString(top) + "]";
    }
}
