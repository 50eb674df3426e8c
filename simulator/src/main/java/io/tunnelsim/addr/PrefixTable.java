package io.tunnelsim.addr;

import java.util.Arrays;

/**
 * A map from IPv4 prefixes to values as one open-addressing hash table: the key is (network bits,
 * length) packed into a primitive {@code long}, probed linearly, deleted by backward shift (no
 * tombstones, so lookups stay short), kept at most half full. About 16 bytes a slot and nothing
 * allocated per lookup; the FIB, the RIB and the shared prefix pool each hold one.
 *
 * <p>Slots are exposed ({@link #capacity()}, {@link #keyAt(int)}, {@link #valueAt(int)}) for
 * walks over every entry; their order is the table's, not the prefixes'.
 */
public final class PrefixTable<V> {
    /** The key of an empty slot (no prefix has it: a key fits in 38 bits). */
    public static final long EMPTY = -1L;

    private long[] keys;
    private Object[] values;
    private int size;

    /** @param capacity initial number of slots, a power of two */
    public PrefixTable(int capacity) {
        if (Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity " + capacity + " is not a power of two");
        }
        keys = newKeys(capacity);
        values = new Object[capacity];
    }

    /** The key of {@code networkBits/length}: network bits (unsigned) above the length, so keys sort as prefixes do. */
    public static long key(int networkBits, int length) {
        return (Integer.toUnsignedLong(networkBits) << 6) | length;
    }

    public static long key(Ipv4Prefix p) {
        return key(p.networkBits(), p.length());
    }

    private static long[] newKeys(int n) {
        long[] k = new long[n];
        Arrays.fill(k, EMPTY);
        return k;
    }

    private static int slot(long key, int capacity) {
        long h = key * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h >>> 40) & (capacity - 1);
    }

    private int find(long key) {
        int m = keys.length - 1;
        for (int i = slot(key, keys.length); ; i = (i + 1) & m) {
            long k = keys[i];
            if (k == key) {
                return i;
            }
            if (k == EMPTY) {
                return -1;
            }
        }
    }

    /** The value under {@code key}, or null. */
    @SuppressWarnings("unchecked")
    public V get(long key) {
        int i = find(key);
        return i < 0 ? null : (V) values[i];
    }

    /** Stores {@code value} (not null) under {@code key}; returns the value it replaces, or null. */
    @SuppressWarnings("unchecked")
    public V put(long key, V value) {
        int i = find(key);
        if (i >= 0) {
            V old = (V) values[i];
            values[i] = value;
            return old;
        }
        if (2 * (size + 1) > keys.length) {
            long[] oldKeys = keys;
            Object[] oldValues = values;
            keys = newKeys(oldKeys.length * 2);
            values = new Object[oldKeys.length * 2];
            for (int j = 0; j < oldKeys.length; j++) {
                if (oldKeys[j] != EMPTY) {
                    place(oldKeys[j], oldValues[j]);
                }
            }
        }
        place(key, value);
        size++;
        return null;
    }

    private void place(long key, Object value) {
        int m = keys.length - 1;
        int j = slot(key, keys.length);
        while (keys[j] != EMPTY) {
            j = (j + 1) & m;
        }
        keys[j] = key;
        values[j] = value;
    }

    /** Removes the entry under {@code key}; returns its value, or null when there was none. */
    @SuppressWarnings("unchecked")
    public V remove(long key) {
        int i = find(key);
        if (i < 0) {
            return null;
        }
        V old = (V) values[i];
        int m = keys.length - 1;
        int hole = i;
        for (int j = (i + 1) & m; keys[j] != EMPTY; j = (j + 1) & m) {
            int home = slot(keys[j], keys.length);
            // move j into the hole unless its home lies cyclically in (hole, j]
            boolean stays = hole <= j ? (hole < home && home <= j) : (hole < home || home <= j);
            if (!stays) {
                keys[hole] = keys[j];
                values[hole] = values[j];
                hole = j;
            }
        }
        keys[hole] = EMPTY;
        values[hole] = null;
        size--;
        return old;
    }

    public int size() {
        return size;
    }

    /** Number of slots, for walks with {@link #keyAt(int)} and {@link #valueAt(int)}. */
    public int capacity() {
        return keys.length;
    }

    /** The key in slot {@code i}, or {@link #EMPTY}. */
    public long keyAt(int i) {
        return keys[i];
    }

    /** The value in slot {@code i}, or null. */
    @SuppressWarnings("unchecked")
    public V valueAt(int i) {
        return (V) values[i];
    }
}
