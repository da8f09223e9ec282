package io.pairpad.complete;

/** 64-bit hashes of token texts and of token sequences (n-gram contexts). */
final class Hash64 {
    private Hash64() {
    }

    static long of(String s) {
        long h = 0x9E3779B97F4A7C15L ^ s.length();
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001B3L;
        }
        return mix(h);
    }

    static long of(CharSequence s, int from, int to) {
        long h = 0x9E3779B97F4A7C15L ^ (to - from);
        for (int i = from; i < to; i++) {
            h = (h ^ s.charAt(i)) * 0x100000001B3L;
        }
        return mix(h);
    }

    /** Hash of a context ending with a token of hash t, after a context of hash prev (0 for none). */
    static long extend(long prev, long t) {
        return mix(prev * 0xC2B2AE3D27D4EB4FL + t + 0x165667B19E3779F9L);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
