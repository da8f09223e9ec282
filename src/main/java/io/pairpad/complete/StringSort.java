package io.pairpad.complete;

/**
 * Sorts arrays of distinct strings in their natural order. The request path sorts every new
 * chunk's vocabulary; with the library's sort, which the web layer also uses on arrays of other
 * types, the compiled sort was thrown away and recompiled whenever the array type changed.
 */
final class StringSort {
    private static final int INSERTION_MAX = 12;

    private StringSort() {
    }

    static void sort(String[] a) {
        sort(a, 0, a.length - 1);
    }

    private static void sort(String[] a, int lo, int hi) {
        while (hi - lo > INSERTION_MAX) {
            int p = partition(a, lo, hi);
            // recurse into the smaller side, loop on the larger: stack depth stays logarithmic
            if (p - lo < hi - p) {
                sort(a, lo, p - 1);
                lo = p + 1;
            } else {
                sort(a, p + 1, hi);
                hi = p - 1;
            }
        }
        insertionSort(a, lo, hi);
    }

    /** Partitions a[lo..hi] around the median of its first, middle and last elements; returns the pivot's index. */
    private static int partition(String[] a, int lo, int hi) {
        int mid = (lo + hi) >>> 1;
        if (a[mid].compareTo(a[lo]) < 0) {
            swap(a, mid, lo);
        }
        if (a[hi].compareTo(a[lo]) < 0) {
            swap(a, hi, lo);
        }
        if (a[hi].compareTo(a[mid]) < 0) {
            swap(a, hi, mid);
        }
        swap(a, mid, hi - 1);
        String pivot = a[hi - 1];
        int i = lo;
        int j = hi - 1;
        while (true) {
            while (a[++i].compareTo(pivot) < 0) {
            }
            while (pivot.compareTo(a[--j]) < 0) {
            }
            if (i >= j) {
                break;
            }
            swap(a, i, j);
        }
        swap(a, i, hi - 1);
        return i;
    }

    private static void insertionSort(String[] a, int lo, int hi) {
        for (int i = lo + 1; i <= hi; i++) {
            String x = a[i];
            int j = i - 1;
            while (j >= lo && a[j].compareTo(x) > 0) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = x;
        }
    }

    private static void swap(String[] a, int i, int j) {
        String t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
