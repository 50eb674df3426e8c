package io.tunnelsim.routing.ospf;

import io.tunnelsim.wire.LsaKey;
import java.util.Arrays;

/**
 * A map from LSA key to {@code V} that iterates in insertion order, as a
 * {@code LinkedHashMap} does (replacing the value of a present key keeps its place), for a
 * neighbour's retransmission and request lists: flooding adds to, looks up and removes from
 * them for every LSA copy sent, received and acknowledged.
 *
 * <p>Entries sit in insertion order in parallel arrays (a removed one leaves a hole that
 * iteration skips, squeezed out when the arrays fill up); an open-addressing index over the
 * key fields, compared as ints, points into them. No allocation per operation once the
 * arrays have grown to the list's working size.
 */
final class LsaKeyedList<V> {
    private static final int INITIAL = 8;

    private LsaKey[] keys = new LsaKey[INITIAL];
    private Object[] values = new Object[INITIAL];
    /** The key fields by position, compared during lookups: Link State ID and Advertising Router packed. */
    private long[] packed = new long[INITIAL];
    private byte[] types = new byte[INITIAL];
    /** Positions in use: 0 .. end-1, of which size hold entries. */
    private int end;
    private int size;
    /** Open-addressing index: position + 1 of the entry, 0 for a free slot. */
    private int[] index = new int[2 * INITIAL];

    private static int hash(int type, int id, int adv) {
        int h = (id * 0x9E37_79B9 ^ adv) + type;
        h ^= h >>> 16;
        h *= 0x85EB_CA6B;
        return h ^ (h >>> 13);
    }

    private static int hash(LsaKey k) {
        return hash(k.type(), k.linkStateIdBits(), k.advertisingRouterBits());
    }

    private int hashAt(int position) {
        long pk = packed[position];
        return hash(types[position] & 0xff, (int) (pk >>> 32), (int) pk);
    }

    private static long packed(LsaKey k) {
        return (long) k.linkStateIdBits() << 32 | (k.advertisingRouterBits() & 0xFFFF_FFFFL);
    }

    /** The index slot holding {@code k}, or -1. */
    private int slotOf(LsaKey k) {
        long want = packed(k);
        byte type = (byte) k.type();
        int m = index.length - 1;
        for (int i = hash(k) & m; ; i = (i + 1) & m) {
            int p = index[i];
            if (p == 0) {
                return -1;
            }
            if (packed[p - 1] == want && types[p - 1] == type) {
                return i;
            }
        }
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    boolean containsKey(LsaKey k) {
        return size != 0 && slotOf(k) >= 0;
    }

    @SuppressWarnings("unchecked")
    V get(LsaKey k) {
        if (size == 0) {
            return null;
        }
        int s = slotOf(k);
        return s < 0 ? null : (V) values[index[s] - 1];
    }

    /** Adds {@code k} at the end, or replaces its value in place; returns the previous value. */
    @SuppressWarnings("unchecked")
    V put(LsaKey k, V v) {
        int s = size == 0 ? -1 : slotOf(k);
        if (s >= 0) {
            int p = index[s] - 1;
            V old = (V) values[p];
            values[p] = v;
            return old;
        }
        if (end == keys.length) {
            if (size * 2 <= end) {
                compact();
            } else {
                keys = Arrays.copyOf(keys, keys.length * 2);
                values = Arrays.copyOf(values, values.length * 2);
                packed = Arrays.copyOf(packed, packed.length * 2);
                types = Arrays.copyOf(types, types.length * 2);
            }
        }
        if (2 * (end + 1) > index.length) {
            index = new int[index.length * 2];
            reindex();
        }
        keys[end] = k;
        values[end] = v;
        packed[end] = packed(k);
        types[end] = (byte) k.type();
        end++;
        size++;
        insertIndex(hash(k), end);
        return null;
    }

    private void insertIndex(int h, int positionPlusOne) {
        int m = index.length - 1;
        int i = h & m;
        while (index[i] != 0) {
            i = (i + 1) & m;
        }
        index[i] = positionPlusOne;
    }

    /** Removes {@code k}; returns its value, or null when absent. */
    @SuppressWarnings("unchecked")
    V remove(LsaKey k) {
        if (size == 0) {
            return null;
        }
        int s = slotOf(k);
        if (s < 0) {
            return null;
        }
        int p = index[s] - 1;
        V old = (V) values[p];
        keys[p] = null;
        values[p] = null;
        size--;
        if (size == 0) {
            clearPositions();
            return old;
        }
        if (p == end - 1) {
            end--;
        }
        // backward-shift deletion in the index
        int m = index.length - 1;
        int hole = s;
        for (int j = (s + 1) & m; index[j] != 0; j = (j + 1) & m) {
            int home = hashAt(index[j] - 1) & m;
            boolean stays = hole <= j ? (hole < home && home <= j) : (hole < home || home <= j);
            if (!stays) {
                index[hole] = index[j];
                hole = j;
            }
        }
        index[hole] = 0;
        return old;
    }

    private void clearPositions() {
        Arrays.fill(keys, 0, end, null);
        Arrays.fill(values, 0, end, null);
        Arrays.fill(index, 0);
        end = 0;
        size = 0;
    }

    void clear() {
        clearPositions();
    }

    /** Squeezes out removed positions, keeping the order, and rebuilds the index. */
    private void compact() {
        int w = 0;
        for (int r = 0; r < end; r++) {
            if (keys[r] != null) {
                keys[w] = keys[r];
                values[w] = values[r];
                packed[w] = packed[r];
                types[w] = types[r];
                w++;
            }
        }
        Arrays.fill(keys, w, end, null);
        Arrays.fill(values, w, end, null);
        end = w;
        reindex();
    }

    private void reindex() {
        Arrays.fill(index, 0);
        for (int p = 0; p < end; p++) {
            if (keys[p] != null) {
                insertIndex(hashAt(p), p + 1);
            }
        }
    }

    /** Iteration in insertion order: positions 0 .. {@code end()}-1 whose key is not null. */
    int end() {
        return end;
    }

    LsaKey keyAt(int position) {
        return keys[position];
    }

    @SuppressWarnings("unchecked")
    V valueAt(int position) {
        return (V) values[position];
    }
}
