package io.pairpad.complete;

import java.util.Arrays;

/**
 * Numbers 64-bit keys 0, 1, 2... in the order they are first added (open addressing, linear
 * probing). Keys are hashes already, so they are used as they are.
 */
final class LongIndex {
    private long[] slotKeys;
    /** Per slot: the key's number + 1, or 0 for an empty slot. */
    private int[] slotIndex;
    private long[] keys;
    private int size;

    LongIndex(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        slotKeys = new long[cap];
        slotIndex = new int[cap];
        keys = new long[Math.max(16, expected)];
    }

    int size() {
        return size;
    }

    /** The number of key, or -1 if it was never added. */
    int find(long key) {
        int mask = slotKeys.length - 1;
        for (int s = spread(key) & mask; slotIndex[s] != 0; s = (s + 1) & mask) {
            if (slotKeys[s] == key) {
                return slotIndex[s] - 1;
            }
        }
        return -1;
    }

    /** The number of key, added (as size() - 1) if it is new. */
    int add(long key) {
        int mask = slotKeys.length - 1;
        int s = spread(key) & mask;
        for (; slotIndex[s] != 0; s = (s + 1) & mask) {
            if (slotKeys[s] == key) {
                return slotIndex[s] - 1;
            }
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
        }
        keys[size] = key;
        slotKeys[s] = key;
        slotIndex[s] = ++size;
        if (2 * size > slotKeys.length) {
            grow();
        }
        return size - 1;
    }

    private static int spread(long key) {
        return (int) (key ^ (key >>> 32));
    }

    private void grow() {
        int cap = slotKeys.length * 2;
        slotKeys = new long[cap];
        slotIndex = new int[cap];
        int mask = cap - 1;
        for (int i = 0; i < size; i++) {
            int s = spread(keys[i]) & mask;
            while (slotIndex[s] != 0) {
                s = (s + 1) & mask;
            }
            slotKeys[s] = keys[i];
            slotIndex[s] = i + 1;
        }
    }
}
